// traindesk roll call: finding people. Search and grouping by duty
// station, and check-in by a badge's code, typed or scanned with the
// camera. It works on the page that roll.js runs (window.traindeskRoll).
(function () {
  "use strict";

  var roll = window.traindeskRoll;
  var list = document.getElementById("roll-list");
  if (!roll || !list) return;
  var t = roll.t;
  var data = roll.data;
  var toastText = roll.toast;

  // ---- check-in codes: typed or scanned ----
  function normCode(s) {
    return String(s || "").toUpperCase().replace(/\s+/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  }
  var byCode = {};
  data.people.forEach(function (p) { byCode[normCode(p.code)] = p; });
  // A locked roll call forgets the people it knew.
  roll.onLock(function () { byCode = {}; });
  function checkIn(code) {
    var p = byCode[normCode(code)];
    if (!p) {
      toastText(t("roll.qr_unknown"), false);
      return false;
    }
    var cur = roll.current(p.registration_id);
    var name = data.lang === "ar" && p.name_arabic ? p.name_arabic : p.name_latin || p.name_arabic;
    if (cur && cur.status === "present") {
      toastText(t("roll.already_marked", name), false);
      return true;
    }
    if (!roll.record(p.registration_id, "present", undefined, "qr", p.code)) return false;
    toastText(t("roll.qr_marked", name), false);
    var row = list.querySelector('.roll-row[data-reg="' + p.registration_id + '"]');
    if (row) row.scrollIntoView({ block: "center" });
    return true;
  }
  var codeForm = document.getElementById("roll-code");
  if (codeForm) codeForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var input = document.getElementById("roll-code-input");
    if (input.value.trim() && checkIn(input.value)) input.value = "";
  });

  var scanBtn = document.getElementById("roll-scan");
  var camera = document.getElementById("roll-camera");
  var video = document.getElementById("roll-video");
  var stream = null, scanning = false;
  if (scanBtn && "BarcodeDetector" in window && navigator.mediaDevices) {
    scanBtn.hidden = false;
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    var stopCamera = function () {
      scanning = false;
      camera.hidden = true;
      if (stream) stream.getTracks().forEach(function (tr) { tr.stop(); });
      stream = null;
    };
    var scanLoop = function () {
      if (!scanning) return;
      detector.detect(video).then(function (codes) {
        if (codes.length && checkIn(codes[0].rawValue)) {
          scanning = false;
          setTimeout(function () { if (stream) { scanning = true; scanLoop(); } }, 1500);
          return;
        }
        setTimeout(scanLoop, 250);
      }).catch(function () { setTimeout(scanLoop, 500); });
    };
    scanBtn.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (s) {
        stream = s;
        video.srcObject = s;
        camera.hidden = false;
        return video.play();
      }).then(function () {
        scanning = true;
        scanLoop();
      }).catch(function () {
        stopCamera();
        toastText(t("roll.qr_no_camera"), false);
      });
    });
    document.getElementById("roll-camera-close").addEventListener("click", stopCamera);
  }

  // ---- search and grouping ----
  function fold(s) {
    return String(s || "").toLowerCase()
      .replace(/[\u064B-\u0652\u0670\u0640]/g, "")
      .replace(/[أإآٱ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var search = document.getElementById("roll-search");
  search.addEventListener("input", function () {
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    list.querySelectorAll(".roll-row").forEach(function (row) {
      var hay = fold(row.querySelector(".who").textContent);
      row.hidden = !words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
  });
  var group = document.getElementById("roll-group");
  var originalOrder = Array.prototype.slice.call(list.querySelectorAll(".roll-row"));
  group.addEventListener("change", function () {
    list.querySelectorAll(".roll-group").forEach(function (h) { h.remove(); });
    var rows = originalOrder.slice();
    if (group.checked) {
      rows.sort(function (a, b) {
        return (a.getAttribute("data-station") || "~").localeCompare(b.getAttribute("data-station") || "~");
      });
    }
    var last = null;
    rows.forEach(function (row) {
      var st = row.getAttribute("data-station") || "—";
      if (group.checked && st !== last) {
        var h = document.createElement("li");
        h.className = "roll-group";
        h.textContent = st;
        list.appendChild(h);
        last = st;
      }
      list.appendChild(row);
    });
  });

})();

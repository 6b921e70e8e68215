// traindesk roll call. Works with or without the network: every tap is
// stored on the tablet (IndexedDB) with its own id, the tablet's clock and
// the device id, shown as pending, and sent in batches whenever the server
// answers. The server applies each mark once and keeps, per person and
// session, the one with the latest tablet time; this script uses the same
// rule to show what will win.
(function () {
  "use strict";

  var root = document.getElementById("roll");
  if (!root) return;

  var data = JSON.parse(root.getAttribute("data-roll"));
  var msg = JSON.parse(root.getAttribute("data-messages"));
  var syncURL = root.getAttribute("data-sync-url");
  var rosterURL = root.getAttribute("data-roster-url");
  var sid = data.session_id;
  var canMark = data.can_mark;
  var list = document.getElementById("roll-list");
  var status = document.getElementById("sync-status");
  var digits = data.lang === "ar" ? "٠١٢٣٤٥٦٧٨٩" : null;

  function num(n) {
    var s = String(n);
    return digits ? s.replace(/[0-9]/g, function (d) { return digits[+d]; }) : s;
  }
  // t translates key; a message with plural forms takes the form that the
  // browser's CLDR rules (Intl.PluralRules) give for n in the page's language.
  function t(key, n) {
    var s = msg[key] || key;
    if (typeof s === "object") {
      var form = n === undefined ? "other" : new Intl.PluralRules(document.documentElement.lang || "en").select(n);
      s = s[form] || s.other;
    }
    return n === undefined ? s : s.replace(/%(\[1\])?[sd]/, num(n));
  }

  // ---- device id and operation ids ----
  function randomId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
  }
  var deviceId = localStorage.getItem("traindesk.device");
  if (!deviceId) {
    deviceId = "tab-" + randomId().slice(0, 12);
    localStorage.setItem("traindesk.device", deviceId);
  }

  // ---- IndexedDB: the queue of operations and the last roster ----
  var dbp = new Promise(function (resolve, reject) {
    var req = indexedDB.open("traindesk", 1);
    req.onupgradeneeded = function () {
      var db = req.result;
      if (!db.objectStoreNames.contains("ops")) db.createObjectStore("ops", { keyPath: "op_id" });
      if (!db.objectStoreNames.contains("rosters")) db.createObjectStore("rosters", { keyPath: "session_id" });
    };
    req.onsuccess = function () { resolve(req.result); };
    req.onerror = function () { reject(req.error); };
  });
  function tx(store, mode, fn) {
    return dbp.then(function (db) {
      return new Promise(function (resolve, reject) {
        var x = db.transaction(store, mode);
        var out = fn(x.objectStore(store));
        x.oncomplete = function () { resolve(out && out.result !== undefined ? out.result : out); };
        x.onerror = function () { reject(x.error); };
        x.onabort = function () { reject(x.error); };
      });
    });
  }
  function allOps() { return tx("ops", "readonly", function (s) { return s.getAll(); }); }
  function putOp(op) { return tx("ops", "readwrite", function (s) { s.put(op); }); }
  function deleteOps(ids) {
    return tx("ops", "readwrite", function (s) { ids.forEach(function (id) { s.delete(id); }); });
  }

  // ---- state: the server's marks, and our pending operations on top ----
  var people = {}; // registration id → {server: {...}, pending: op|null, refused: reason}
  data.people.forEach(function (p) {
    people[p.registration_id] = {
      server: p.status ? { status: p.status, note: p.note, client_time: p.client_time, device_id: "", op_id: "" } : null,
      pending: null, refused: ""
    };
  });

  // wins mirrors the server's rule: later tablet time, then device id,
  // then operation id.
  function wins(a, b) {
    if (!b) return true;
    if (a.client_time !== b.client_time) return a.client_time > b.client_time;
    if (a.device_id !== b.device_id) return a.device_id > b.device_id;
    return a.op_id > b.op_id;
  }
  function current(p) {
    if (p.pending && wins(p.pending, p.server)) return p.pending;
    return p.server;
  }

  function applyOps(ops) {
    ops.forEach(function (op) {
      var p = people[op.registration_id];
      if (!p || op.session_id !== sid) return;
      if (op.refused) {
        p.refused = op.refused;
        return;
      }
      if (!p.pending || wins(op, p.pending)) p.pending = op;
    });
  }

  // ---- rendering ----
  function rowOf(reg) { return list.querySelector('.roll-row[data-reg="' + reg + '"]'); }

  function renderRow(reg) {
    var p = people[reg], row = rowOf(reg);
    if (!row) return;
    var cur = current(p);
    var st = cur ? cur.status : "";
    row.setAttribute("data-status", st);
    row.classList.toggle("is-pending", !!(p.pending && wins(p.pending, p.server)));
    row.classList.toggle("is-refused", !!p.refused);
    row.querySelectorAll(".mk").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-mark") === st));
    });
    row.querySelector(".note-text").textContent = cur && cur.note ? cur.note : "";
    var mark = row.querySelector(".sync-mark");
    mark.textContent = p.refused ? t(p.refused) : "";
    mark.title = p.refused ? t(p.refused) : "";
  }

  function renderCounts() {
    var c = { present: 0, late: 0, absent: 0, excused: 0, "": 0 };
    Object.keys(people).forEach(function (reg) {
      var cur = current(people[reg]);
      c[cur ? cur.status : ""]++;
    });
    root.querySelectorAll("[data-count]").forEach(function (dd) {
      dd.textContent = num(c[dd.getAttribute("data-count")] || 0);
    });
  }

  function renderAll() {
    Object.keys(people).forEach(renderRow);
    renderCounts();
  }

  var pendingCount = 0;
  function setStatus(state, text) {
    status.setAttribute("data-state", state);
    status.querySelector(".sync-text").textContent = text;
    var use = status.querySelector("use");
    if (use) {
      var href = use.getAttribute("href");
      use.setAttribute("href", href.replace(/#i-.*$/, state === "offline" || state === "signin" ? "#i-wifi-off" : "#i-wifi"));
    }
  }
  function showQueue(ops, state) {
    pendingCount = ops.filter(function (o) { return !o.refused; }).length;
    if (state) return setStatus(state, state === "signin" ? t("roll.signin_again", pendingCount) : t("roll.offline") + " · " + t("roll.pending", pendingCount));
    setStatus(pendingCount ? "pending" : "synced", pendingCount ? t("roll.pending", pendingCount) : t("roll.all_sent"));
  }

  // ---- marking ----
  function record(reg, mark, note, via, code) {
    var p = people[reg];
    var cur = current(p);
    var op = {
      op_id: randomId(), registration_id: +reg, session_id: sid, status: mark,
      note: note !== undefined ? note : (cur && cur.note) || "",
      client_time: Date.now(), device_id: deviceId, via: via || (navigator.onLine ? "online" : "offline_sync")
    };
    if (code) op.code = code;
    p.pending = op;
    p.refused = "";
    renderRow(reg);
    renderCounts();
    return putOp(op).then(refreshStatus).then(function () { scheduleSync(); });
  }

  // refreshStatus shows how many marks wait, and why.
  function refreshStatus() {
    return allOps().then(function (ops) {
      showQueue(ops, needsSignIn ? "signin" : (navigator.onLine ? undefined : "offline"));
    });
  }

  list.addEventListener("click", function (ev) {
    if (!canMark) return;
    var row = ev.target.closest(".roll-row");
    if (!row) return;
    var reg = row.getAttribute("data-reg");
    var b = ev.target.closest(".mk");
    if (b) {
      record(reg, b.getAttribute("data-mark"));
      return;
    }
    if (ev.target.closest("[data-note]")) {
      var cur = current(people[reg]);
      var note = window.prompt(row.querySelector(".name").textContent, cur && cur.note ? cur.note : "");
      if (note === null) return;
      record(reg, cur ? cur.status : "present", note.slice(0, 500));
    }
  });

  // ---- "mark the rest present", with a moment to undo ----
  var toast = document.getElementById("roll-toast");
  var undoBtn = document.getElementById("roll-undo");
  var provisional = null, provisionalTimer = null;
  function toastText(text, undo) {
    toast.hidden = false;
    toast.querySelector(".toast-text").textContent = text;
    undoBtn.hidden = !undo;
    clearTimeout(toast._t);
    if (!undo) toast._t = setTimeout(function () { toast.hidden = true; }, 4000);
  }
  function commitRest() {
    if (!provisional) return;
    var regs = provisional;
    provisional = null;
    clearTimeout(provisionalTimer);
    toast.hidden = true;
    regs.reduce(function (p, reg) {
      return p.then(function () { return record(reg, "present"); });
    }, Promise.resolve());
  }
  var restBtn = document.getElementById("roll-rest");
  if (restBtn) restBtn.addEventListener("click", function () {
    commitRest();
    var regs = Object.keys(people).filter(function (reg) { return !current(people[reg]); });
    if (!regs.length) return;
    provisional = regs;
    regs.forEach(function (reg) {
      var row = rowOf(reg);
      row.setAttribute("data-status", "present");
      row.querySelectorAll(".mk").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-mark") === "present"));
      });
    });
    toastText(t("roll.rest_marked", regs.length), true);
    provisionalTimer = setTimeout(commitRest, 8000);
  });
  undoBtn.addEventListener("click", function () {
    if (!provisional) return;
    var regs = provisional;
    provisional = null;
    clearTimeout(provisionalTimer);
    regs.forEach(renderRow);
    renderCounts();
    toastText(t("roll.undo_done"), false);
  });
  window.addEventListener("pagehide", commitRest);

  // ---- check-in codes: typed or scanned ----
  function normCode(s) {
    return String(s || "").toUpperCase().replace(/\s+/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  }
  var byCode = {};
  data.people.forEach(function (p) { byCode[normCode(p.code)] = p; });
  function checkIn(code) {
    var p = byCode[normCode(code)];
    if (!p) {
      toastText(t("roll.qr_unknown"), false);
      return false;
    }
    var cur = current(people[p.registration_id]);
    var name = data.lang === "ar" && p.name_arabic ? p.name_arabic : p.name_latin || p.name_arabic;
    if (cur && cur.status === "present") {
      toastText(t("roll.already_marked").replace("%s", name), false);
      return true;
    }
    record(p.registration_id, "present", undefined, "qr", p.code);
    toastText(t("roll.qr_marked").replace("%s", name), false);
    var row = rowOf(p.registration_id);
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

  // ---- sending ----
  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRF-Token"] || "";
    } catch (e) {
      return "";
    }
  }

  var syncing = false, timer = null, backoff = 3000, needsSignIn = false;
  function scheduleSync(delay) {
    clearTimeout(timer);
    timer = setTimeout(sync, delay === undefined ? 150 : delay);
  }

  function sync() {
    if (syncing) return Promise.resolve();
    syncing = true;
    return allOps().then(function (ops) {
      var waiting = ops.filter(function (o) { return !o.refused; });
      if (!waiting.length) {
        showQueue(ops);
        return;
      }
      setStatus("sending", t("roll.sending"));
      var batch = waiting.slice(0, 500);
      return fetch(syncURL, {
        method: "POST", credentials: "same-origin", redirect: "manual",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken(), "Accept": "application/json" },
        body: JSON.stringify({ device_id: deviceId, ops: batch })
      }).then(function (res) {
        if (res.status === 401 || res.status === 403 || res.type === "opaqueredirect") {
          needsSignIn = true;
          showQueue(ops, "signin");
          return;
        }
        if (!res.ok) throw new Error("status " + res.status);
        needsSignIn = false;
        return res.json().then(function (answer) { return settle(batch, answer); }).then(function () {
          backoff = 3000;
          if (waiting.length > batch.length) scheduleSync(0);
        });
      });
    }).catch(function () {
      allOps().then(function (ops) { showQueue(ops, "offline"); });
      backoff = Math.min(backoff * 2, 60000);
      scheduleSync(backoff);
    }).then(function () { syncing = false; }, function () { syncing = false; });
  }

  // settle removes answered operations from the queue, keeps refused ones
  // (marked, never resent), and takes the server's marks as the new truth.
  function settle(batch, answer) {
    var byId = {};
    batch.forEach(function (op) { byId[op.op_id] = op; });
    var done = [], refused = [];
    answer.results.forEach(function (r) {
      var op = byId[r.op_id];
      if (!op) return;
      if (r.result === "refused") {
        op.refused = r.reason || "sync.refused.invalid";
        refused.push(op);
      } else {
        done.push(op.op_id);
      }
    });
    answer.marks.forEach(function (m) {
      var p = people[m.registration_id];
      if (p && m.session_id === sid) {
        p.server = { status: m.status, note: m.note || "", client_time: m.client_time, device_id: m.device_id, op_id: "" };
      }
    });
    Object.keys(people).forEach(function (reg) {
      var p = people[reg];
      if (p.pending && (done.indexOf(p.pending.op_id) >= 0 || p.pending.refused)) p.pending = null;
    });
    refused.forEach(function (op) {
      var p = people[op.registration_id];
      if (p && op.session_id === sid) p.refused = op.refused;
    });
    return deleteOps(done).then(function () {
      return tx("ops", "readwrite", function (s) { refused.forEach(function (op) { s.put(op); }); });
    }).then(allOps).then(function (ops) {
      renderAll();
      showQueue(ops);
    });
  }

  // refresh asks for the server's roster when there is a network; the
  // page's own copy (perhaps from the service worker's cache) is the
  // fallback.
  function refresh() {
    return fetch(rosterURL, { credentials: "same-origin", headers: { "Accept": "application/json" } }).then(function (res) {
      if (!res.ok) return;
      return res.json().then(function (fresh) {
        fresh.people.forEach(function (p) {
          var q = people[p.registration_id];
          if (!q) return;
          q.server = p.status ? { status: p.status, note: p.note, client_time: p.client_time, device_id: "", op_id: "" } : null;
        });
        renderAll();
      });
    }).catch(function () {});
  }

  window.addEventListener("online", function () { scheduleSync(0); });
  window.addEventListener("offline", refreshStatus);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) scheduleSync(0);
  });
  setInterval(function () { if (!syncing) scheduleSync(0); }, 20000);

  allOps().then(function (ops) {
    applyOps(ops);
    renderAll();
    showQueue(ops, navigator.onLine ? undefined : "offline");
    return refresh();
  }).then(function () { scheduleSync(0); });

  // Expose the queue for tests and for support staff.
  window.traindeskRoll = {
    pending: function () { return allOps().then(function (ops) { return ops.filter(function (o) { return !o.refused; }).length; }); },
    sync: sync
  };
})();

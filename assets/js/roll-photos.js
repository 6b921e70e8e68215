// Photos of the signed sheet, taken on the tablet during a roll call. Each
// picture is queued on the tablet first (IndexedDB, with the user who took
// it), so that taking it needs no network; it is sent to the session's
// evidence when the network is there, and the list says of each whether it
// waits, is being sent, was sent, or was refused (and why). Pictures wait
// for the user who took them: someone else signed in on the tablet does
// not send them.
(function () {
  "use strict";

  var box = document.getElementById("roll-photos");
  var root = document.getElementById("roll");
  var T = window.traindeskTablet;
  if (!box || !root || !T || !T.photos) return;
  var input = document.getElementById("roll-photo-input");
  var list = document.getElementById("roll-photo-list");
  var msgs = JSON.parse(box.getAttribute("data-messages") || "{}");
  var me = +root.getAttribute("data-user");
  var sid = +box.getAttribute("data-session");
  var url = box.getAttribute("data-upload-url");
  // A photo can be several megabytes on a slow line: it gets longer than
  // a mark before its silence counts as no network.
  var DEADLINE = 60000;
  var sent = []; // {id, name}: sent since the page opened
  var busy = false;

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRF-Token"] || "";
    } catch (e) {
      return "";
    }
  }

  function item(id, name, state, text, removable) {
    var li = document.createElement("li");
    li.setAttribute("data-state", state);
    li.setAttribute("data-id", id);
    var n = document.createElement("bdi");
    n.className = "photo-name";
    n.textContent = name;
    var s = document.createElement("span");
    s.className = "photo-state";
    s.textContent = text;
    li.appendChild(n);
    li.appendChild(s);
    if (removable) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "btn btn-sm";
      b.textContent = msgs.remove;
      b.addEventListener("click", function () { T.photos.remove(id).then(render); });
      li.appendChild(b);
    }
    return li;
  }

  function mine() {
    return T.photos.all().then(function (all) {
      return all.filter(function (p) { return p.user === me && p.session_id === sid; });
    });
  }

  function render() {
    return mine().then(function (ps) {
      list.textContent = "";
      ps.forEach(function (p) {
        if (p.refused) list.appendChild(item(p.id, p.name, "refused", msgs.refused + " " + p.refused, true));
        else list.appendChild(item(p.id, p.name, busy ? "sending" : "waiting", busy ? msgs.sending : msgs.waiting, false));
      });
      sent.forEach(function (p) { list.appendChild(item(p.id, p.name, "sent", msgs.sent, false)); });
      list.hidden = !list.children.length;
    });
  }

  // upload sends one picture. It resolves to "sent", "refused" (kept with
  // the reason), or "stop" (no network, or not this user's sign-in: try
  // again later).
  function upload(p) {
    var form = new FormData();
    form.append("kind", "signed_sheet");
    form.append("sitting_id", String(sid));
    form.append("files", p.blob, p.name);
    var ctl = new AbortController();
    var timer = setTimeout(function () { ctl.abort(); }, DEADLINE);
    return fetch(p.url, {
      method: "POST", body: form, credentials: "same-origin", redirect: "manual", signal: ctl.signal,
      headers: { Accept: "application/json", "X-CSRF-Token": csrfToken(), "X-Traindesk-User": String(p.user) }
    }).then(function (res) {
      clearTimeout(timer);
      if (res.status === 201) return T.photos.remove(p.id).then(function () { return "sent"; });
      if (res.status === 422) {
        return res.json().then(function (b) {
          var e = (b && b.errors) || {};
          p.refused = e.files || e.sitting_id || e.kind || msgs.failed;
          return T.photos.put([p]).then(function () { return "refused"; });
        });
      }
      if (res.status === 404 || res.status === 413) {
        p.refused = msgs.failed;
        return T.photos.put([p]).then(function () { return "refused"; });
      }
      return "stop"; // signed out, another user, or a server in trouble
    }, function () {
      clearTimeout(timer);
      return "stop";
    });
  }

  // send sends this user's waiting pictures one after the other, and stops
  // at the first sign of no network.
  function send() {
    if (busy) return Promise.resolve();
    busy = true;
    return render().then(mine).then(function (ps) {
      var waiting = ps.filter(function (p) { return !p.refused; });
      var next = function (i) {
        if (i >= waiting.length) return null;
        return upload(waiting[i]).then(function (r) {
          if (r === "sent") sent.push({ id: waiting[i].id, name: waiting[i].name });
          if (r !== "stop") return next(i + 1);
          return null;
        });
      };
      return next(0);
    }).then(function () {
      busy = false;
      return render();
    }, function () {
      busy = false;
      return render();
    });
  }

  input.addEventListener("change", function () {
    var files = Array.prototype.slice.call(input.files || []);
    // The bytes are copied into the queue: a picture from the camera may
    // not be readable again once the page is gone.
    Promise.all(files.map(function (f) {
      return f.arrayBuffer().then(function (buf) {
        return { id: T.randomId(), user: me, session_id: sid, url: url, name: f.name || "photo.jpg",
          blob: new Blob([buf], { type: f.type }), added: Date.now() };
      });
    })).then(function (recs) {
      return T.photos.put(recs);
    }).then(function () {
      input.value = "";
      return render();
    }).then(send);
  });

  window.addEventListener("online", send);
  setInterval(function () {
    if (list.querySelector('[data-state="waiting"]')) send();
  }, 15000);
  render().then(send);
})();

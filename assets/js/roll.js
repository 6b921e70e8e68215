// traindesk roll call. Works with or without the network: every tap is
// queued on the tablet (tablet.js) with its own id, the tablet's clock, the
// device and the user who made it, shown as pending, and sent in batches
// whenever the server answers, only under that user's sign-in. The server
// applies each mark once and keeps, per person and session, the one with
// the latest tablet time; this script uses the same rule to show what will
// win. While the page is open it asks every few seconds what changed since
// the version it knows, and keeps the last known marks on the tablet, so
// that an offline reload shows them with the time the server confirmed
// them. When the tablet's sign-in has ended, or belongs to someone else,
// the page shows no names and asks for a sign-in.
(function () {
  "use strict";

  var root = document.getElementById("roll");
  var T = window.traindeskTablet;
  if (!root || !T) return;

  var data = JSON.parse(root.getAttribute("data-roll"));
  var msg = JSON.parse(root.getAttribute("data-messages"));
  var me = { id: Number(root.getAttribute("data-user")), name: root.getAttribute("data-user-name") || "" };
  var syncURL = root.getAttribute("data-sync-url");
  var rosterURL = root.getAttribute("data-roster-url");
  var sid = data.session_id;
  var canMark = data.can_mark;
  var list = document.getElementById("roll-list");
  var status = document.getElementById("sync-status");
  var digits = data.lang === "ar" ? "٠١٢٣٤٥٦٧٨٩" : null;
  var PULL_EVERY = 5000; // how often an open roll call asks what changed
  var UNDO_FOR = 8000; // how long "mark the rest present" can be undone

  function num(n) {
    var s = String(n);
    return digits ? s.replace(/[0-9]/g, function (d) { return digits[+d]; }) : s;
  }
  // t formats a message: each %d or %s (or %[n]s) takes the next (or the
  // n-th) argument. A message with plural forms takes the form that the
  // browser's CLDR rules (Intl.PluralRules) give for its first argument in
  // the page's language. A text argument is isolated, so that a Latin name
  // keeps its place in an Arabic sentence and the other way round.
  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var s = msg[key] || key;
    if (typeof s === "object") {
      var form = typeof args[0] === "number" ? new Intl.PluralRules(document.documentElement.lang || "en").select(args[0]) : "other";
      s = s[form] || s.other;
    }
    var next = 0;
    return s.replace(/%(?:\[(\d+)\])?[sd]/g, function (v, idx) {
      var a = idx ? args[+idx - 1] : args[next++];
      if (a === undefined) return v;
      return v.slice(-1) === "d" || typeof a === "number" ? num(a) : "\u2068" + a + "\u2069";
    });
  }

  // ---- state: the server's marks, and this user's queued marks on top ----
  var people = {}; // registration id → {server: mark|null, pending: op|null, refused: reason}
  var known = { version: data.version || 0, server_time: data.server_time || 0 }; // what the server last confirmed
  function markOf(m) {
    return { status: m.status, note: m.note || "", client_time: m.client_time, device_id: m.device_id || "", op_id: "" };
  }
  data.people.forEach(function (p) {
    people[p.registration_id] = { server: p.status ? markOf(p) : null, pending: null, refused: "" };
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
  function shown(p) {
    var c = current(p);
    return c ? c.status + "|" + c.note : "";
  }

  // mine tells the operations of the page's user; older queues named no user.
  function mine(op) { return (op.user_id || me.id) === me.id; }
  var outbox = {}; // op id → this user's operations not yet answered
  var withheld = {}; // op id → operations that "undo" may still take back
  var undoing = {}; // op id → operations being taken back
  function sendable(op) { return !op.refused && mine(op) && !withheld[op.op_id] && !undoing[op.op_id]; }

  function applyOps(ops) {
    ops.forEach(function (op) {
      if (!mine(op)) return;
      if (!op.refused) outbox[op.op_id] = op;
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
    if (!p || !row) return;
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

  // flash marks a row briefly when another device changed it.
  function flash(reg) {
    var row = rowOf(reg);
    if (!row) return;
    row.classList.add("is-changed");
    clearTimeout(row._changed);
    row._changed = setTimeout(function () { row.classList.remove("is-changed"); }, 4000);
  }

  // ---- the status line ----
  var netState = navigator.onLine ? "" : "offline";
  function setStatus(state, text) {
    status.setAttribute("data-state", state);
    status.querySelector(".sync-text").textContent = text;
    var use = status.querySelector("use");
    if (use) {
      var href = use.getAttribute("href");
      use.setAttribute("href", href.replace(/#i-.*$/, state === "offline" || state === "signin" ? "#i-wifi-off" : "#i-wifi"));
    }
  }
  function when(ms) {
    var d = new Date(ms);
    var opts = { hour: "2-digit", minute: "2-digit" };
    if (d.toDateString() !== new Date().toDateString()) {
      opts.day = "numeric";
      opts.month = "short";
    }
    try {
      return d.toLocaleString(data.lang === "ar" ? "ar-EG" : "en-GB", opts);
    } catch (e) {
      return d.toISOString();
    }
  }
  // byUser counts, per user, the people their queued marks are for.
  function byUser(ops) {
    var users = {};
    ops.forEach(function (op) {
      if (op.refused) return;
      var u = users[op.user_id || me.id] = users[op.user_id || me.id] || { name: op.user_name || me.name, ops: [] };
      u.ops.push(op);
    });
    return users;
  }
  // showQueue says how many people's marks wait, and why; and whose
  // marks wait for another user to sign in.
  function showQueue(ops) {
    var users = byUser(ops);
    var n = users[me.id] ? T.waiting(users[me.id].ops) : 0;
    if (lockedWhy) {
      setStatus("signin", t("roll.signin_again", n));
    } else if (netState === "offline") {
      setStatus("offline", n ? t("roll.offline") + t("common.sep") + " " + t("roll.pending", n) : t("roll.offline"));
    } else {
      setStatus(n ? "pending" : "synced", n ? t("roll.pending", n) : t("roll.all_sent"));
    }
    var whenEl = document.getElementById("roll-confirmed");
    if (whenEl && known.server_time) {
      whenEl.textContent = t("roll.confirmed_at", when(known.server_time));
      whenEl.hidden = false;
    }
    // This user's own marks are named too when someone else holds the
    // tablet: the status line alone would seem to speak to that person.
    var lines = Object.keys(users).filter(function (u) { return +u !== me.id || lockedWhy === "other"; }).map(function (u) {
      return t("roll.others_wait", T.waiting(users[u].ops), users[u].name);
    });
    var others = document.getElementById("roll-others");
    if (others) {
      others.textContent = lines.join(" ");
      others.hidden = !lines.length;
    }
  }
  function refreshStatus() {
    return T.queue.all().then(showQueue);
  }

  // ---- the tablet's sign-in ----
  // A record that disagrees with the page when it opens is stale: the
  // service worker shows the copy only under a valid record of its user,
  // so such a page came from the server, which vouched for the sign-in.
  var signin = null, hadRecord = false, stale = "", lockedWhy = "", lockWatch = null;
  var lockHooks = [];
  // lock hides the roll, keeps the queue, and asks for a sign-in: the
  // sign-in has ended ("expired", "signin") or is someone else's ("other").
  // Once the tablet holds this user's sign-in again, the page reloads.
  function lock(why) {
    var first = !lockedWhy;
    lockedWhy = why;
    var panel = document.getElementById("roll-locked");
    panel.querySelector(".lock-text").textContent = t(why === "other" ? "roll.locked_other" : "roll.locked_ended");
    panel.hidden = false;
    if (first) {
      clearTimeout(timer);
      endRest(false);
      root.removeAttribute("data-roll");
      root.querySelectorAll("[data-roll-part]").forEach(function (el) { el.remove(); });
      people = {};
      data.people = [];
      lockHooks.forEach(function (fn) { fn(); });
      lockWatch = setInterval(function () {
        T.copy.signin().then(function (rec) {
          if (rec && rec.user === me.id && rec.expires > Date.now() && JSON.stringify(rec) !== stale) location.reload();
          else if (rec && rec.user !== me.id && lockedWhy !== "other") lock("other");
        });
      }, 2000);
    }
    refreshStatus();
  }
  // watchSignIn compares the tablet's record with the page's user.
  function watchSignIn() {
    if (lockedWhy || !T.copy.usable) return;
    T.copy.signin().then(function (rec) {
      if (rec && JSON.stringify(rec) === stale) return;
      if (rec) {
        signin = rec;
        hadRecord = true;
      }
      if (rec && rec.user !== me.id) lock("other");
      else if (rec && !(rec.expires > Date.now())) lock("expired");
      else if (!rec && hadRecord) lock("signin"); // the copy went: signed out here or in another tab
    });
  }
  // mayTap tells whether a tap can be queued for this user now.
  function mayTap() {
    if (lockedWhy || !canMark) return false;
    if (signin && !(signin.expires > Date.now())) {
      lock("expired");
      return false;
    }
    return true;
  }
  function refused(kind) {
    if (kind === "signin") T.copy.forget(me.id);
    lock(kind);
  }

  // ---- marking ----
  function newOp(reg, mark, note, time, via, code) {
    var op = {
      op_id: T.randomId(), registration_id: +reg, session_id: sid, status: mark, note: note, client_time: time,
      device_id: T.deviceId, via: via || (navigator.onLine ? "online" : "offline_sync"), user_id: me.id, user_name: me.name
    };
    if (code) op.code = code;
    return op;
  }

  // record queues one mark; it returns false when no mark may be made.
  function record(reg, mark, note, via, code) {
    if (!mayTap() || !people[reg]) return false;
    var p = people[reg];
    var cur = current(p);
    var op = newOp(reg, mark, note !== undefined ? note : (cur && cur.note) || "", Date.now(), via, code);
    p.pending = op;
    p.refused = "";
    outbox[op.op_id] = op;
    renderRow(reg);
    renderCounts();
    T.queue.put([op]).then(refreshStatus).then(function () { scheduleSync(); });
    return true;
  }

  var toast = document.getElementById("roll-toast");
  var undoBtn = document.getElementById("roll-undo");
  function toastText(text, undo) {
    toast.hidden = false;
    toast.querySelector(".toast-text").textContent = text;
    undoBtn.hidden = !undo;
    clearTimeout(toast._t);
    if (!undo) toast._t = setTimeout(function () { toast.hidden = true; }, 4000);
  }

  list.addEventListener("click", function (ev) {
    var row = ev.target.closest(".roll-row");
    if (!row || !canMark) return;
    var reg = row.getAttribute("data-reg");
    var b = ev.target.closest(".mk");
    if (b) {
      record(reg, b.getAttribute("data-mark"));
      return;
    }
    if (ev.target.closest("[data-note]")) {
      var cur = current(people[reg]);
      var name = row.querySelector(".name").textContent;
      // A note goes with a mark: on an unmarked person it would make one.
      if (!cur) {
        toastText(t("roll.note_first", name), false);
        return;
      }
      var note = window.prompt(name, cur.note || "");
      if (note === null) return;
      record(reg, cur.status, note.slice(0, 500));
    }
  });

  // ---- "mark the rest present", with a moment to undo ----
  // The marks are queued at once, all in one transaction, and counted from
  // the tap on; they are only held back from sending while "undo" is
  // offered. Undo takes them all back out of the queue; leaving or
  // reloading the page lets them all go.
  var rest = null;
  function endRest(send) {
    if (!rest) return;
    clearTimeout(rest.timer);
    rest.ids.forEach(function (id) { delete withheld[id]; });
    rest = null;
    toast.hidden = true;
    if (send !== false) scheduleSync(0);
  }
  var restBtn = document.getElementById("roll-rest");
  if (restBtn) restBtn.addEventListener("click", function () {
    endRest();
    if (!mayTap()) return;
    var regs = Object.keys(people).filter(function (reg) { return !current(people[reg]); });
    if (!regs.length) return;
    var now = Date.now();
    var ops = regs.map(function (reg) { return newOp(reg, "present", "", now); });
    ops.forEach(function (op, i) {
      withheld[op.op_id] = true;
      outbox[op.op_id] = op;
      people[regs[i]].pending = op;
      people[regs[i]].refused = "";
    });
    rest = { ids: ops.map(function (op) { return op.op_id; }), regs: regs, timer: setTimeout(endRest, UNDO_FOR) };
    renderAll();
    toastText(t("roll.rest_marked", regs.length), true);
    T.queue.put(ops).then(refreshStatus);
  });
  undoBtn.addEventListener("click", function () {
    if (!rest) return;
    var r = rest;
    clearTimeout(r.timer);
    rest = null;
    r.ids.forEach(function (id) {
      undoing[id] = true;
      delete outbox[id];
    });
    r.regs.forEach(function (reg) {
      var p = people[reg];
      if (p && p.pending && r.ids.indexOf(p.pending.op_id) >= 0) p.pending = null;
    });
    renderAll();
    toastText(t("roll.undo_done"), false);
    T.queue.remove(r.ids).then(function () {
      r.ids.forEach(function (id) {
        delete withheld[id];
        delete undoing[id];
      });
      return refreshStatus();
    });
  });

  // Leaving the page ends the undo window: whatever is queued goes now,
  // with a request that outlives the page (and stays queued, in case).
  window.addEventListener("pagehide", function () {
    endRest(false);
    if (lockedWhy) return;
    var ops = Object.keys(outbox).map(function (id) { return outbox[id]; }).filter(sendable).slice(0, 200);
    if (!ops.length) return;
    try {
      fetch(syncURL, {
        method: "POST", keepalive: true, credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken(), "X-Traindesk-User": String(me.id) },
        body: JSON.stringify({ device_id: T.deviceId, ops: ops.map(wire) })
      }).catch(function () {});
    } catch (e) { /* the queue keeps them */ }
  });

  // ---- talking to the server ----
  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRF-Token"] || "";
    } catch (e) {
      return "";
    }
  }
  // wire is an operation as the server reads it: without the user, whose
  // sign-in the request itself carries.
  function wire(op) {
    var out = {
      op_id: op.op_id, registration_id: op.registration_id, session_id: op.session_id, status: op.status,
      note: op.note, client_time: op.client_time, device_id: op.device_id, via: op.via
    };
    if (op.code) out.code = op.code;
    return out;
  }

  // takeSession applies what the server said of this session: a full list
  // or the changes since the version the page knew. Rows another device
  // changed flash; the result is kept on the tablet.
  function takeSession(s, serverTime) {
    if (!s.full && s.version < known.version) {
      known.version = 0; // the server went back: ask for everything
      return;
    }
    var before = {};
    Object.keys(people).forEach(function (reg) { before[reg] = shown(people[reg]); });
    if (s.full) Object.keys(people).forEach(function (reg) { people[reg].server = null; });
    s.marks.forEach(function (m) {
      var p = people[m.registration_id];
      if (p) p.server = markOf(m);
    });
    known.version = s.version || 0;
    known.server_time = serverTime || known.server_time;
    Object.keys(people).forEach(function (reg) {
      if (shown(people[reg]) === before[reg]) return;
      renderRow(reg);
      var cur = current(people[reg]);
      if (cur && cur.device_id !== T.deviceId) flash(reg);
    });
    renderCounts();
    keepRoster();
  }

  function keepRoster() {
    var marks = {};
    Object.keys(people).forEach(function (reg) {
      var m = people[reg].server;
      if (m) marks[reg] = { registration_id: +reg, session_id: sid, status: m.status, note: m.note, client_time: m.client_time, device_id: m.device_id };
    });
    return T.copy.keepRoster({ session_id: sid, user: me.id, version: known.version, server_time: known.server_time, marks: marks });
  }

  // keepOther updates the kept marks of another session the answer gave in
  // full (marks queued for it from this page).
  function keepOther(osid, s, serverTime) {
    if (!s.full) return;
    T.copy.roster(osid).then(function (r) {
      if (!r || r.user !== me.id) return;
      r.marks = {};
      s.marks.forEach(function (m) { r.marks[m.registration_id] = m; });
      r.version = s.version || 0;
      r.server_time = serverTime;
      return T.copy.keepRoster(r);
    });
  }

  // settle takes a sync answer: answered operations leave the queue,
  // refused ones stay marked (never resent), the server's marks are the
  // new truth. It tells whether the answer covered this session.
  function settle(batch, answer, since) {
    var byId = {};
    batch.forEach(function (op) { byId[op.op_id] = op; });
    var done = [], refusedOps = [];
    (answer.results || []).forEach(function (r) {
      var op = byId[r.op_id];
      if (!op) return;
      if (r.result === "refused") {
        op.refused = r.reason || "sync.refused.invalid";
        refusedOps.push(op);
      } else {
        done.push(op.op_id);
      }
      delete outbox[op.op_id];
    });
    Object.keys(people).forEach(function (reg) {
      var p = people[reg];
      if (p.pending && (done.indexOf(p.pending.op_id) >= 0 || p.pending.refused)) p.pending = null;
    });
    refusedOps.forEach(function (op) {
      var p = people[op.registration_id];
      if (p && op.session_id === sid) p.refused = op.refused;
    });
    var sessions = T.sessionsOfSync(answer, batch, since);
    Object.keys(sessions).forEach(function (s) {
      if (+s === sid) takeSession(sessions[s], answer.server_time);
      else keepOther(s, sessions[s], answer.server_time);
    });
    return T.queue.settle(done, refusedOps).then(function () {
      renderAll();
      return !!sessions[sid];
    });
  }

  // pull asks for this session's roster, changes since the known version;
  // it stands in for a pull by sync on a server that does not answer one.
  var pullByRoster = false;
  function pull() {
    return T.call(rosterURL + "?since=" + known.version, { method: "GET" }, me.id).then(function (a) {
      if (a.kind !== "ok") return refused(a.kind);
      takeSession(T.sessionOfRoster(a.body), a.body.server_time);
    });
  }

  var busy = false, timer = null, backoff = 3000;
  function scheduleSync(delay) {
    clearTimeout(timer);
    if (lockedWhy) return;
    timer = setTimeout(exchange, delay === undefined ? 150 : delay);
  }

  // exchange sends this user's queued marks (or none) with the version the
  // page knows, and takes the answer; then it comes back in a few seconds.
  function exchange() {
    if (busy || lockedWhy) return;
    busy = true;
    var more = false;
    T.queue.all().then(function (ops) {
      var ready = ops.filter(sendable);
      var batch = ready.slice(0, 500);
      more = ready.length > batch.length;
      if (!batch.length && pullByRoster) return pull();
      if (batch.length) setStatus("sending", t("roll.sending"));
      var since = {};
      since[sid] = known.version;
      return T.call(syncURL, {
        method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
        body: JSON.stringify({ device_id: T.deviceId, ops: batch.map(wire), since: since })
      }, me.id).then(function (a) {
        if (a.kind !== "ok") return refused(a.kind);
        return settle(batch, a.body, since).then(function (covered) {
          if (covered) return;
          pullByRoster = true;
          return pull();
        });
      });
    }).then(function () {
      netState = "";
      backoff = 3000;
      scheduleSync(more ? 0 : PULL_EVERY);
    }, function () {
      netState = "offline";
      backoff = Math.min(backoff * 2, 10000);
      scheduleSync(backoff);
    }).then(refreshStatus).then(function () { busy = false; }, function () { busy = false; });
  }

  window.addEventListener("online", function () {
    netState = "";
    scheduleSync(0);
  });
  window.addEventListener("offline", function () {
    netState = "offline";
    refreshStatus();
  });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) scheduleSync(0);
  });

  // ---- start: the newest of the page's roster and the kept one ----
  Promise.all([T.queue.all(), T.copy.roster(sid), T.copy.signin()]).then(function (r) {
    var ops = r[0], kept = r[1], rec = r[2];
    if (rec && rec.user === me.id && rec.expires > Date.now()) {
      signin = rec;
      hadRecord = true;
    } else if (rec) {
      stale = JSON.stringify(rec);
    }
    if (kept && kept.user === me.id && kept.server_time > known.server_time) {
      Object.keys(people).forEach(function (reg) {
        people[reg].server = kept.marks[reg] ? markOf(kept.marks[reg]) : null;
      });
      known = { version: kept.version || 0, server_time: kept.server_time };
    } else {
      keepRoster();
    }
    applyOps(ops);
    renderAll();
    showQueue(ops);
    scheduleSync(0);
    setInterval(watchSignIn, 2000);
  }).then(function () { root.setAttribute("data-ready", ""); });

  // The page's workings, for roll-find.js, tests and support staff.
  window.traindeskRoll = {
    data: data, t: t, toast: toastText, record: record,
    current: function (reg) { return people[reg] ? current(people[reg]) : null; },
    onLock: function (fn) { lockHooks.push(fn); },
    pending: function () {
      return T.queue.all().then(function (ops) { return T.waiting(ops.filter(function (o) { return !o.refused && mine(o); })); });
    },
    sync: exchange
  };
})();

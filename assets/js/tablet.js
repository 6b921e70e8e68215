// traindesk's keeping on the tablet, for the roll call. Two stores:
//
//  - the queue (IndexedDB): every mark made on this tablet, with its own
//    id, the tablet's clock, the device and the user who made it, until
//    the server has answered for it; and beside it the photos of signed
//    sheets taken on the tablet, with the user who took them, until the
//    server has kept them;
//  - the offline copy (the cache the service worker fills): pages, the
//    last known marks of each session, and the record of whose sign-in
//    the tablet holds and until when. It is removed in one step.
//
// It also talks to the server with a deadline, and turns the server's
// answers (with or without versions) into one shape for the page.
(function () {
  "use strict";

  var COPY = "traindesk-pages";
  var SIGNIN = "/offline/signin";
  // A call that has not answered after DEADLINE is taken as no network:
  // a network that accepts and never answers must read "offline".
  var DEADLINE = 6000;

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

  // ---- the queue ----
  var dbp = new Promise(function (resolve, reject) {
    var req = indexedDB.open("traindesk", 2);
    req.onupgradeneeded = function () {
      var db = req.result;
      if (!db.objectStoreNames.contains("ops")) db.createObjectStore("ops", { keyPath: "op_id" });
      if (!db.objectStoreNames.contains("rosters")) db.createObjectStore("rosters", { keyPath: "session_id" });
      if (!db.objectStoreNames.contains("photos")) db.createObjectStore("photos", { keyPath: "id" });
    };
    req.onsuccess = function () { resolve(req.result); };
    req.onerror = function () { reject(req.error); };
  });
  // tx runs fn in one transaction: its writes land all together or not at all.
  function tx(mode, fn) {
    return dbp.then(function (db) {
      return new Promise(function (resolve, reject) {
        var x = db.transaction("ops", mode);
        var out = fn(x.objectStore("ops"));
        x.oncomplete = function () { resolve(out && out.result !== undefined ? out.result : out); };
        x.onerror = function () { reject(x.error); };
        x.onabort = function () { reject(x.error); };
      });
    });
  }

  // The journal makes a change to the queue safe from the moment of the
  // tap: a page left or reloaded right after would abort the IndexedDB
  // transaction before it commits, so each change is first written, whole
  // and at once, to localStorage (op id → the operation, or null for a
  // removal), and struck from the journal once IndexedDB holds it. A page
  // that opens replays what is left, in one transaction, before it reads.
  var JOURNAL = "traindesk.journal";
  function readJournal() {
    try {
      return JSON.parse(localStorage.getItem(JOURNAL)) || {};
    } catch (e) {
      return {};
    }
  }
  function writeJournal(j) {
    try {
      if (Object.keys(j).length) localStorage.setItem(JOURNAL, JSON.stringify(j));
      else localStorage.removeItem(JOURNAL);
    } catch (e) { /* full: IndexedDB alone then */ }
  }
  function apply(store, entries) {
    Object.keys(entries).forEach(function (id) {
      if (entries[id] === "null") store.delete(id);
      else store.put(JSON.parse(entries[id]));
    });
  }
  // change journals entries, applies them in one transaction, then strikes
  // them from the journal unless a later change replaced them meanwhile.
  function change(entries) {
    var j = readJournal();
    Object.keys(entries).forEach(function (id) { j[id] = entries[id]; });
    writeJournal(j);
    return ready.then(function () {
      return tx("readwrite", function (s) { apply(s, entries); });
    }).then(function () {
      var now = readJournal();
      Object.keys(entries).forEach(function (id) { if (now[id] === entries[id]) delete now[id]; });
      writeJournal(now);
    });
  }
  var ready = tx("readwrite", function (s) { apply(s, readJournal()); }).then(function () {
    writeJournal({});
  }, function () {});

  function puts(ops) {
    var e = {};
    ops.forEach(function (op) { e[op.op_id] = JSON.stringify(op); });
    return e;
  }
  function removals(ids) {
    var e = {};
    ids.forEach(function (id) { e[id] = "null"; });
    return e;
  }
  var queue = {
    all: function () { return ready.then(function () { return tx("readonly", function (s) { return s.getAll(); }); }); },
    put: function (ops) { return change(puts(ops)); },
    remove: function (ids) { return change(removals(ids)); },
    // settle drops the answered operations and keeps the refused ones,
    // marked as such, in one transaction.
    settle: function (done, refused) {
      var e = removals(done), r = puts(refused);
      Object.keys(r).forEach(function (id) { e[id] = r[id]; });
      return change(e);
    }
  };

  // photos are the pictures waiting to be sent: {id, user, session_id,
  // url, name, blob, refused}. A picture is written in one transaction, so
  // it is either wholly queued or not at all; no journal is needed, since
  // the page shows it as queued only once the write has completed.
  function photoTx(mode, fn) {
    return dbp.then(function (db) {
      return new Promise(function (resolve, reject) {
        var x = db.transaction("photos", mode);
        var out = fn(x.objectStore("photos"));
        x.oncomplete = function () { resolve(out && out.result !== undefined ? out.result : undefined); };
        x.onerror = function () { reject(x.error); };
        x.onabort = function () { reject(x.error); };
      });
    });
  }
  var photos = {
    all: function () { return photoTx("readonly", function (s) { return s.getAll(); }); },
    put: function (recs) { return photoTx("readwrite", function (s) { recs.forEach(function (r) { s.put(r); }); }); },
    remove: function (id) { return photoTx("readwrite", function (s) { s.delete(id); }); }
  };

  // waiting counts people, not taps: three taps on one person are one
  // person waiting.
  function waiting(ops) {
    var seen = {};
    ops.forEach(function (op) { seen[op.session_id + ":" + op.registration_id] = true; });
    return Object.keys(seen).length;
  }

  // ---- the offline copy ----
  var copy = {
    usable: !!window.caches,
    // signin is the record of whose sign-in the tablet holds: {user,
    // expires (tablet clock), lang}, or null.
    signin: function () {
      if (!copy.usable) return Promise.resolve(null);
      return caches.match(SIGNIN, { cacheName: COPY }).then(function (r) { return r ? r.json() : null; }).catch(function () { return null; });
    },
    roster: function (sid) {
      if (!copy.usable) return Promise.resolve(null);
      return caches.match("/offline/roster/" + sid, { cacheName: COPY }).then(function (r) { return r ? r.json() : null; })
        .catch(function () { return null; });
    },
    // keepRoster stores a session's last known marks, only while the
    // tablet holds the sign-in of the user they were read for.
    keepRoster: function (r) {
      if (!copy.usable) return Promise.resolve();
      return copy.signin().then(function (rec) {
        if (!rec || rec.user !== r.user || !(rec.expires > Date.now())) return;
        return caches.open(COPY).then(function (c) {
          return c.put("/offline/roster/" + r.session_id, new Response(JSON.stringify(r), { headers: { "Content-Type": "application/json" } }));
        });
      }).catch(function () {});
    },
    // forget removes the whole copy; with a user, only if it is theirs (an
    // answer refusing an old sign-in must not remove the next user's).
    forget: function (user) {
      if (!copy.usable) return Promise.resolve();
      return copy.signin().then(function (rec) {
        if (user && rec && rec.user !== user) return;
        return caches.delete(COPY);
      }).catch(function () {});
    }
  };

  // ---- talking to the server ----
  function within(url, opts, ms) {
    var ctl = window.AbortController ? new AbortController() : null;
    if (ctl) opts.signal = ctl.signal;
    var timer;
    var late = new Promise(function (_, reject) {
      timer = setTimeout(function () {
        if (ctl) ctl.abort();
        reject(new Error("no answer"));
      }, ms);
    });
    return Promise.race([fetch(url, opts), late]).then(function (res) {
      clearTimeout(timer);
      return res;
    }, function (err) {
      clearTimeout(timer);
      throw err;
    });
  }

  // call sends a request for user: the server refuses it (409) if someone
  // else is signed in. It resolves to {kind: "ok", body}, {kind: "signin"}
  // or {kind: "other"}, and rejects when there is no network to speak of.
  function call(url, opts, user) {
    opts.credentials = "same-origin";
    opts.redirect = "manual";
    opts.headers = opts.headers || {};
    opts.headers.Accept = "application/json";
    opts.headers["X-Traindesk-User"] = String(user);
    return within(url, opts, DEADLINE).then(function (res) {
      if (res.status === 401 || res.status === 403 || res.type === "opaqueredirect") return { kind: "signin" };
      if (res.status === 409) return { kind: "other" };
      if (!res.ok) throw new Error("status " + res.status);
      return res.json().then(function (body) { return { kind: "ok", body: body }; });
    });
  }

  // sessionsOfSync reads a sync answer per session: {full, marks,
  // version}. A server with versions names each session it answers for
  // (a delta after "since", else the full list); one without answers the
  // full list of every session the batch touched.
  function sessionsOfSync(answer, batch, since) {
    var out = {};
    if (answer.versions) {
      Object.keys(answer.versions).forEach(function (sid) {
        out[sid] = { full: !(since[sid] > 0), marks: [], version: answer.versions[sid] };
      });
    } else {
      batch.forEach(function (op) { out[op.session_id] = { full: true, marks: [], version: 0 }; });
    }
    (answer.marks || []).forEach(function (m) {
      if (out[m.session_id]) out[m.session_id].marks.push(m);
    });
    return out;
  }

  // sessionOfRoster reads a roster answer the same way: a delta, the full
  // list of marks, or (a server without versions) the people's marks.
  function sessionOfRoster(r) {
    if (r.delta === true) return { full: false, marks: r.marks || [], version: r.version || 0 };
    if (Array.isArray(r.marks)) return { full: true, marks: r.marks, version: r.version || 0 };
    return {
      full: true, version: 0, marks: (r.people || []).filter(function (p) { return p.status; }).map(function (p) {
        return { registration_id: p.registration_id, session_id: r.session_id, status: p.status, note: p.note || "",
          client_time: p.client_time, device_id: p.device_id || "" };
      })
    };
  }

  window.traindeskTablet = {
    deviceId: deviceId, randomId: randomId, queue: queue, photos: photos, waiting: waiting, copy: copy, call: call,
    sessionsOfSync: sessionsOfSync, sessionOfRoster: sessionOfRoster
  };
})();

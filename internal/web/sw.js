// traindesk service worker (generated: the server fills in this build's
// shell and the texts of the sign-in notice).
//
// The offline copy (roll-call pages, the dashboard, rosters, the last
// known marks of each session, and the record of whose sign-in it is and
// until when) lives in one cache, so that it goes in one step. It is read
// only while the tablet holds a valid sign-in of the user it belongs to:
// every answer the worker sees names the signed-in user and how long the
// sign-in lasts (X-Signin-User, X-Signin-Remaining), and the tablet's own
// clock decides when it has ended, with or without a network.
"use strict";
const VERSION = "__VERSION__";
const SHELL = __SHELL__;
const TEXTS = __TEXTS__;
const SHELL_CACHE = "traindesk-shell-" + VERSION;
const COPY = "traindesk-pages";
const SIGNIN = "/offline/signin";
// PATIENCE is how long a page waits for the network before the copy is
// shown: a network that is connected but does not answer ("lie-fi") must
// not leave a blank page. The network's late answer still refreshes the
// copy. A page with no copy waits up to GIVE_UP.
const PATIENCE = 3000;
const GIVE_UP = 20000;
const OFFLINE_PAGES = [/^\/sessions\/\d+\/roll$/, /^\/api\/v1\/sessions\/\d+\/roster$/, /^\/$/];
const TABLET_CALLS = [/^\/api\/v1\/sessions\/\d+\/roster$/, /^\/api\/v1\/sync$/];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith("traindesk-shell-") && k !== SHELL_CACHE).map((k) => caches.delete(k)));
    // A copy kept by an older worker says nobody's sign-in: it is never read.
    if (!(await record())) await caches.delete(COPY);
    await self.clients.claim();
  })());
});

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function record() {
  const r = await caches.match(SIGNIN, { cacheName: COPY });
  return r ? r.json() : null;
}

// note learns from an answer whose sign-in the tablet holds. Another
// user's answer drops the previous user's copy first. (A refusal says
// nothing of whose sign-in was refused: the page that asked decides.)
async function note(res) {
  const user = res.headers.get("X-Signin-User");
  const left = Number(res.headers.get("X-Signin-Remaining"));
  if (!user || !(left > 0)) return;
  const old = await record();
  if (old && String(old.user) !== user) await caches.delete(COPY);
  const lang = res.headers.get("Content-Language") || (old && old.lang) || "en";
  const c = await caches.open(COPY);
  await c.put(SIGNIN, new Response(JSON.stringify({ user: Number(user), expires: Date.now() + left, lang }),
    { headers: { "Content-Type": "application/json" } }));
}

// Pages are kept per language: the same address asked with ?lang=en
// offline gives the English copy.
function keyOf(url, lang) {
  return url.pathname + "?lang=" + lang;
}

async function keep(url, res) {
  if (!res.ok || res.type !== "basic" || !res.headers.get("X-Signin-User")) return;
  const lang = res.headers.get("Content-Language") || "en";
  const c = await caches.open(COPY);
  await c.put(keyOf(url, lang), res);
}

// fromCopy answers from the copy when the tablet's sign-in allows it:
// {res} for a kept answer, {locked} when the sign-in has ended (the copy
// is then removed), null when nothing is kept or nobody is known.
async function fromCopy(url) {
  const rec = await record();
  if (!rec) return null;
  if (!(rec.expires > Date.now())) {
    await caches.delete(COPY);
    return { locked: rec.lang };
  }
  const want = url.searchParams.get("lang") || rec.lang || "en";
  for (const lang of [want, want === "ar" ? "en" : "ar"]) {
    const r = await caches.match(keyOf(url, lang), { cacheName: COPY, ignoreVary: true });
    if (r && r.headers.get("X-Signin-User") === String(rec.user)) return { res: r };
  }
  return null;
}

function esc(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" })[c]);
}

// locked is what a page shows instead of the copy once the sign-in has
// ended: a request to sign in, and no names.
function locked(url, recLang) {
  if (url.pathname.startsWith("/api/")) {
    return new Response(JSON.stringify({ error: "Unauthorized", status: 401 }),
      { status: 401, headers: { "Content-Type": "application/json" } });
  }
  const lang = TEXTS[url.searchParams.get("lang")] ? url.searchParams.get("lang") : (TEXTS[recLang] ? recLang : "en");
  const t = TEXTS[lang];
  const next = encodeURIComponent(url.pathname + url.search);
  const html = "<!DOCTYPE html><html lang=\"" + lang + "\" dir=\"" + t.dir + "\"><head><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(t.title) + " · traindesk</title>" +
    "<link rel=\"stylesheet\" href=\"" + SHELL[0] + "\"></head><body><main id=\"main\" class=\"auth-page\" data-offline-signin>" +
    "<div class=\"auth-card\"><h1>" + esc(t.title) + "</h1><p>" + esc(t.text) + "</p><p><a class=\"btn btn-primary\" href=\"/login?next=" +
    next + "\">" + esc(t.action) + "</a></p></div></main></body></html>";
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

// page answers from the network when it answers within PATIENCE, else
// from the copy; the network's answer refreshes the copy whenever it
// comes.
async function page(event, url) {
  const net = fetch(event.request).then(async (res) => {
    await note(res);
    await keep(url, res.clone());
    return res;
  });
  event.waitUntil(net.catch(() => {}));
  const settled = net.then((res) => ({ res }), () => ({ failed: true }));
  const first = await Promise.race([settled, sleep(PATIENCE)]);
  if (first && first.res) return first.res;
  const copy = await fromCopy(url);
  if (copy && copy.res) return copy.res;
  if (copy) return locked(url, copy.locked);
  const late = first || (await Promise.race([settled, sleep(GIVE_UP - PATIENCE)]));
  if (late && late.res) return late.res;
  // Neither the network nor a readable copy: ask for a sign-in rather than
  // show the browser's error page.
  return locked(url, "");
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(SHELL_CACHE).then((c) => c.put(request, copy));
  }
  return response;
}

// tabletCall passes the roll call's own calls to the network (the page
// keeps what they answer, and times them out itself), learning from each
// answer whose sign-in the tablet holds.
async function tabletCall(request) {
  const res = await fetch(request);
  await note(res);
  return res;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "GET" && url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (TABLET_CALLS.some((re) => re.test(url.pathname)) && (request.method !== "GET" || url.searchParams.has("since"))) {
    event.respondWith(tabletCall(request));
  } else if (request.method === "GET" && OFFLINE_PAGES.some((re) => re.test(url.pathname))) {
    event.respondWith(page(event, url));
  }
});

self.addEventListener("message", (event) => {
  const m = event.data || {};
  if (m.type === "precache" && Array.isArray(m.urls)) {
    event.waitUntil(Promise.all(m.urls.map((u) => fetch(u, { credentials: "same-origin" }).then(async (res) => {
      await note(res);
      await keep(new URL(u, self.location.origin), res);
    }).catch(() => {}))));
  }
});

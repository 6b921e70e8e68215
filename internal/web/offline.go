package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// shellAssets are what a tablet needs to show a roll call with no network:
// styles, scripts, fonts and icons. The PDF fonts stay on the server.
var shellAssets = []string{"css/app.css", "js/app.js", "js/roll.js", "vendor/htmx-2.0.11.min.js", "img/icons.svg",
	"img/favicon.svg", "fonts/plex-arabic-arabic-400.woff2", "fonts/plex-arabic-arabic-500.woff2",
	"fonts/plex-arabic-arabic-700.woff2", "fonts/plex-arabic-latin-400.woff2", "fonts/plex-arabic-latin-500.woff2",
	"fonts/plex-arabic-latin-700.woff2"}

// serviceWorker serves /sw.js. It is generated so that it lists the
// fingerprinted assets of this build; a new build changes the script, and
// browsers then install the new worker and drop the old shell cache.
func (s *Server) serviceWorker(c echo.Context) error {
	var urls []string
	for _, a := range shellAssets {
		urls = append(urls, s.Assets.URL(a))
		if strings.HasPrefix(a, "fonts/") {
			urls = append(urls, "/assets/"+a) // the stylesheet asks for fonts by their plain names
		}
	}
	list, _ := json.Marshal(urls)
	sum := sha256.Sum256(list)
	body := strings.NewReplacer("__VERSION__", hex.EncodeToString(sum[:6]), "__SHELL__", string(list)).Replace(swScript)
	h := c.Response().Header()
	h.Set("Cache-Control", "no-cache")
	return c.Blob(http.StatusOK, "text/javascript; charset=utf-8", []byte(body))
}

// swScript is the service worker. Roll-call pages and their rosters are
// fetched from the network first and kept, so that a page opened once (or
// one of today's sessions, fetched after sign-in) opens again offline;
// assets come from the cache first.
const swScript = `// traindesk service worker (generated).
"use strict";
const VERSION = "__VERSION__";
const SHELL = __SHELL__;
const SHELL_CACHE = "traindesk-shell-" + VERSION;
const PAGES = "traindesk-pages";
const OFFLINE_PAGES = [/^\/sessions\/\d+\/roll$/, /^\/api\/v1\/sessions\/\d+\/roster$/, /^\/$/];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys
    .filter((k) => k.startsWith("traindesk-shell-") && k !== SHELL_CACHE)
    .map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

function keep(request, response) {
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(PAGES).then((c) => c.put(request.url.split("?")[0], copy));
  }
  return response;
}

async function networkFirst(request) {
  try {
    return keep(request, await fetch(request));
  } catch (err) {
    const cached = await caches.match(request.url.split("?")[0], { cacheName: PAGES });
    if (cached) return cached;
    throw err;
  }
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

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (OFFLINE_PAGES.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request));
  }
});

self.addEventListener("message", (event) => {
  const m = event.data || {};
  if (m.type === "precache" && Array.isArray(m.urls)) {
    event.waitUntil(caches.open(PAGES).then((c) => Promise.all(m.urls.map((u) =>
      fetch(u, { credentials: "same-origin" }).then((r) => { if (r.ok) return c.put(u, r); }).catch(() => {})))));
  } else if (m.type === "forget") {
    event.waitUntil(caches.delete(PAGES));
  }
});
`

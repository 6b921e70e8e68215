// Package assets embeds everything the browser needs — CSS, vendored htmx,
// scripts, fonts and icons — so that traindesk runs with no network, and
// serves them under fingerprinted names that can be cached for a year.
package assets

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed css js img fonts vendor
var files embed.FS

// FS is the embedded tree, for code that reads an asset's bytes (the PDF
// writer's fonts, for instance).
func FS() fs.FS { return files }

// Assets maps logical names ("css/app.css") to fingerprinted URLs and serves
// them.
type Assets struct {
	prefix string
	byName map[string]string // logical name → URL
	byURL  map[string]entry  // URL path without prefix → file
}

type entry struct {
	name string
	etag string
	data []byte
}

// New fingerprints every embedded file once; prefix is the URL path they are
// served under, such as "/assets/".
func New(prefix string) *Assets {
	a := &Assets{prefix: prefix, byName: map[string]string{}, byURL: map[string]entry{}}
	fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		h := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(p)
		fp := strings.TrimSuffix(p, ext) + "." + h + ext
		a.byName[p] = prefix + fp
		a.byURL[fp] = entry{name: p, etag: `"` + h + `"`, data: data}
		return nil
	})
	return a
}

// URL returns the fingerprinted URL of a logical asset name. An unknown
// name returns the unfingerprinted path, which answers 404, so a typo shows
// up in tests instead of at a customer.
func (a *Assets) URL(name string) string {
	if u, ok := a.byName[name]; ok {
		return u
	}
	return a.prefix + name
}

// Bytes returns the content of a logical asset.
func (a *Assets) Bytes(name string) ([]byte, bool) {
	u, ok := a.byName[name]
	if !ok {
		return nil, false
	}
	e := a.byURL[strings.TrimPrefix(u, a.prefix)]
	return e.data, true
}

// ServeHTTP serves a fingerprinted asset; the path must be stripped of the
// prefix. Fingerprinted names never change content, so they are immutable.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(r.URL.Path, "/")
	cache := "public, max-age=31536000, immutable"
	e, ok := a.byURL[p]
	if !ok {
		// A plain name (as CSS uses for fonts) is served too, but must be
		// revalidated with its ETag because its content may change.
		u, found := a.byName[p]
		if !found {
			http.NotFound(w, r)
			return
		}
		e, cache = a.byURL[strings.TrimPrefix(u, a.prefix)], "public, no-cache"
	}
	h := w.Header()
	ct, ok := contentTypes[path.Ext(e.name)]
	if !ok {
		ct = "application/octet-stream"
	}
	h.Set("Content-Type", ct)
	h.Set("Cache-Control", cache)
	h.Set("ETag", e.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(e.data))
}

// contentTypes is fixed here instead of read from the system's mime.types,
// which differs between machines.
var contentTypes = map[string]string{
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".txt":         "text/plain; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
}

package web

import (
	"net/url"
	"strings"
)

// safeNext is where to go after sign-in: next when it is a path on this
// site, else the dashboard.
func safeNext(next string) string {
	if !localPath(next) {
		return "/"
	}
	return next
}

// localPath reports whether p is a path on this site and nothing a
// browser could read as another host: it starts with one slash, holds
// only printable ASCII (no control character, space or backslash, which
// browsers drop or read as a slash), names no scheme or host, and stays
// so when its path is percent-decoded, once or more, as a proxy or the
// browser might do ("/%2F/x", "/%09/x", "/%5Cx").
func localPath(p string) bool {
	if len(p) == 0 || len(p) > 2048 || p[0] != '/' || !plainASCII(p) {
		return false
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return false
	}
	path := u.EscapedPath()
	for range 3 {
		if strings.HasPrefix(path, "//") || strings.ContainsRune(path, '\\') || !plainASCII(path) {
			return false
		}
		dec, err := url.PathUnescape(path)
		if err != nil {
			return false
		}
		if dec == path {
			return true
		}
		path = dec
	}
	return false // still encoded after three rounds: nobody writes that
}

// plainASCII reports whether s holds only printable ASCII other than
// space and backslash.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || c == '\\' {
			return false
		}
	}
	return true
}

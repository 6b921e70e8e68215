// Package proxy decides what to believe about a request's connection: the
// client's address and whether the browser used HTTPS, taking a reverse
// proxy's X-Forwarded-* headers only from the proxies the configuration
// trusts.
package proxy

import (
	"net"
	"net/http"
	"net/netip"
)

// Trust knows which peers are trusted reverse proxies.
type Trust struct {
	Prefixes []netip.Prefix
}

// FromTrusted reports whether the connection's peer is a trusted proxy.
func (t Trust) FromTrusted(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	for _, p := range t.Prefixes {
		if p.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}

// IsHTTPS reports whether the browser reached us over HTTPS: directly, or
// through a trusted proxy that says so.
func (t Trust) IsHTTPS(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	return t.FromTrusted(r) && r.Header.Get("X-Forwarded-Proto") == "https"
}

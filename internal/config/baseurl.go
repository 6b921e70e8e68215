package config

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// parseBaseURL checks TRAINDESK_BASE_URL and returns it without a trailing
// slash: an absolute http or https address with a host, and nothing a link
// could not be built on — no user, query or fragment. traindesk's pages
// link to absolute paths ("/verify/…"), so it must be served from the root
// of the address: a path is refused rather than half-working.
func parseBaseURL(v string) (string, error) {
	u, err := url.Parse(v)
	switch {
	case err != nil:
		return "", fmt.Errorf("%q is not a URL", v)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("want an absolute http:// or https:// address such as https://traindesk.example.org, got %q", v)
	case u.Opaque != "" || u.Host == "" || u.Hostname() == "":
		return "", fmt.Errorf("%q has no host", v)
	case u.User != nil:
		return "", fmt.Errorf("%q must not hold a user name or password", v)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.ContainsAny(v, "?#"):
		return "", fmt.Errorf("%q must not have a query (?…) or a fragment (#…)", v)
	case u.Path != "" && u.Path != "/":
		return "", fmt.Errorf("%q has a path: traindesk is served from the root of its address", v)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("%q has an unusable port", v)
		}
	}
	return u.Scheme + "://" + strings.ToLower(u.Host), nil
}

// PublicURL is the address every absolute link is built from — the QR code
// and the verification link on certificates, and any link that leaves the
// browser (e-mails later) — with no trailing slash. It is
// TRAINDESK_BASE_URL when set. When it is unset and traindesk listens only
// on the loopback interface, nobody but this machine can follow a link, so
// http://localhost:PORT (https with TLS) is right. Otherwise it is "":
// absolute links cannot be made, and certificates are refused until the
// setting is given. A request's Host header is never used: anyone can send
// any Host.
func (c Config) PublicURL() string {
	if c.BaseURL != "" {
		return c.BaseURL
	}
	host, port, err := net.SplitHostPort(c.Addr)
	if err != nil || port == "0" || !loopback(host) {
		return ""
	}
	scheme := "http"
	if c.TLS() {
		scheme = "https"
	}
	return scheme + "://localhost:" + port
}

// loopback reports whether host names only this machine.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}

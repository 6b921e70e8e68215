package mail

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// Server is where mail goes, as TRAINDESK_SMTP_URL names it.
type Server struct {
	Host     string
	Port     int
	Username string
	Password string
	// ImplicitTLS: the connection is TLS from the start (smtps://).
	// Otherwise STARTTLS is required, unless TLSOptional.
	ImplicitTLS bool
	// TLSOptional uses STARTTLS only when the server offers it. ParseURL
	// sets it for a server on this machine (a local relay), and only then.
	TLSOptional bool
}

// Loopback reports whether the server is on this machine.
func (s Server) Loopback() bool {
	if strings.EqualFold(s.Host, "localhost") {
		return true
	}
	a, err := netip.ParseAddr(s.Host)
	return err == nil && a.Unmap().IsLoopback()
}

// String names the server without its password, for logs and messages.
func (s Server) String() string {
	scheme := "smtp"
	if s.ImplicitTLS {
		scheme = "smtps"
	}
	user := ""
	if s.Username != "" {
		user = url.User(s.Username).String() + "@"
	}
	return scheme + "://" + user + net.JoinHostPort(s.Host, strconv.Itoa(s.Port))
}

// ParseURL reads smtp://user:pass@host:587 (STARTTLS) or
// smtps://user:pass@host:465 (implicit TLS). The port defaults to 587 and
// 465; user and password are optional and percent-encoded.
func ParseURL(v string) (Server, error) {
	u, err := url.Parse(v)
	if err != nil {
		return Server{}, fmt.Errorf("not a URL such as smtp://user:password@mail.example.org:587")
	}
	s := Server{Host: u.Hostname()}
	switch u.Scheme {
	case "smtp":
		s.Port = 587
	case "smtps":
		s.Port, s.ImplicitTLS = 465, true
	default:
		return Server{}, fmt.Errorf("want smtp:// (STARTTLS) or smtps:// (TLS), got %q", u.Scheme+"://…")
	}
	if s.Host == "" || u.Opaque != "" {
		return Server{}, fmt.Errorf("no host: want smtp://user:password@mail.example.org:587")
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return Server{}, fmt.Errorf("nothing may follow host:port")
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return Server{}, fmt.Errorf("port %q is not a number from 1 to 65535", p)
		}
		s.Port = n
	}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	s.TLSOptional = !s.ImplicitTLS && s.Loopback()
	return s, nil
}

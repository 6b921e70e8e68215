// Package mailtest runs a real SMTP server (github.com/emersion/go-smtp)
// inside a test, records what it receives and can refuse, stall or count
// duplicates, so that tests send through the same client production uses
// and read back what arrived.
package mailtest

import (
	"bytes"
	"crypto/tls"
	"io"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// Received is one message the server accepted.
type Received struct {
	From string
	To   []string
	Raw  []byte
	TLS  bool // the message came over an encrypted connection
}

// MessageID is the message's Message-ID without angle brackets.
func (r Received) MessageID() string {
	m, err := mail.ReadMessage(bytes.NewReader(r.Raw))
	if err != nil {
		return ""
	}
	return strings.Trim(m.Header.Get("Message-Id"), "<> ")
}

// Server is a running SMTP server.
type Server struct {
	Addr string // host:port
	srv  *smtp.Server

	mu       sync.Mutex
	received []Received
	// Hook, when set, runs once the whole message has been read and
	// before the server answers the final "."; an error is the answer.
	hook func(r Received) error
}

// Start runs a server on 127.0.0.1 until the test ends. With cert, it
// offers STARTTLS.
func Start(t testing.TB, cert *tls.Certificate) *Server {
	t.Helper()
	s := &Server{}
	srv := smtp.NewServer(backend{s})
	srv.Domain = "mail.test"
	srv.AllowInsecureAuth = true
	srv.MaxMessageBytes = 10 << 20
	if cert != nil {
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{*cert}}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Addr, s.srv = l.Addr().String(), srv
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return s
}

// Port is the port the server listens on.
func (s *Server) Port() int {
	_, p, _ := net.SplitHostPort(s.Addr)
	n, _ := strconv.Atoi(p)
	return n
}

// SetHook sets (or clears, with nil) the hook run before each answer to
// the final ".".
func (s *Server) SetHook(h func(r Received) error) {
	s.mu.Lock()
	s.hook = h
	s.mu.Unlock()
}

// Messages returns every message accepted so far, in order.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.received...)
}

// ByMessageID counts the accepted messages per Message-ID. A receiving
// system that suppresses duplicates (as many mailbox providers do by
// Message-ID) delivers each key once, whatever the count.
func (s *Server) ByMessageID() map[string]int {
	out := map[string]int{}
	for _, r := range s.Messages() {
		out[r.MessageID()]++
	}
	return out
}

type backend struct{ s *Server }

func (b backend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{s: b.s, conn: c}, nil
}

type session struct {
	s    *Server
	conn *smtp.Conn
	from string
	to   []string
}

func (ss *session) Reset()        { ss.from, ss.to = "", nil }
func (ss *session) Logout() error { return nil }
func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, encrypted := ss.conn.TLSConnectionState()
	got := Received{From: ss.from, To: ss.to, Raw: raw, TLS: encrypted}
	ss.s.mu.Lock()
	hook := ss.s.hook
	ss.s.mu.Unlock()
	if hook != nil {
		if err := hook(got); err != nil {
			return err
		}
	}
	ss.s.mu.Lock()
	ss.s.received = append(ss.s.received, got)
	ss.s.mu.Unlock()
	return nil
}

// Refuse is an SMTP reply for a hook to return: code 4xx is temporary,
// 5xx permanent.
func Refuse(code int, text string) error {
	return &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCodeNotSet, Message: text}
}

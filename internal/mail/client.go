package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/textproto"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Options tune a Client; the zero value is right for production.
type Options struct {
	// Timeout bounds connecting and each exchange with the server
	// (30 seconds when 0).
	Timeout time.Duration
	// TLS replaces the TLS settings (tests trust their own authority).
	TLS *tls.Config
	// HELO is the name traindesk gives itself ("localhost" when empty).
	HELO string
}

// Client sends messages to one SMTP server, one connection per message.
type Client struct {
	srv     Server
	timeout time.Duration
	tls     *tls.Config
	helo    string
}

// New returns a client for srv; nothing is dialled until Send.
func New(srv Server, o Options) *Client {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	return &Client{srv: srv, timeout: o.Timeout, tls: o.TLS, helo: o.HELO}
}

// Server is the server the client sends to.
func (c *Client) Server() Server { return c.srv }

// Error is a failed exchange with the server. Permanent means the server
// refused for good (a 5xx reply): trying again would not help.
type Error struct {
	Stage     string // connect, mail, rcpt, data, end
	Code      int    // the server's reply code, 0 when it never answered
	Reply     string // what the server said, or the network error
	Permanent bool
}

func (e *Error) Error() string {
	if e.Code != 0 {
		return fmt.Sprintf("mail: %s: %d %s", e.Stage, e.Code, e.Reply)
	}
	return fmt.Sprintf("mail: %s: %s", e.Stage, e.Reply)
}

// classify turns an exchange's error into an *Error.
func classify(stage string, err error) error {
	var tp *textproto.Error
	if errors.As(err, &tp) {
		return &Error{Stage: stage, Code: tp.Code, Reply: tp.Msg, Permanent: tp.Code >= 500}
	}
	return &Error{Stage: stage, Reply: err.Error()}
}

// client builds go-mail's client for one connection.
func (c *Client) client() (*gomail.Client, error) {
	opts := []gomail.Option{gomail.WithPort(c.srv.Port), gomail.WithTimeout(c.timeout)}
	if c.helo != "" {
		opts = append(opts, gomail.WithHELO(c.helo))
	}
	switch {
	case c.srv.ImplicitTLS:
		opts = append(opts, gomail.WithSSL())
	case c.srv.TLSOptional:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if c.tls != nil {
		opts = append(opts, gomail.WithTLSConfig(c.tls))
	}
	if c.srv.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(c.srv.Username), gomail.WithPassword(c.srv.Password))
	}
	return gomail.NewClient(c.srv.Host, opts...)
}

// Send hands raw (a message from Build) to the server for the recipients
// to, from the envelope sender from.
//
// The caller records the sending itself, in commit: Send connects, names
// the sender and recipients and transfers the whole message, and then —
// before the final "." that makes the server take responsibility for the
// message — calls commit with finish. commit claims its record (in a
// database transaction, say), calls finish, which ends the message and
// waits for the server's acceptance, and commits only when finish
// returned nil. When commit returns without calling finish (the record
// was claimed elsewhere, or is gone), Send drops the connection and the
// server discards the message. When ctx ends, the connection is dropped.
//
// What SMTP cannot guarantee: if the process dies after the server
// accepted the message and before commit's transaction committed, the
// record still says "not sent" and the message is sent again, with the
// same Message-ID. That window is one reply long.
func (c *Client) Send(ctx context.Context, from string, to []string, raw []byte, commit func(finish func() error) error) error {
	gm, err := c.client()
	if err != nil {
		return &Error{Stage: "connect", Reply: err.Error(), Permanent: true}
	}
	conn, err := gm.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return classify("connect", err)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	defer conn.Close()
	if err := conn.UpdateDeadline(c.timeout); err != nil {
		return classify("connect", err)
	}
	if err := conn.Mail(from); err != nil {
		return classify("mail", err)
	}
	for _, rcpt := range to {
		if err := conn.Rcpt(rcpt); err != nil {
			return classify("rcpt", err)
		}
	}
	w, err := conn.Data()
	if err != nil {
		return classify("data", err)
	}
	if _, err := w.Write(raw); err != nil {
		return classify("data", err)
	}
	finished := false
	err = commit(func() error {
		finished = true
		if err := conn.UpdateDeadline(c.timeout); err != nil {
			return classify("end", err)
		}
		if err := w.Close(); err != nil {
			return classify("end", err)
		}
		return nil
	})
	if finished && err == nil {
		_ = conn.Quit()
	}
	return err
}

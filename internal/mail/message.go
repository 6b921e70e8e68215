// Package mail builds e-mails and hands them to an SMTP server. It wraps
// github.com/wneessen/go-mail: Build renders a message once (MIME parts,
// encodings, inline images, attachments) into the bytes that are stored
// and sent unchanged at every attempt; Client sends those bytes and lets
// the caller commit its own record of the sending in the last moment
// before the server takes the message (see Client.Send).
package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Address is a mailbox with an optional display name.
type Address struct {
	Name string
	Addr string
}

// Attachment is a file carried by a message; an inline one is shown in
// the HTML body as cid:Name.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
	Inline      bool
}

// Message is an e-mail to render.
type Message struct {
	ID          string // the Message-ID without angle brackets (NewID)
	From, To    Address
	ReplyTo     Address // where answers go when not to From; optional
	Subject     string
	Date        time.Time
	Lang        string // Content-Language, e.g. "ar"
	Text        string // plain text, always present
	HTML        string // an HTML alternative, optional
	Attachments []Attachment
}

// NewID returns a fresh Message-ID for a message from domain: random, so
// that two messages never share one, and kept with the message so that
// every attempt to send it carries the same one. Receiving systems that
// suppress duplicates recognise a resent message by it.
func NewID(domain string) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	if domain == "" {
		domain = "traindesk.invalid"
	}
	return hex.EncodeToString(b) + "@" + domain
}

// Domain returns the domain of an address ("" when it has none).
func Domain(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return strings.ToLower(addr[i+1:])
	}
	return ""
}

// Build renders m as RFC 5322 bytes with CRLF line ends: a text part, an
// HTML alternative when m has one (with its inline images), and the
// attachments. Text is quoted-printable in UTF-8, so Arabic survives any
// relay.
func Build(m Message) ([]byte, error) {
	if m.ID == "" || m.To.Addr == "" || m.From.Addr == "" {
		return nil, fmt.Errorf("mail: a message needs an id, a sender and a recipient")
	}
	g := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8), gomail.WithEncoding(gomail.EncodingQP))
	if err := g.FromFormat(m.From.Name, m.From.Addr); err != nil {
		return nil, fmt.Errorf("mail: from: %w", err)
	}
	if err := g.AddToFormat(m.To.Name, m.To.Addr); err != nil {
		return nil, fmt.Errorf("mail: to: %w", err)
	}
	if m.ReplyTo.Addr != "" {
		if err := g.ReplyToFormat(m.ReplyTo.Name, m.ReplyTo.Addr); err != nil {
			return nil, fmt.Errorf("mail: reply-to: %w", err)
		}
	}
	g.Subject(m.Subject)
	g.SetMessageIDWithValue(m.ID)
	g.SetDateWithValue(m.Date)
	if m.Lang != "" {
		g.SetGenHeader(gomail.HeaderContentLang, m.Lang)
	}
	g.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		g.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	for _, a := range m.Attachments {
		opts := []gomail.FileOption{gomail.WithFileContentType(gomail.ContentType(a.ContentType))}
		var err error
		if a.Inline {
			err = g.EmbedReader(a.Name, bytes.NewReader(a.Data), opts...)
		} else {
			err = g.AttachReader(a.Name, bytes.NewReader(a.Data), opts...)
		}
		if err != nil {
			return nil, fmt.Errorf("mail: attach %s: %w", a.Name, err)
		}
	}
	var buf bytes.Buffer
	if _, err := g.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("mail: render: %w", err)
	}
	return buf.Bytes(), nil
}

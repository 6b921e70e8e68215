package mail_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"

	tdmail "github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/mail/mailtest"
)

func message() tdmail.Message {
	return tdmail.Message{
		ID: tdmail.NewID("traindesk.example"), From: tdmail.Address{Name: "traindesk", Addr: "noreply@traindesk.example"},
		To: tdmail.Address{Name: "أحمد محمود", Addr: "ahmed@example.org"}, Subject: "دعوة: مكافحة التهريب",
		Date: time.Date(2023, 1, 10, 9, 0, 0, 0, time.UTC), Lang: "ar",
		Text: "مرحباً أحمد\n.\nسطر يبدأ بنقطة", HTML: `<p dir="rtl">مرحباً <img src="cid:badge.png"></p>`,
		Attachments: []tdmail.Attachment{
			{Name: "badge.png", ContentType: "image/png", Data: []byte("\x89PNG fake"), Inline: true},
			{Name: "training.ics", ContentType: "text/calendar; method=REQUEST; charset=UTF-8", Data: []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")},
		},
	}
}

// parts walks a MIME tree and returns each leaf's content type and
// decoded body.
func parts(t *testing.T, ct string, body io.Reader, out map[string][]byte) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		b, _ := io.ReadAll(body)
		out[mt] = b
		return
	}
	mr := multipart.NewReader(body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		// multipart.Reader decodes quoted-printable itself; base64 is ours.
		var r io.Reader = p
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			r = base64Reader(p)
		}
		parts(t, p.Header.Get("Content-Type"), r, out)
	}
}

func TestBuild_MIME(t *testing.T) {
	m := message()
	raw, err := tdmail.Build(m)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("a line ends without CR")
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	subject, _ := dec.DecodeHeader(msg.Header.Get("Subject"))
	for name, want := range map[string]string{"Message-Id": "<" + m.ID + ">", "Content-Language": "ar"} {
		if got := msg.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if subject != m.Subject {
		t.Errorf("subject %q", subject)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Address != "ahmed@example.org" || to[0].Name != "أحمد محمود" {
		t.Errorf("to %v %v", to, err)
	}
	got := map[string][]byte{}
	parts(t, msg.Header.Get("Content-Type"), msg.Body, got)
	if strings.ReplaceAll(string(got["text/plain"]), "\r\n", "\n") != m.Text {
		t.Errorf("text part %q", got["text/plain"])
	}
	if !strings.Contains(string(got["text/html"]), "cid:badge.png") {
		t.Errorf("html part %q", got["text/html"])
	}
	if string(got["image/png"]) != "\x89PNG fake" || !strings.HasPrefix(string(got["text/calendar"]), "BEGIN:VCALENDAR") {
		t.Errorf("attachments: %v", keys(got))
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// send sends m through a client for srv and commits as told.
func send(t *testing.T, c *tdmail.Client, m tdmail.Message, claim bool) error {
	t.Helper()
	raw, err := tdmail.Build(m)
	if err != nil {
		t.Fatal(err)
	}
	return c.Send(context.Background(), m.From.Addr, []string{m.To.Addr}, raw, func(finish func() error) error {
		if !claim {
			return errors.New("claimed elsewhere")
		}
		return finish()
	})
}

func TestSend_STARTTLS(t *testing.T) {
	cert, trust := mailtest.TLS(t)
	srv := mailtest.Start(t, cert)
	c := tdmail.New(tdmail.Server{Host: "127.0.0.1", Port: srv.Port()}, tdmail.Options{TLS: trust, Timeout: 5 * time.Second})
	m := message()
	if err := send(t, c, m, true); err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 || !got[0].TLS || got[0].MessageID() != m.ID || got[0].To[0] != "ahmed@example.org" {
		t.Fatalf("received %+v", got)
	}
}

func TestSend_RequiresTLS(t *testing.T) {
	srv := mailtest.Start(t, nil) // offers no STARTTLS
	c := tdmail.New(tdmail.Server{Host: "127.0.0.1", Port: srv.Port()}, tdmail.Options{Timeout: 5 * time.Second})
	err := send(t, c, message(), true)
	var me *tdmail.Error
	if !errors.As(err, &me) || me.Stage != "connect" || len(srv.Messages()) != 0 {
		t.Fatalf("a server without TLS took the message: %v", err)
	}
	// A local relay may go without.
	c = tdmail.New(tdmail.Server{Host: "127.0.0.1", Port: srv.Port(), TLSOptional: true}, tdmail.Options{Timeout: 5 * time.Second})
	if err := send(t, c, message(), true); err != nil || len(srv.Messages()) != 1 {
		t.Fatalf("local relay: %v", err)
	}
}

func TestSend_NotClaimedIsNotDelivered(t *testing.T) {
	srv := mailtest.Start(t, nil)
	c := tdmail.New(tdmail.Server{Host: "127.0.0.1", Port: srv.Port(), TLSOptional: true}, tdmail.Options{Timeout: 5 * time.Second})
	if err := send(t, c, message(), false); err == nil || err.Error() != "claimed elsewhere" {
		t.Fatalf("err = %v", err)
	}
	time.Sleep(50 * time.Millisecond)
	if n := len(srv.Messages()); n != 0 {
		t.Fatalf("the server kept %d message(s) whose sending was never committed", n)
	}
}

func TestSend_Refusals(t *testing.T) {
	srv := mailtest.Start(t, nil)
	c := tdmail.New(tdmail.Server{Host: "127.0.0.1", Port: srv.Port(), TLSOptional: true}, tdmail.Options{Timeout: 5 * time.Second})
	for _, tc := range []struct {
		code      int
		permanent bool
	}{{451, false}, {554, true}} {
		srv.SetHook(func(mailtest.Received) error { return mailtest.Refuse(tc.code, "not today") })
		err := send(t, c, message(), true)
		var me *tdmail.Error
		if !errors.As(err, &me) || me.Code != tc.code || me.Permanent != tc.permanent || me.Stage != "end" || !strings.Contains(me.Reply, "not today") {
			t.Errorf("%d: %#v", tc.code, err)
		}
	}
	// Nobody listening: a temporary failure.
	c = tdmail.New(tdmail.Server{Host: "127.0.0.1", Port: 1, TLSOptional: true}, tdmail.Options{Timeout: time.Second})
	var me *tdmail.Error
	if err := send(t, c, message(), true); !errors.As(err, &me) || me.Permanent || me.Stage != "connect" {
		t.Errorf("no server: %#v", err)
	}
}

func TestParseURL(t *testing.T) {
	for in, want := range map[string]tdmail.Server{
		"smtp://user:p%40ss@mail.example.org":     {Host: "mail.example.org", Port: 587, Username: "user", Password: "p@ss"},
		"smtps://mail.example.org":                {Host: "mail.example.org", Port: 465, ImplicitTLS: true},
		"smtp://mail.example.org:2525":            {Host: "mail.example.org", Port: 2525},
		"smtp://localhost:25":                     {Host: "localhost", Port: 25, TLSOptional: true},
		"smtp://u:p@127.0.0.1:25":                 {Host: "127.0.0.1", Port: 25, Username: "u", Password: "p", TLSOptional: true},
		"smtps://127.0.0.1:465":                   {Host: "127.0.0.1", Port: 465, ImplicitTLS: true},
		"smtp://[2001:db8::1]:587":                {Host: "2001:db8::1", Port: 587},
		"smtp://user:secret@mail.example.org:587": {Host: "mail.example.org", Port: 587, Username: "user", Password: "secret"},
	} {
		got, err := tdmail.ParseURL(in)
		if err != nil || got != want {
			t.Errorf("%s = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"mail.example.org", "http://mail.example.org", "smtp://", "smtp://h:0", "smtp://h:99999",
		"smtp://h/path", "smtp://h?x=1", "smtp:opaque"} {
		if _, err := tdmail.ParseURL(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	s, _ := tdmail.ParseURL("smtp://user:secret@mail.example.org:587")
	if strings.Contains(s.String(), "secret") {
		t.Errorf("String shows the password: %s", s)
	}
}

package config

import (
	"net/mail"
	"strings"

	tdmail "github.com/traindesk/traindesk/internal/mail"
)

// mailVars are the mail server's variables, listed with the others.
var mailVars = []Var{
	{"TRAINDESK_SMTP_URL", "unset (messages stay in the outbox, to download or print)", "mail server: smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS)"},
	{"TRAINDESK_MAIL_FROM", "traindesk <noreply@the base URL's host>", "sender of every e-mail, such as \"Training unit <training@example.org>\""},
}

func init() { Vars = append(Vars, mailVars...) }

// loadMail reads the mail server and the sender; bad reports a problem.
func (c *Config) loadMail(getenv func(string) string, bad func(name, format string, a ...any)) {
	if v := strings.TrimSpace(getenv("TRAINDESK_SMTP_URL")); v != "" {
		srv, err := tdmail.ParseURL(v)
		if err != nil {
			bad("TRAINDESK_SMTP_URL", "%v", err)
		} else {
			c.SMTP = &srv
		}
	}
	if v := strings.TrimSpace(getenv("TRAINDESK_MAIL_FROM")); v != "" {
		a, err := mail.ParseAddress(v)
		if err != nil {
			bad("TRAINDESK_MAIL_FROM", "want an address such as \"Training unit <training@example.org>\", got %q", v)
		} else {
			c.MailFrom = tdmail.Address{Name: a.Name, Addr: a.Address}
		}
	}
}

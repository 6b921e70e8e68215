package notify

import (
	"bytes"
	"embed"
	"html/template"
	"strings"

	"github.com/traindesk/traindesk/internal/i18n"
)

// Letter is the content of an e-mail, in one language, before it is
// written as text and as HTML: both come from it, so they say the same.
type Letter struct {
	Lang       i18n.Lang
	Subject    string
	Greeting   string
	Paragraphs []string
	Facts      []Fact
	Sessions   []string
	Code       string // the check-in code under the badge, when there is one
	CodeLabel  string
	BadgeCID   string // the inline image's name, when the badge is shown
	Link       string // an absolute link, when there is one
	LinkText   string
	Closing    string
	Signature  string
	Footer     string
}

// Fact is one line of the message's table of essentials.
type Fact struct{ Label, Value string }

// Dir is the text direction of the letter's language.
func (l Letter) Dir() string { return l.Lang.Dir() }

// Align is where lines start.
func (l Letter) Align() string {
	if l.Lang == i18n.AR {
		return "right"
	}
	return "left"
}

//go:embed templates/*.html
var templates embed.FS

var page = template.Must(template.ParseFS(templates, "templates/*.html"))

// HTML writes the letter as an HTML e-mail body, right to left in Arabic.
func (l Letter) HTML() (string, error) {
	var b bytes.Buffer
	if err := page.ExecuteTemplate(&b, "message.html", l); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Text writes the letter as plain text.
func (l Letter) Text() string {
	var b strings.Builder
	line := func(s string) {
		if s != "" {
			b.WriteString(s)
			b.WriteString("\n\n")
		}
	}
	line(l.Greeting)
	for _, p := range l.Paragraphs {
		line(p)
	}
	for _, f := range l.Facts {
		b.WriteString(f.Label + ": " + f.Value + "\n")
	}
	if len(l.Facts) > 0 {
		b.WriteString("\n")
	}
	for _, s := range l.Sessions {
		b.WriteString("- " + s + "\n")
	}
	if len(l.Sessions) > 0 {
		b.WriteString("\n")
	}
	if l.Code != "" {
		// The code reads left to right inside Arabic text too: isolate it.
		code := l.Code
		if l.Lang == i18n.AR {
			code = "\u2066" + code + "\u2069"
		}
		line(l.CodeLabel + ": " + code)
	}
	if l.Link != "" {
		line(l.LinkText + ":\n" + l.Link)
	}
	line(l.Closing)
	line(l.Signature)
	if l.Footer != "" {
		b.WriteString("--\n" + l.Footer + "\n")
	}
	return b.String()
}

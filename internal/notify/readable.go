package notify

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
)

// readable returns a rendered message's plain-text part and the names of
// its files, for the message's page.
func readable(raw []byte) (text string, files []string) {
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return "", nil
	}
	walk(m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), "", m.Body, &text, &files)
	return strings.ReplaceAll(text, "\r\n", "\n"), files
}

// walk visits a MIME part and its children.
func walk(ctype, encoding, disposition string, body io.Reader, text *string, files *[]string) {
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		return
	}
	if _, dp, err := mime.ParseMediaType(disposition); err == nil && dp["filename"] != "" {
		*files = append(*files, dp["filename"])
		return
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				return
			}
			walk(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p.Header.Get("Content-Disposition"), p, text, files)
		}
	}
	if mt == "text/plain" && *text == "" {
		b, _ := io.ReadAll(decoded(encoding, body))
		*text = string(b)
	}
}

// decoded undoes base64; multipart.Reader undoes quoted-printable itself,
// and a single-part message's quoted-printable is undone here.
func decoded(encoding string, r io.Reader) io.Reader {
	switch strings.ToLower(encoding) {
	case "base64":
		return base64Reader(r)
	case "quoted-printable":
		return qpReader(r)
	}
	return r
}

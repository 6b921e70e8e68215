package certificate

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// Bundle is every valid certificate of a training, ready to be written as
// one zip.
type Bundle struct {
	Name       string // certificates-<training>.zip
	TrainingID int64
	course     Course
	people     []Person
	verifyBase string
	loc        *time.Location
}

// Count is how many certificates the bundle holds.
func (b Bundle) Count() int { return len(b.people) }

// Bundle gathers the valid certificates of training id for download as a
// zip. It hands out only what was issued (see Issue) and changes nothing
// but the audit log. Revoked certificates are left out: they are
// downloaded one at a time, marked. With no valid certificate to hand out,
// or no public address to draw them with, it is a *Refused.
func (s *Service) Bundle(ctx context.Context, a model.Actor, id int64) (Bundle, error) {
	b := Bundle{Name: fmt.Sprintf("certificates-%d.zip", id), TrainingID: id, loc: s.loc}
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		co, err := s.handled(ctx, a, id)
		if err != nil {
			return err
		}
		if b.verifyBase, err = s.verifyBase(); err != nil {
			return refused(co, err)
		}
		b.course = co
		for _, p := range co.People {
			if cert, ok := co.Certs[p.ID]; ok && cert.RevokedAt == nil {
				b.people = append(b.people, p)
			}
		}
		if len(b.people) == 0 {
			return refused(co, ErrNoneToDownload)
		}
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditCertificateZip, Actor: a,
			Object: model.AuditObject{Type: "training", ID: id},
			Values: map[string]string{"certificates": strconv.Itoa(len(b.people))}})
	})
	return b, err
}

// Write writes one PDF per certificate into a zip on w, as it draws them.
func (b Bundle) Write(w io.Writer) error {
	zw := zip.NewWriter(w)
	for i, p := range b.people {
		cert := b.course.Certs[p.ID]
		// The PDFs are compressed already; storing them saves the CPU.
		f, err := zw.CreateHeader(&zip.FileHeader{Name: zipName(i+1, p.NameLatin, cert.Code),
			Method: zip.Store, Modified: cert.IssuedAt})
		if err != nil {
			return err
		}
		if err := Write(f, b.course.Data(p, cert, b.verifyBase, b.loc)); err != nil {
			return err
		}
	}
	return zw.Close()
}

// zipName is "03-Mona-Abdelhalim-Salem-7KQ2MXA93B0F.pdf": ASCII only, so
// every unzip tool shows it right.
func zipName(n int, name, code string) string {
	var b strings.Builder
	gap := false
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			gap = false
		} else {
			gap = true
		}
	}
	slug := b.String()
	if slug == "" {
		slug = "certificate"
	}
	return fmt.Sprintf("%02d-%s-%s.pdf", n, slug, code)
}

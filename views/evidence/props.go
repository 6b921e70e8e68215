// Package evidence renders a training's evidence page: the checklist of
// what an auditor will ask for, the upload form and the files.
package evidence

import (
	"slices"
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/components"
)

// Props is the evidence page.
type Props struct {
	model.EvidencePage
	// In is what the upload form holds (kept after a refusal).
	In       Form
	Errors   map[string]string
	Location *time.Location
	// Marking is a refused "who is in this photo" form, kept as typed.
	Marking Marking
}

// Marking is what a photo's people form held when it was refused.
type Marking struct {
	FileID int64
	Typed  []string
}

// peopleError is the message beside photo fileID's people form.
func (p Props) peopleError(fileID int64) string {
	if p.Marking.FileID != fileID {
		return ""
	}
	return p.Errors["people"]
}

// shows reports whether photo fileID's form ticks person: as typed after
// a refusal, else as saved.
func (p Props) shows(fileID, person int64) bool {
	if p.Marking.FileID == fileID {
		return slices.Contains(p.Marking.Typed, strconv.FormatInt(person, 10))
	}
	return slices.Contains(p.Shown[fileID], person)
}

// Form is the upload form's typed values.
type Form struct {
	SittingID string
	Kind      string
	Caption   string
}

func trainingURL(id int64, rest string) templ.SafeURL {
	return templ.SafeURL("/trainings/" + strconv.FormatInt(id, 10) + rest)
}

func fileURL(f model.EvidenceRow, rest string) templ.SafeURL {
	return trainingURL(f.TrainingID, "/evidence/"+strconv.FormatInt(f.ID, 10)+rest)
}

// size tells a byte count the way people read it (KB, MB).
func size(l *i18n.Localizer, n int64) string {
	switch {
	case n >= 1<<20:
		return l.Decimal(float64(n)/(1<<20), 1) + " MB"
	case n >= 1<<10:
		return l.Num(int((n+512)>>10)) + " KB"
	}
	return l.Int(n) + " B"
}

// sittingOptions are the places a file may be attached to: the training
// or one of its sessions.
func (p Props) sittingOptions(l *i18n.Localizer) []components.Option {
	opts := []components.Option{{Value: "", Label: l.T("evidence.whole_training")}}
	for _, s := range p.Sittings {
		opts = append(opts, components.Option{Value: strconv.FormatInt(s.ID, 10), Label: l.Date(s.Date)})
	}
	return opts
}

// kindOptions are the kinds of evidence, in the catalogue's words.
func kindOptions(l *i18n.Localizer) []components.Option {
	var opts []components.Option
	for _, k := range model.EvidenceKinds {
		opts = append(opts, components.Option{Value: string(k), Label: l.T("evidence.kind." + string(k))})
	}
	return opts
}

// errorRef points a form's fieldset id at its error message, when it has
// one.
func errorRef(id, err string) templ.Attributes {
	if err == "" {
		return templ.Attributes{}
	}
	return templ.Attributes{"aria-describedby": id + "-error", "aria-invalid": "true"}
}

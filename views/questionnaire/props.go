// Package questionnaire holds the questionnaire screens: the builder and
// the trainer's live sheet for staff, and the page participants answer on.
package questionnaire

import (
	"context"
	"encoding/base64"
	"fmt"
	"math"
	"strconv"

	"github.com/a-h/templ"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/components"
)

// BuildProps is the builder's form: the training, what was typed, whether
// the questionnaire is already open (and so cannot change), and the
// message keys by field ("source", "kind"; "source_line" holds a number).
type BuildProps struct {
	Training model.Training
	Input    model.QuizInput
	Locked   bool
	Bank     []model.BankEntry // the thematic area's questions to start from
	Errors   map[string]string
}

func listURL(trainingID int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/trainings/%d/questionnaires", trainingID))
}

func sheetURL(trainingID, id int64, rest string) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/trainings/%d/questionnaires/%d%s", trainingID, id, rest))
}

func buildURL(trainingID int64, kind model.QuizKind) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/trainings/%d/questionnaires/build?kind=%s", trainingID, kind))
}

func trainingURL(id int64) templ.SafeURL {
	return templ.SafeURL("/trainings/" + strconv.FormatInt(id, 10))
}

// qrSrc inlines a QR image as a data URL.
func qrSrc(png []byte) templ.SafeURL {
	return templ.SafeURL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
}

// score shows a score without a needless decimal.
func score(l *i18n.Localizer, v float64) string {
	if v == math.Trunc(v) {
		return l.Num(int(v))
	}
	return l.Decimal(v, 1)
}

// share is n of total as a whole percentage, or 0.
func share(n, total int) int {
	if total == 0 {
		return 0
	}
	return (n*100 + total/2) / total
}

func followUpURL(trainingID int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/trainings/%d/questionnaires/followup", trainingID))
}

// monthOptions are the follow-up's delays: none, or so many months.
func monthOptions(ctx context.Context, months []int) []components.Option {
	out := make([]components.Option, len(months))
	for i, m := range months {
		label := i18n.T(ctx, "followup.none")
		if m > 0 {
			label = i18n.From(ctx).N("followup.after", m)
		}
		out[i] = components.Option{Value: strconv.Itoa(m), Label: label}
	}
	return out
}

func bankURL(trainingID int64, kind string, entry int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/trainings/%d/questionnaires/build?kind=%s&bank=%d", trainingID, kind, entry))
}

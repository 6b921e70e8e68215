package web_test

import (
	"bytes"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// pdfFactKeys are the figures the PDF lists as label and value: the
// headline, the participations and attendance (present, late, absent,
// excused…), and the knowledge and ratings.
var pdfFactKeys = []string{
	"trainings_held", "trainings_running", "training_days", "participations", "unique_individuals", "women", "men",
	"women_share_percent", "attendance_rate_percent", "completed", "completion_rate_percent", "mean_gain", "mastery_percent",
	"satisfaction_mean", "participations_women", "participations_men", "no_shows", "attendance_expected", "attended",
	"present", "late", "absent", "excused", "unmarked", "completion_base", "assessed", "mean_pre", "mean_post", "improved",
	"improved_percent", "mastery_threshold", "mastery", "satisfaction_responses", "satisfaction_1", "satisfaction_2",
	"satisfaction_3", "satisfaction_4", "satisfaction_5", "skills_use_percent", "followup_trained", "followup_answered",
	"followup_used",
}

// pdfText extracts an English PDF's text as laid out; the test skips
// without pdftotext unless TRAINDESK_TEST_REQUIRE names poppler.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if storetest.Required("poppler") {
			t.Fatal("TRAINDESK_TEST_REQUIRE names poppler but pdftotext is not installed")
		}
		t.Skip("pdftotext is not installed")
	}
	cmd := exec.Command(tool, "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

var columns = regexp.MustCompile(`\s{2,}`)

// pdfFacts reads the PDF's label and value lines: a known label, spaces,
// and a value.
func pdfFacts(text string) map[string]string {
	labels := map[string]string{}
	en := i18n.New(i18n.EN)
	for _, k := range pdfFactKeys {
		labels[en.T("report.fig."+k)] = k
	}
	out := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		parts := columns.Split(strings.TrimSpace(line), -1)
		if len(parts) == 2 {
			if k, ok := labels[parts[0]]; ok {
				out[k] = parts[1]
			}
		}
	}
	return out
}

// checkPDFFacts compares every figure the PDF lists with the page's text
// for it, want (the hand count as the page shows it).
func checkPDFFacts(t *testing.T, text string, want map[string]string) {
	t.Helper()
	got := pdfFacts(text)
	for _, k := range pdfFactKeys {
		if got[k] != want[k] {
			t.Errorf("the PDF shows %s = %q, want %q", k, got[k], want[k])
		}
	}
}

// TestReportPDF_HandCount reads the figures of the 2023 PDF, the present,
// late, absent and excused marks among them, and finds them written as the
// page writes them (satisfaction "3.5", percentages with one decimal).
func TestReportPDF_HandCount(t *testing.T) {
	env, fx := reportEnv(t)
	res := env.SignIn(model.RoleManager).Get("/reports/export.pdf?" + period2023(fx))
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	text := pdfText(t, []byte(res.Body))
	checkPDFFacts(t, text, shownFigures)
	if !strings.Contains(text, "Counted as of 27 November 2026") {
		t.Error("the PDF does not say what it counted")
	}
}

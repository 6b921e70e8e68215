package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// today's document-examination session in the demo placed on 27 November.
func todaySession(t *testing.T, env *webtest.Env) (model.TrainingRow, model.SittingRow, []model.RosterRow) {
	t.Helper()
	ctx := context.Background()
	rows, _, _ := env.Store.ListTrainings(ctx, model.TrainingFilter{Scope: model.TrainingScope{All: true}, Text: "Document examination"})
	sits, _ := env.Store.Sittings(ctx, rows[0].ID)
	regs, _ := env.Store.Roster(ctx, rows[0].ID)
	return rows[0], sits[1], regs
}

func postJSON(c *webtest.Client, path string, body any) webtest.Response {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", c.Server()+path, strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", c.Token())
	return c.Send(req)
}

func TestRollCall_PageAndSync(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	_, si, regs := todaySession(t, env)
	trainer := env.SignIn(model.RoleTrainer)
	path := fmt.Sprintf("/sessions/%d/roll", si.ID)
	page := trainer.Get(path)
	if page.StatusCode != 200 || strings.Count(page.Body, `class="roll-row"`) != 17 || !strings.Contains(page.Body, `data-roll="`) {
		t.Fatalf("roll page = %d with %d rows", page.StatusCode, strings.Count(page.Body, `class="roll-row"`))
	}
	roster := trainer.Get(fmt.Sprintf("/api/v1/sessions/%d/roster", si.ID))
	var data struct {
		People []struct {
			RegistrationID int64  `json:"registration_id"`
			Code           string `json:"code"`
		} `json:"people"`
		CanMark bool `json:"can_mark"`
	}
	if err := json.Unmarshal([]byte(roster.Body), &data); err != nil || len(data.People) != 17 || !data.CanMark {
		t.Fatalf("roster JSON: %v %d %v", err, len(data.People), data.CanMark)
	}
	now := env.Clock.Now().UnixMilli()
	batch := map[string]any{"device_id": "tab-1", "ops": []map[string]any{
		{"op_id": "http-op-00001", "registration_id": regs[0].ID, "session_id": si.ID, "status": "present", "client_time": now},
		{"op_id": "http-op-00002", "registration_id": 424242, "session_id": si.ID, "status": "present", "client_time": now},
	}}
	r := postJSON(trainer, "/api/v1/sync", batch)
	if r.StatusCode != 200 || !strings.Contains(r.Body, `"result":"applied"`) || !strings.Contains(r.Body, `"reason":"sync.refused.unknown"`) {
		t.Fatalf("sync = %d %s", r.StatusCode, r.Body)
	}
	again := postJSON(trainer, "/api/v1/sync", batch)
	re := regexp.MustCompile(`"server_time":\d+`)
	if re.ReplaceAllString(again.Body, "") != re.ReplaceAllString(r.Body, "") {
		t.Errorf("the replay answered differently:\n%s\n%s", again.Body, r.Body)
	}

	// Bad requests.
	req, _ := http.NewRequest("POST", trainer.Server()+"/api/v1/sync", strings.NewReader("{not json"))
	req.Header.Set("X-CSRF-Token", trainer.Token())
	if r := trainer.Send(req); r.StatusCode != http.StatusBadRequest {
		t.Errorf("malformed batch = %d", r.StatusCode)
	}
	req, _ = http.NewRequest("POST", trainer.Server()+"/api/v1/sync", strings.NewReader("{}"))
	if r := trainer.Send(req); r.StatusCode != http.StatusBadRequest {
		t.Errorf("batch without a CSRF token = %d, want 400", r.StatusCode)
	}
	// Signed out: 401 as JSON, so the tablet keeps its marks and asks to sign in.
	anon := env.Client()
	if r := postJSON(anon, "/api/v1/sync", batch); r.StatusCode != http.StatusUnauthorized || !strings.Contains(r.Body, `"status":401`) {
		t.Errorf("signed-out sync = %d %s", r.StatusCode, r.Body)
	}
	// A manager neither opens the roll call nor marks.
	m := env.SignIn(model.RoleManager)
	if r := m.Get(path); r.StatusCode != http.StatusForbidden {
		t.Errorf("manager on the roll call = %d", r.StatusCode)
	}
	mb := map[string]any{"ops": []map[string]any{{"op_id": "manager-op-01", "registration_id": regs[1].ID, "session_id": si.ID, "status": "present", "client_time": now}}}
	if r := postJSON(m, "/api/v1/sync", mb); !strings.Contains(r.Body, "sync.refused.forbidden") {
		t.Errorf("manager's mark: %s", r.Body)
	}
}

func TestAttendance_CorrectionAndHistory(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	sits, _ := env.Store.Sittings(ctx, 1)
	regs, _ := env.Store.Roster(ctx, 1)
	cell := fmt.Sprintf("/trainings/1/attendance/%d/%d", regs[0].ID, sits[0].ID)
	po := env.SignIn(model.RoleProgramOfficer)
	if r := po.Post(cell, url.Values{"status": {"sideways"}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad status = %d", r.StatusCode)
	}
	r := po.Post(cell, url.Values{"status": {"excused"}, "note": {"Medical certificate"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("correction = %d", r.StatusCode)
	}
	page := po.Get(cell)
	for _, want := range []string{"Present → <strong>Excused</strong>", "correction", "Medical certificate", "Not marked → <strong>Present</strong>", "demo-tablet"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("history lacks %q", want)
		}
	}
	// Managers see the history but cannot correct.
	m := env.SignIn(model.RoleManager)
	if r := m.Get(cell); r.StatusCode != 200 || strings.Contains(r.Body, "Save the correction") {
		t.Errorf("manager's view of a cell = %d", r.StatusCode)
	}
	if r := m.Post(cell, url.Values{"status": {"present"}}); r.StatusCode != http.StatusForbidden {
		t.Errorf("manager's correction = %d", r.StatusCode)
	}
	// The Hurghada course: 23 of 27 completed before the correction (see
	// the demo), one excused more makes 22.
	show := po.Get("/trainings/1")
	if !strings.Contains(show.Body, "22 of 27 completed") {
		t.Errorf("completion summary missing: want 22 of 27")
	}
}

func TestAssessments(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	regs, _ := env.Store.Roster(ctx, 1)
	po := env.SignIn(model.RoleProgramOfficer)
	page := po.Get("/trainings/1/assessments")
	if page.StatusCode != 200 || strings.Count(page.Body, `name="pre_`) != 27 {
		t.Fatalf("scores page = %d", page.StatusCode)
	}
	id := fmt.Sprint(regs[0].ID)
	form := url.Values{"pre_" + id: {"45"}, "post_" + id: {"120"}, "sat_" + id: {"7"}}
	r := po.Post("/trainings/1/assessments", form)
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "A score from 0 to 100.") ||
		!strings.Contains(r.Body, "A whole number from 1 to 5.") || !strings.Contains(r.Body, `value="120"`) {
		t.Fatalf("invalid scores = %d", r.StatusCode)
	}
	form = url.Values{"pre_" + id: {"45,5"}, "post_" + id: {"80"}, "sat_" + id: {"5"}}
	if r := po.Post("/trainings/1/assessments", form); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("valid scores = %d", r.StatusCode)
	}
	scores, _ := env.Store.Assessments(ctx, 1)
	if a := scores[regs[0].ID]; a.PreScore == nil || *a.PreScore != 45.5 || *a.PostScore != 80 || *a.Satisfaction != 5 {
		t.Fatalf("stored %+v", a)
	}
	if _, ok := scores[regs[1].ID]; ok {
		t.Error("a row left empty kept its scores")
	}
	// The trainer of the course may enter scores; a manager may not.
	if r := env.SignIn(model.RoleTrainer).Get("/trainings/1/assessments"); r.StatusCode != 200 {
		t.Errorf("trainer = %d", r.StatusCode)
	}
	if r := env.SignIn(model.RoleManager).Get("/trainings/1/assessments"); r.StatusCode != http.StatusForbidden {
		t.Errorf("manager = %d", r.StatusCode)
	}
}

func TestBadges(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	r := env.SignIn(model.RoleProgramOfficer).Get("/trainings/1/badges")
	if r.StatusCode != 200 || strings.Count(r.Body, `class="badge-card"`) != 27 || strings.Count(r.Body, "data:image/png;base64,") != 27 {
		t.Fatalf("badges = %d", r.StatusCode)
	}
	code := regexp.MustCompile(`<bdi class="ltr">(\d+-[0-9A-Z]{7})</bdi>`).FindStringSubmatch(r.Body)
	if code == nil {
		t.Fatal("no check-in code printed")
	}
}

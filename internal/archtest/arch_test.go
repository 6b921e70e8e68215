// Package archtest keeps the import arrows of ARCHITECTURE.md honest:
//
//	cmd/traindesk ─▶ internal/app ─▶ internal/web ─▶ services ─▶ internal/store ─▶ internal/model
//	                                      └──▶ views ─▶ internal/model, internal/i18n
//
// model needs only the standard library; only the store and the migrations
// talk to GORM; only the web layer talks to Echo; the web layer reaches the
// database only through services; views render the types they are handed;
// services never reach back to the web layer or the views; the store never
// calls a service; and only the entry points build the application.
package archtest

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

const mod = "github.com/traindesk/traindesk/"

// services are the packages that own rules and writes.
var services = []string{
	"internal/auth", "internal/trainings", "internal/roster", "internal/attendance", "internal/report",
	"internal/certificate", "internal/reference", "internal/audit", "internal/notify", "internal/questionnaire",
}

// pending lists arrows allowed to point the wrong way for a while, during
// a change that moves code between layers. An entry that is no longer
// needed fails the test, so the list only shrinks. It is empty: keep it so.
var pending = map[string]bool{}

type pkg struct {
	ImportPath string
	Imports    []string
}

func isService(name string) bool {
	for _, s := range services {
		if name == s || strings.HasPrefix(name, s+"/") {
			return true
		}
	}
	return false
}

// violation says why name must not import imp, or "".
func violation(name, imp string) string {
	local := strings.HasPrefix(imp, mod)
	rel := strings.TrimPrefix(imp, mod)
	switch {
	case name == "internal/model" && strings.Contains(strings.SplitN(imp, "/", 2)[0], "."):
		return "model must need only the standard library"
	case strings.HasPrefix(imp, "gorm.io/") && name != "internal/store" && name != "db/migrations":
		return "only the store and the migrations talk to GORM"
	case strings.HasPrefix(imp, "github.com/labstack/echo") && name != "internal/web":
		return "only internal/web talks to Echo"
	case strings.HasPrefix(name, "views") && local && rel != "internal/model" && rel != "internal/i18n" && !strings.HasPrefix(rel, "views/"):
		return "views import only internal/model, internal/i18n and views/…; they render the types they are handed"
	case name == "internal/web" && local && (rel == "internal/store" || strings.HasPrefix(rel, "internal/store/") || rel == "db/seed" || rel == "db/migrations"):
		return "the web layer reaches the database only through services"
	case (name == "internal/store" || strings.HasPrefix(name, "internal/store/")) && local && isService(rel):
		return "the store only stores: it never calls a service"
	case isService(name) && local && (rel == "internal/web" || strings.HasPrefix(rel, "views")):
		return "services never reach back to the web layer or the views"
	case local && rel == "internal/app" && name != "cmd/traindesk" && name != "internal/webtest":
		return "only the entry points build the application (internal/app is the composition root)"
	}
	return ""
}

func TestImportArrows(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", mod+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := map[string]bool{}
	var bad []string
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(p.ImportPath, mod)
		for _, imp := range p.Imports {
			why := violation(name, imp)
			if why == "" {
				continue
			}
			arrow := name + " -> " + strings.TrimPrefix(imp, mod)
			if pending[arrow] {
				seen[arrow] = true
				continue
			}
			bad = append(bad, fmt.Sprintf("%s: %s", arrow, why))
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
	for arrow := range pending {
		if !seen[arrow] {
			t.Errorf("%s is fixed: remove it from pending", arrow)
		}
	}
}

// TestViolation checks the rules themselves on arrows that must and must
// not pass, so that a rule that stopped matching is noticed.
func TestViolation(t *testing.T) {
	for _, c := range []struct {
		from, to string
		bad      bool
	}{
		{"views/training", mod + "internal/store", true},
		{"views/training", mod + "internal/report", true},
		{"views/training", mod + "internal/model", false},
		{"views/training", mod + "views/components", false},
		{"views/training", "github.com/a-h/templ", false},
		{"internal/web", mod + "internal/store", true},
		{"internal/web", mod + "internal/trainings", false},
		{"internal/store", mod + "internal/trainings", true},
		{"internal/store", mod + "internal/model", false},
		{"internal/trainings", mod + "internal/web", true},
		{"internal/report", mod + "views/report", true},
		{"internal/trainings", "gorm.io/gorm", true},
		{"db/migrations", "gorm.io/gorm", false},
		{"internal/report", "github.com/labstack/echo/v4", true},
		{"internal/model", "github.com/google/uuid", true},
		{"internal/model", "net/mail", false},
		{"internal/web", mod + "internal/app", true},
		{"internal/webtest", mod + "internal/app", false},
	} {
		if got := violation(c.from, c.to) != ""; got != c.bad {
			t.Errorf("%s -> %s: violation %v, want %v", c.from, c.to, got, c.bad)
		}
	}
}

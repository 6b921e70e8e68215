// Package archtest keeps the import arrows honest: model needs only the
// standard library, only the store and the migrations touch GORM, only the
// web layer touches Echo, and views never reach the web layer.
package archtest

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

type pkg struct {
	ImportPath string
	Imports    []string
	Standard   bool
}

func TestImportArrows(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "github.com/traindesk/traindesk/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	const mod = "github.com/traindesk/traindesk/"
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(p.ImportPath, mod)
		for _, imp := range p.Imports {
			switch {
			case name == "internal/model" && strings.Contains(imp, "."):
				t.Errorf("model imports %s; it must need only the standard library", imp)
			case strings.HasPrefix(imp, "gorm.io/") && name != "internal/store" && name != "db/migrations" && !strings.HasPrefix(name, "internal/store/"):
				t.Errorf("%s imports %s; only the store talks to GORM", name, imp)
			case strings.HasPrefix(imp, "github.com/labstack/echo") && name != "internal/web":
				t.Errorf("%s imports %s; only internal/web talks to Echo", name, imp)
			case strings.HasPrefix(name, "views") && imp == mod+"internal/web":
				t.Errorf("%s imports the web layer; views take typed props", name)
			case !strings.HasPrefix(name, "internal/app") && name != "cmd/traindesk" && imp == mod+"internal/app":
				t.Errorf("%s imports internal/app, the composition root", name)
			}
		}
	}
}

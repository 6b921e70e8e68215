package admin

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// auditWords reads the services' sources for the value names and object
// types their audit events record: the keys of a map literal given as an
// event's Values (or assigned to them, or passed to a helper that builds
// the event), keys set one by one (ev.Values["k"] = …), and the types of
// AuditObject literals and of the helpers' "type" argument. Reading the
// sources finds a new name the day it is written, without a list to keep.
func auditWords(t *testing.T) (values, objects []string) {
	t.Helper()
	vs, os := map[string]bool{}, map[string]bool{}
	root := filepath.Join("..", "..", "internal")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		if !mentions(f, "AuditEvent") {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool { collect(n, vs, os); return true })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sortedKeys(vs), sortedKeys(os)
}

// mentions reports whether f names ident anywhere.
func mentions(f *ast.File, ident string) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == ident {
			found = true
		}
		return !found
	})
	return found
}

// collect adds what node n says about audit values and object types.
func collect(n ast.Node, values, objects map[string]bool) {
	switch n := n.(type) {
	case *ast.KeyValueExpr:
		if key, ok := n.Key.(*ast.Ident); ok && key.Name == "Values" {
			literalKeys(n.Value, values)
		}
		if key, ok := n.Key.(*ast.Ident); ok && key.Name == "Type" {
			if s, ok := stringLit(n.Value); ok {
				objects[s] = true
			}
		}
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Values" && i < len(n.Rhs) {
				literalKeys(n.Rhs[i], values)
			}
			if ix, ok := lhs.(*ast.IndexExpr); ok {
				// ev.Values["k"], not a web session's Values.
				if sel, ok := ix.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "Values" && isIdent(sel.X, "ev") {
					if s, ok := stringLit(ix.Index); ok {
						values[s] = true
					}
				}
			}
		}
	case *ast.CallExpr:
		// The helpers that build an event: event(kind, actor, "type", id),
		// audit(kind, actor, q, values), userEvent(kind, actor, id, values).
		name := ""
		if id, ok := n.Fun.(*ast.Ident); ok {
			name = id.Name
		}
		if !strings.HasSuffix(strings.ToLower(name), "event") && name != "audit" {
			return
		}
		for _, a := range n.Args {
			if s, ok := stringLit(a); ok {
				objects[s] = true
			}
			literalKeys(a, values)
		}
	}
}

// literalKeys adds the string keys of e when it is a map literal.
func literalKeys(e ast.Expr, into map[string]bool) {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return
	}
	if _, ok := lit.Type.(*ast.MapType); !ok {
		return
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if s, ok := stringLit(kv.Key); ok {
				into[s] = true
			}
		}
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func stringLit(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestAuditWords_Translated fails when an audit event records a value
// under a name, or about an object type, that the audit page would show
// as recorded (in English, on the Arabic page too): every one needs a
// label in both catalogues.
func TestAuditWords_Translated(t *testing.T) {
	values, objects := auditWords(t)
	if len(values) < 20 || len(objects) < 10 {
		t.Fatalf("read too little from the sources: values %v, objects %v", values, objects)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.AR} {
		ctx := i18n.With(t.Context(), i18n.New(lang))
		for _, k := range values {
			if k != "from" && k != "to" && fieldLabel(ctx, k) == k {
				t.Errorf("%s: the audit value %q has no label (audit.f.%s)", lang, k, k)
			}
		}
		for _, o := range objects {
			if objectLabel(ctx, o) == o {
				t.Errorf("%s: the audit object type %q has no label (audit.o.%s)", lang, o, o)
			}
		}
	}
}

// TestValuesText_Arabic shows the demo load's counts with Arabic labels and
// digits on the Arabic page: the keys are never shown as recorded.
func TestValuesText_Arabic(t *testing.T) {
	ctx := i18n.With(t.Context(), i18n.New(i18n.AR))
	got := valuesText(ctx, model.AuditLine{Values: map[string]string{"persons": "32", "trainings": "4", "contact": "true"}})
	for _, raw := range []string{"persons", "trainings", "contact", "true", "32"} {
		if strings.Contains(got, raw) {
			t.Errorf("the Arabic detail %q shows %q as recorded", got, raw)
		}
	}
	if !strings.Contains(got, "المشاركون: ٣٢") || !strings.Contains(got, "نعم") {
		t.Errorf("the Arabic detail %q lacks the translated count or yes", got)
	}
}

// TestValuesText_Families names a value by its field's family: a
// language, a file kind, a format, a sheet, a way of sending.
func TestValuesText_Families(t *testing.T) {
	ctx := i18n.With(t.Context(), i18n.New(i18n.AR))
	got := valuesText(ctx, model.AuditLine{Values: map[string]string{"lang": "en", "kind": "photo", "format": "xlsx", "table": "attendance", "via": "email"}})
	for _, raw := range []string{"en", "photo", "xlsx", "attendance", "email"} {
		if strings.Contains(got, raw) {
			t.Errorf("the Arabic detail %q shows %q as recorded", got, raw)
		}
	}
}

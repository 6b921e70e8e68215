package archtest

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostUse matches code that reads the address a request claims: the Host
// header (r.Host, c.Request().Host) or Echo's scheme guess (c.Scheme()).
var hostUse = regexp.MustCompile(`\bRequest\(\)\.Host\b|\b(r|req|request)\.Host\b|\bc\.Scheme\(\)`)

// TestNoLinkFromHost keeps absolute links to the one configured address
// (TRAINDESK_BASE_URL, config.Config.PublicURL): anyone can send any Host
// header, so no code outside tests may read it.
func TestNoLinkFromHost(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if hostUse.MatchString(line) {
				t.Errorf("%s:%d reads the request's Host: build links from the configured base URL instead", path, i+1)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestHostUse checks the pattern on lines it must and must not match.
func TestHostUse(t *testing.T) {
	for line, want := range map[string]bool{
		`return scheme + "://" + c.Request().Host + "/verify/"`: true,
		`host := r.Host`:                   true,
		`if c.Scheme() == "https" {`:       true,
		`return u.Scheme + "://" + u.Host`: false,
		`h.Hostname()`:                     false,
	} {
		if hostUse.MatchString(line) != want {
			t.Errorf("%q: match %v, want %v", line, !want, want)
		}
	}
}

package config_test

import (
	"os"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/config"
)

// TestLoad_BaseURL accepts absolute http(s) addresses, normalised, and
// refuses anything a link could not be built on, naming the variable.
func TestLoad_BaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://traindesk.example.org":        "https://traindesk.example.org",
		"https://Traindesk.Example.org/":       "https://traindesk.example.org",
		"http://192.168.1.10:8443":             "http://192.168.1.10:8443",
		"  https://[2001:db8::1]:8443/  ":      "https://[2001:db8::1]:8443",
		"HTTPS://certificates.example.org:443": "https://certificates.example.org:443",
	} {
		c, err := config.Load(env(map[string]string{"TRAINDESK_BASE_URL": in}))
		if err != nil || c.BaseURL != want || c.PublicURL() != want {
			t.Errorf("%q: %q, %q, %v; want %q", in, c.BaseURL, c.PublicURL(), err, want)
		}
	}
	for _, in := range []string{
		"traindesk.example.org", "//traindesk.example.org", "ftp://traindesk.example.org", "javascript:alert(1)",
		"https://", "https:traindesk.example.org", "https://user:pw@traindesk.example.org",
		"https://traindesk.example.org/?next=x", "https://traindesk.example.org#top", "https://traindesk.example.org?",
		"https://traindesk.example.org/traindesk", "https://traindesk.example.org:99999", "https://traindesk.example.org:x",
		"https://train desk.example.org", "https://traindesk.example.org/\x00",
	} {
		_, err := config.Load(env(map[string]string{"TRAINDESK_BASE_URL": in}))
		if err == nil || !strings.Contains(err.Error(), "TRAINDESK_BASE_URL") {
			t.Errorf("%q is accepted (%v)", in, err)
		}
	}
}

// TestPublicURL_WithoutBaseURL: unset, only a server that listens on the
// loopback interface has an address (localhost); one that listens beyond
// it has none, so that no link is built from what a request claims.
func TestPublicURL_WithoutBaseURL(t *testing.T) {
	for addr, want := range map[string]string{
		"localhost:8080": "http://localhost:8080",
		"127.0.0.1:9000": "http://localhost:9000",
		"[::1]:8080":     "http://localhost:8080",
		":8080":          "",
		"0.0.0.0:8080":   "",
		"[::]:8080":      "",
		"10.0.0.5:8080":  "",
		"myhost:8080":    "",
		"127.0.0.1:0":    "",
	} {
		c, err := config.Load(env(map[string]string{"TRAINDESK_ADDR": addr}))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.PublicURL(); got != want {
			t.Errorf("%s: %q, want %q", addr, got, want)
		}
	}
	c, err := config.Load(env(map[string]string{"TRAINDESK_ADDR": "127.0.0.1:8443",
		"TRAINDESK_TLS_CERT": "c.pem", "TRAINDESK_TLS_KEY": "k.pem"}))
	if err != nil || c.PublicURL() != "https://localhost:8443" {
		t.Errorf("with TLS: %q, %v", c.PublicURL(), err)
	}
	c, _ = config.Load(env(map[string]string{"TRAINDESK_ADDR": ":8080", "TRAINDESK_BASE_URL": "https://td.example.org"}))
	if c.PublicURL() != "https://td.example.org" {
		t.Errorf("the setting does not win: %q", c.PublicURL())
	}
}

// TestVars_InREADME: `traindesk help` prints config.Vars; the README's
// table must name every one of them too, the base URL among them.
func TestVars_InREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range config.Vars {
		for _, name := range strings.Split(v.Name, " / ") {
			if !strings.Contains(string(readme), "`"+name+"`") {
				t.Errorf("the README does not document %s", name)
			}
			found = found || name == "TRAINDESK_BASE_URL"
		}
	}
	if !found {
		t.Error("TRAINDESK_BASE_URL is not in config.Vars")
	}
}

package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/config"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoad_Defaults(t *testing.T) {
	c, err := config.Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.DB != "data/traindesk.db" || c.DataDir != "data" || c.Demo || c.SessionIdle != 8*time.Hour || c.SessionMax != 168*time.Hour {
		t.Fatalf("defaults = %+v", c)
	}
	if c.IsPostgres() {
		t.Error("the default database is PostgreSQL")
	}
	if c.Location == nil || c.Location.String() != "Africa/Cairo" {
		t.Errorf("default time zone %v, want Africa/Cairo", c.Location)
	}
}

func TestLoad_Timezone(t *testing.T) {
	c, err := config.Load(env(map[string]string{"TRAINDESK_TIMEZONE": "Asia/Amman"}))
	if err != nil || c.Location.String() != "Asia/Amman" {
		t.Fatalf("%v, %v", c.Location, err)
	}
}

func TestLoad_ErrNamesTheVariable(t *testing.T) {
	for name, value := range map[string]string{
		"TRAINDESK_ADDR":            "8080",
		"TRAINDESK_DB":              "mysql://x",
		"TRAINDESK_SESSION_KEY":     "short",
		"TRAINDESK_DEMO":            "perhaps",
		"TRAINDESK_ADMIN_PASSWORD":  "abc",
		"TRAINDESK_ADMIN_EMAIL":     "nobody",
		"TRAINDESK_TRUSTED_PROXIES": "10.0.0.0/8, not-an-ip",
		"TRAINDESK_SESSION_IDLE":    "forever",
		"TRAINDESK_MARK_DAYS_AFTER": "-1",
		"TRAINDESK_LOG_LEVEL":       "loud",
		"TRAINDESK_TLS_CERT":        "cert.pem",
		"TRAINDESK_TIMEZONE":        "Mars/Olympus_Mons",
		"TRAINDESK_FILES_URL":       "ftp://files.example.org/evidence",
	} {
		_, err := config.Load(env(map[string]string{name: value}))
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s=%q: error %v does not name the variable", name, value, err)
		}
	}
}

func TestLoad_Postgres(t *testing.T) {
	c, err := config.Load(env(map[string]string{"TRAINDESK_DB": "postgres://u:secret@db:5432/traindesk"}))
	if err != nil || !c.IsPostgres() || c.DataDir != "data" {
		t.Fatalf("%+v, %v", c, err)
	}
}

func TestSessionSecret_GeneratedOnceAndKept(t *testing.T) {
	dir := t.TempDir()
	c, err := config.Load(env(map[string]string{"TRAINDESK_DB": filepath.Join(dir, "x", "td.db")}))
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.SessionSecret()
	if err != nil || len(a) < 32 {
		t.Fatalf("secret %d bytes, %v", len(a), err)
	}
	b, _ := c.SessionSecret()
	if string(a) != string(b) {
		t.Fatal("a second start generated another key")
	}
	fi, err := os.Stat(filepath.Join(dir, "x", "session.key"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file %v, %v", fi, err)
	}
	other, _ := config.Load(env(map[string]string{"TRAINDESK_DB": filepath.Join(t.TempDir(), "td.db")}))
	o, _ := other.SessionSecret()
	if string(o) == string(a) {
		t.Fatal("two installations got the same key")
	}
	fixed, _ := config.Load(env(map[string]string{"TRAINDESK_SESSION_KEY": strings.Repeat("ab", 32)}))
	k, err := fixed.SessionSecret()
	if err != nil || len(k) != 32 {
		t.Fatalf("configured key: %d bytes, %v", len(k), err)
	}
}

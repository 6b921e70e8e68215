// Package config reads traindesk's settings from the environment and checks
// them before anything starts. A bad value stops start-up with a message
// that names the variable.
package config

import (
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/mail"
)

// Config is every setting traindesk reads at start-up.
type Config struct {
	Addr           string         // TRAINDESK_ADDR
	DB             string         // TRAINDESK_DB: a file path, or a postgres:// URL
	DataDir        string         // TRAINDESK_DATA_DIR: where generated secrets live
	SessionKey     string         // TRAINDESK_SESSION_KEY (hex or base64, ≥ 32 bytes); generated when empty
	AdminEmail     string         // TRAINDESK_ADMIN_EMAIL
	AdminPassword  string         // TRAINDESK_ADMIN_PASSWORD
	Demo           bool           // TRAINDESK_DEMO
	DemoPassword   string         // TRAINDESK_DEMO_PASSWORD: shared by the demo users
	TLSCert        string         // TRAINDESK_TLS_CERT
	TLSKey         string         // TRAINDESK_TLS_KEY
	TrustedProxies []netip.Prefix // TRAINDESK_TRUSTED_PROXIES
	SessionIdle    time.Duration  // TRAINDESK_SESSION_IDLE
	SessionMax     time.Duration  // TRAINDESK_SESSION_MAX
	MarkDaysAfter  int            // TRAINDESK_MARK_DAYS_AFTER: how long trainers may mark after a session
	LogLevel       slog.Level     // TRAINDESK_LOG_LEVEL
	LogFormat      string         // TRAINDESK_LOG_FORMAT: text or json
	Location       *time.Location // TRAINDESK_TIMEZONE: the venues' time zone, in which "today" is reckoned
	BaseURL        string         // TRAINDESK_BASE_URL: this site's public address, without a trailing slash (see PublicURL)
	SMTP           *mail.Server   // TRAINDESK_SMTP_URL: nil when no mail server is configured
	MailFrom       mail.Address   // TRAINDESK_MAIL_FROM
	FilesURL       string         // TRAINDESK_FILES_URL: an s3:// bucket for evidence files; empty: the data folder
}

// DefaultTimezone is the venues' time zone when TRAINDESK_TIMEZONE is unset.
const DefaultTimezone = "Africa/Cairo"

// Var documents one environment variable.
type Var struct {
	Name, Default, Meaning string
}

// Vars lists every variable, for the README and `traindesk help`.
var Vars = []Var{
	{"TRAINDESK_ADDR", ":8080", "address to listen on"},
	{"TRAINDESK_DB", "data/traindesk.db", "SQLite file, or a postgres:// URL to use PostgreSQL"},
	{"TRAINDESK_DATA_DIR", "folder of the SQLite file, else data", "where the generated session key is kept"},
	{"TRAINDESK_SESSION_KEY", "generated once and stored in the data folder", "secret (≥ 32 bytes, hex or base64) that signs cookies and QR codes"},
	{"TRAINDESK_ADMIN_EMAIL", "admin@traindesk.local", "first administrator, created when there is no user yet"},
	{"TRAINDESK_ADMIN_PASSWORD", "generated and printed once", "first administrator's password"},
	{"TRAINDESK_DEMO", "false (make run: true)", "load the demo course into an empty database"},
	{"TRAINDESK_DEMO_PASSWORD", "generated and printed once", "password of the demo users"},
	{"TRAINDESK_TLS_CERT / TRAINDESK_TLS_KEY", "unset", "serve HTTPS with this certificate and key (PEM files)"},
	{"TRAINDESK_TRUSTED_PROXIES", "unset", "comma-separated addresses or CIDRs whose X-Forwarded-For is believed"},
	{"TRAINDESK_SESSION_IDLE", "8h", "sign-out after this long without a request"},
	{"TRAINDESK_SESSION_MAX", "168h", "sign-out this long after sign-in, whatever happens"},
	{"TRAINDESK_MARK_DAYS_AFTER", "3", "days after a session during which its trainer may still change marks"},
	{"TRAINDESK_LOG_LEVEL", "info", "debug, info, warn or error"},
	{"TRAINDESK_LOG_FORMAT", "text", "text or json"},
	{"TRAINDESK_TIMEZONE", "Africa/Cairo", "the venues' time zone (IANA name), in which days such as \"today's sessions\" are reckoned"},
	{"TRAINDESK_BASE_URL", "unset (http://localhost:PORT when listening on localhost only)", "this site's public address, such as https://traindesk.example.org: the only source of absolute links (certificates' QR codes); certificates are refused without it when serving beyond localhost"},
}

// Load reads the configuration through getenv (os.Getenv in production, a
// map in tests) and validates it.
func Load(getenv func(string) string) (Config, error) {
	c := Config{
		Addr:          ":8080",
		DB:            "data/traindesk.db",
		AdminEmail:    "admin@traindesk.local",
		SessionIdle:   8 * time.Hour,
		SessionMax:    7 * 24 * time.Hour,
		MarkDaysAfter: 3,
		LogFormat:     "text",
	}
	var errs []string
	bad := func(name, format string, a ...any) {
		errs = append(errs, name+": "+fmt.Sprintf(format, a...))
	}
	str := func(name string, dst *string) {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			*dst = v
		}
	}
	str("TRAINDESK_ADDR", &c.Addr)
	str("TRAINDESK_DB", &c.DB)
	str("TRAINDESK_DATA_DIR", &c.DataDir)
	str("TRAINDESK_ADMIN_EMAIL", &c.AdminEmail)
	str("TRAINDESK_TLS_CERT", &c.TLSCert)
	str("TRAINDESK_TLS_KEY", &c.TLSKey)
	c.SessionKey = strings.TrimSpace(getenv("TRAINDESK_SESSION_KEY"))
	c.AdminPassword = getenv("TRAINDESK_ADMIN_PASSWORD")
	c.DemoPassword = getenv("TRAINDESK_DEMO_PASSWORD")

	if _, port, err := net.SplitHostPort(c.Addr); err != nil {
		bad("TRAINDESK_ADDR", "want host:port or :port, got %q", c.Addr)
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		bad("TRAINDESK_ADDR", "port %q is not a number from 0 to 65535", port)
	}
	if c.IsPostgres() {
		if !strings.Contains(c.DB, "@") && !strings.Contains(c.DB, "host=") && !strings.Contains(c.DB, "/") {
			bad("TRAINDESK_DB", "not a usable PostgreSQL URL")
		}
	} else if strings.Contains(c.DB, "://") {
		bad("TRAINDESK_DB", "only a file path or a postgres:// URL is understood, got %q", redact(c.DB))
	}
	if c.DataDir == "" {
		c.DataDir = "data"
		if !c.IsPostgres() {
			c.DataDir = filepath.Dir(c.DB)
		}
	}
	if c.SessionKey != "" {
		if _, err := DecodeKey(c.SessionKey); err != nil {
			bad("TRAINDESK_SESSION_KEY", "%v", err)
		}
	}
	if c.AdminEmail != "" && !strings.Contains(c.AdminEmail, "@") {
		bad("TRAINDESK_ADMIN_EMAIL", "%q is not an email address", c.AdminEmail)
	}
	if p := c.AdminPassword; p != "" && len([]rune(p)) < 10 {
		bad("TRAINDESK_ADMIN_PASSWORD", "must be at least 10 characters")
	}
	if p := c.DemoPassword; p != "" && len([]rune(p)) < 10 {
		bad("TRAINDESK_DEMO_PASSWORD", "must be at least 10 characters")
	}
	if v := getenv("TRAINDESK_DEMO"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			bad("TRAINDESK_DEMO", "want true or false, got %q", v)
		}
		c.Demo = b
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		bad("TRAINDESK_TLS_CERT", "TRAINDESK_TLS_CERT and TRAINDESK_TLS_KEY go together: set both or neither")
	}
	if v := getenv("TRAINDESK_TRUSTED_PROXIES"); v != "" {
		for _, s := range strings.Split(v, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			p, err := parsePrefix(s)
			if err != nil {
				bad("TRAINDESK_TRUSTED_PROXIES", "%q is neither an address nor a CIDR", s)
				continue
			}
			c.TrustedProxies = append(c.TrustedProxies, p)
		}
	}
	duration := func(name string, dst *time.Duration) {
		if v := getenv(name); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil || d < time.Minute {
				bad(name, "want a duration of at least 1m such as 8h, got %q", v)
				return
			}
			*dst = d
		}
	}
	c.loadMail(getenv, bad)
	c.loadFiles(getenv, bad)
	duration("TRAINDESK_SESSION_IDLE", &c.SessionIdle)
	duration("TRAINDESK_SESSION_MAX", &c.SessionMax)
	if c.SessionIdle > c.SessionMax {
		bad("TRAINDESK_SESSION_IDLE", "is longer than TRAINDESK_SESSION_MAX")
	}
	if v := getenv("TRAINDESK_MARK_DAYS_AFTER"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 365 {
			bad("TRAINDESK_MARK_DAYS_AFTER", "want a whole number of days from 0 to 365, got %q", v)
		}
		c.MarkDaysAfter = n
	}
	if v := getenv("TRAINDESK_LOG_LEVEL"); v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			bad("TRAINDESK_LOG_LEVEL", "want debug, info, warn or error, got %q", v)
		}
	}
	if v := getenv("TRAINDESK_LOG_FORMAT"); v != "" {
		if v != "text" && v != "json" {
			bad("TRAINDESK_LOG_FORMAT", "want text or json, got %q", v)
		}
		c.LogFormat = v
	}
	tz := strings.TrimSpace(getenv("TRAINDESK_TIMEZONE"))
	if tz == "" {
		tz = DefaultTimezone
	}
	if loc, err := time.LoadLocation(tz); err != nil || tz == "Local" {
		bad("TRAINDESK_TIMEZONE", "want an IANA time zone name such as Africa/Cairo, got %q", tz)
	} else {
		c.Location = loc
	}
	if v := strings.TrimSpace(getenv("TRAINDESK_BASE_URL")); v != "" {
		u, err := parseBaseURL(v)
		if err != nil {
			bad("TRAINDESK_BASE_URL", "%v", err)
		}
		c.BaseURL = u
	}
	if len(errs) > 0 {
		return c, fmt.Errorf("config: %s", strings.Join(errs, "; "))
	}
	return c, nil
}

// IsPostgres reports whether DB names a PostgreSQL server.
func (c Config) IsPostgres() bool {
	return strings.HasPrefix(c.DB, "postgres://") || strings.HasPrefix(c.DB, "postgresql://")
}

// TLS reports whether traindesk serves HTTPS itself.
func (c Config) TLS() bool { return c.TLSCert != "" }

func parsePrefix(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		return netip.ParsePrefix(s)
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}

// redact hides a password in a URL before it reaches a message.
func redact(s string) string {
	if i := strings.Index(s, "@"); i > 0 {
		if j := strings.Index(s, "://"); j > 0 && j < i {
			return s[:j+3] + "…" + s[i:]
		}
	}
	return s
}

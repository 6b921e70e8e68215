package config

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// DecodeKey reads a secret written as hex or base64; it must hold at least
// 32 bytes.
func DecodeKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	b, err := hex.DecodeString(s)
	if err != nil {
		b, err = base64.StdEncoding.DecodeString(s)
	}
	if err != nil {
		b, err = base64.RawURLEncoding.DecodeString(s)
	}
	if err != nil {
		return nil, errors.New("not hex or base64")
	}
	if len(b) < 32 {
		return nil, fmt.Errorf("holds %d bytes, want at least 32", len(b))
	}
	return b, nil
}

// SessionSecret returns the configured key, or the one stored in the data
// folder, creating it (64 random bytes, file mode 0600) on first use. There is
// never a fixed default.
func (c Config) SessionSecret() ([]byte, error) {
	if c.SessionKey != "" {
		return DecodeKey(c.SessionKey)
	}
	path := filepath.Join(c.DataDir, "session.key")
	if b, err := os.ReadFile(path); err == nil {
		k, err := DecodeKey(string(b))
		if err != nil {
			return nil, fmt.Errorf("config: %s: %w", path, err)
		}
		return k, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("config: read session key: %w", err)
	}
	if err := os.MkdirAll(c.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("config: create data folder: %w", err)
	}
	k := make([]byte, 64)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	// O_EXCL: when two instances start at once, the second reads the
	// first one's key instead of overwriting it.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return c.SessionSecret()
	}
	if err != nil {
		return nil, fmt.Errorf("config: store session key: %w", err)
	}
	if _, err := f.WriteString(hex.EncodeToString(k) + "\n"); err != nil {
		f.Close()
		return nil, err
	}
	return k, f.Close()
}

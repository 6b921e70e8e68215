// Package filestore keeps uploaded files' bytes by key, outside the
// database: a folder under the data directory. Keys are chosen by the
// application (random, never a user's file name), so a key never leads out
// of the folder.
package filestore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
)

// ErrNotFound is returned for a key that holds nothing.
var ErrNotFound = errors.New("filestore: no such file")

// Folder keeps files in a directory, one file per key.
type Folder struct {
	dir string
}

// NewFolder returns the store over dir, creating it (readable by the
// service's user only) if needed.
func NewFolder(dir string) (*Folder, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	return &Folder{dir: dir}, nil
}

// keyPattern is what a key may look like: NewKey's output and a suffix.
var keyPattern = regexp.MustCompile(`^[a-z0-9]{8,64}(\.[a-z]{1,8})?$`)

// NewKey draws a random key.
func NewKey() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("filestore: %w", err)
	}
	return hex.EncodeToString(b), nil
}

func (f *Folder) path(key string) (string, error) {
	if !keyPattern.MatchString(key) {
		return "", fmt.Errorf("filestore: bad key %q", key)
	}
	// Two levels of folders keep any one folder small.
	return filepath.Join(f.dir, key[:2], key), nil
}

// Put stores r's bytes under key. The file appears whole or not at all: it
// is written beside its place and renamed into it.
func (f *Folder) Put(_ context.Context, key string, r io.Reader) error {
	p, err := f.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".put-*")
	if err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, r); err != nil {
		tmp.Close()
		return fmt.Errorf("filestore: write %s: %w", key, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("filestore: sync %s: %w", key, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	return nil
}

// Open returns the bytes stored under key; the caller closes them.
func (f *Folder) Open(_ context.Context, key string) (io.ReadCloser, error) {
	p, err := f.path(key)
	if err != nil {
		return nil, err
	}
	file, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	return file, nil
}

// Delete removes key's bytes; a key that holds nothing is not an error, so
// that a deletion can be tried again.
func (f *Folder) Delete(_ context.Context, key string) error {
	p, err := f.path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("filestore: %w", err)
	}
	return nil
}

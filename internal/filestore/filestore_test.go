package filestore

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestFolder_PutOpenDelete(t *testing.T) {
	ctx := context.Background()
	f, err := NewFolder(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	key, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Put(ctx, key, strings.NewReader("signed sheet")); err != nil {
		t.Fatal(err)
	}
	r, err := f.Open(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r)
	r.Close()
	if string(b) != "signed sheet" {
		t.Errorf("read %q", b)
	}
	if err := f.Delete(ctx, key); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Open(ctx, key); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if err := f.Delete(ctx, key); err != nil {
		t.Errorf("a second delete: %v", err)
	}
}

func TestFolder_RefusesKeysThatLeaveTheFolder(t *testing.T) {
	f, _ := NewFolder(t.TempDir())
	for _, key := range []string{"../../etc/passwd", "", "AB", "abcdefgh/../x"} {
		if err := f.Put(context.Background(), key, strings.NewReader("x")); err == nil {
			t.Errorf("key %q accepted", key)
		}
	}
}

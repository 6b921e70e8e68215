package filestore_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/filestore"
	"github.com/traindesk/traindesk/internal/filestore/s3test"
)

// TestBucket_PutOpenDelete keeps, reads back and deletes a file in a real
// S3 protocol server, and reads a key that holds nothing as ErrNotFound.
func TestBucket_PutOpenDelete(t *testing.T) {
	ctx := context.Background()
	b, err := filestore.Open(ctx, s3test.Start(t), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	key, _ := filestore.NewKey()
	if err := b.Put(ctx, key, strings.NewReader("signed sheet")); err != nil {
		t.Fatal(err)
	}
	r, err := b.Open(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	r.Close()
	if string(got) != "signed sheet" {
		t.Fatalf("read back %q", got)
	}
	if err := b.Delete(ctx, key); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Open(ctx, key); !errors.Is(err, filestore.ErrNotFound) {
		t.Errorf("after delete: %v, want ErrNotFound", err)
	}
	if err := b.Delete(ctx, key); err != nil {
		t.Errorf("deleting again: %v", err)
	}
	if err := b.Put(ctx, "../../etc/passwd", strings.NewReader("x")); err == nil {
		t.Error("a key that is not ours was taken")
	}
}

// TestCheckURL refuses URLs the bucket could not be opened with, saying
// why.
func TestCheckURL(t *testing.T) {
	for url, want := range map[string]string{
		"s3://evidence?region=eu-west-1":                               "",
		"s3://evidence?endpoint=http://minio:9000&use_path_style=true": "",
		"gs://evidence":                      "scheme",
		"s3:///?region=eu-west-1":            "no bucket",
		"s3://key:secret@evidence":           "credentials",
		"s3://evidence?use_path_style=maybe": "use_path_style",
		"s3://evidence?endpoint=minio:9000":  "endpoint",
		"%zz":                                "not a URL",
	} {
		err := filestore.CheckURL(url)
		if (want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), want)) {
			t.Errorf("CheckURL(%q) = %v, want %q", url, err, want)
		}
	}
}

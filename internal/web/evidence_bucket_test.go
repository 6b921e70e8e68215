package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/filestore"
	"github.com/traindesk/traindesk/internal/filestore/s3test"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestEvidence_InABucket runs the evidence files on an S3 protocol server:
// an upload puts the file and its thumbnail in the bucket, a download
// reads it from there, and deleting the record deletes both objects.
func TestEvidence_InABucket(t *testing.T) {
	ctx := context.Background()
	bucketURL := s3test.Start(t)
	bucket, err := filestore.OpenBucket(ctx, bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	env := webtest.New(t, webtest.Options{Demo: true, Adjust: func(o *app.Options) { o.Files = bucket }})
	officer := env.SignIn(model.RoleProgramOfficer)
	if r := upload(officer, "sheet.jpg", jpegWithGPS(t), url.Values{"kind": {"photo"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d", r.StatusCode)
	}
	id := env.Store.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM evidence_files")
	key := env.Store.MustString(ctx, "SELECT storage_key FROM evidence_files WHERE id = ?", id)
	for _, k := range []string{key, key + ".thumb"} {
		r, err := bucket.Open(ctx, k)
		if err != nil {
			t.Fatalf("%s not in the bucket: %v", k, err)
		}
		r.Close()
	}
	if storedFiles(t, env) != 0 {
		t.Error("a file went to the folder although a bucket is configured")
	}
	if r := officer.Get("/trainings/1/evidence/" + id); r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "image/jpeg" || len(r.Body) < 1000 {
		t.Fatalf("download = %d %s, %d bytes", r.StatusCode, r.Header.Get("Content-Type"), len(r.Body))
	}
	if r := officer.Post("/trainings/1/evidence/"+id+"/delete", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete = %d", r.StatusCode)
	}
	for _, k := range []string{key, key + ".thumb"} {
		if _, err := bucket.Open(ctx, k); !errors.Is(err, filestore.ErrNotFound) {
			t.Errorf("%s outlived its record: %v", k, err)
		}
	}
}

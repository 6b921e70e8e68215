// Package s3test starts an S3 protocol server inside a test's process, so
// that the bucket storage is tested against the protocol it speaks in
// production, without a network or a cloud account.
package s3test

import (
	"net/http/httptest"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// Start serves an empty bucket named "evidence" until the test ends and
// returns its URL, as TRAINDESK_FILES_URL would give it. The credentials
// the S3 client needs are set for the test's duration.
func Start(t testing.TB) string {
	t.Helper()
	mem := s3mem.New()
	srv := httptest.NewServer(gofakes3.New(mem).Server())
	t.Cleanup(srv.Close)
	if err := mem.CreateBucket("evidence"); err != nil {
		t.Fatal(err)
	}
	if tt, ok := t.(interface{ Setenv(k, v string) }); ok {
		tt.Setenv("AWS_ACCESS_KEY_ID", "test")
		tt.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	}
	return "s3://evidence?region=us-east-1&use_path_style=true&endpoint=" + srv.URL
}

package config

import (
	"strings"

	"github.com/traindesk/traindesk/internal/filestore"
)

// filesVars are the file storage's variables, listed with the others.
var filesVars = []Var{
	{"TRAINDESK_FILES_URL", "unset (files in the data folder's files/)", "keep evidence files in an S3-compatible bucket, shared by every instance: s3://BUCKET?region=REGION, with endpoint=https://HOST and use_path_style=true for MinIO, Ceph or Garage; credentials in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or the machine's role"},
}

func init() { Vars = append(Vars, filesVars...) }

// loadFiles reads where evidence files are kept; bad reports a problem.
func (c *Config) loadFiles(getenv func(string) string, bad func(name, format string, a ...any)) {
	v := strings.TrimSpace(getenv("TRAINDESK_FILES_URL"))
	if v == "" {
		return
	}
	if err := filestore.CheckURL(v); err != nil {
		bad("TRAINDESK_FILES_URL", "%v", err)
		return
	}
	c.FilesURL = v
}

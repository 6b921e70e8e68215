package filestore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"

	"gocloud.dev/blob"
	"gocloud.dev/blob/s3blob" // the one bucket driver: S3 and S3-compatible stores (MinIO, Ceph, Garage…)
	"gocloud.dev/gcerrors"
)

// Store is where files are kept: a Folder or a Bucket.
type Store interface {
	Put(ctx context.Context, key string, r io.Reader) error
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	Delete(ctx context.Context, key string) error
	Close() error
}

// Open returns the store a setting names: the bucket at filesURL (an
// s3:// URL, see CheckURL), or, when it is empty, the folder dir.
func Open(ctx context.Context, filesURL, dir string) (Store, error) {
	if filesURL == "" {
		return NewFolder(dir)
	}
	return OpenBucket(ctx, filesURL)
}

// CheckURL says what is wrong with a bucket URL, before anything starts.
// The URL is s3://BUCKET with the driver's settings as its query (region,
// endpoint, use_path_style, disable_https, prefix…); credentials come from
// the usual AWS variables or the machine's role, never from the URL.
func CheckURL(filesURL string) error {
	u, err := url.Parse(filesURL)
	if err != nil {
		return errors.New("not a URL")
	}
	if u.Scheme != s3blob.Scheme {
		return fmt.Errorf("want s3://bucket-name?region=…, got the scheme %q", u.Scheme)
	}
	if u.Host == "" {
		return errors.New("names no bucket: want s3://bucket-name?region=…")
	}
	if u.User != nil {
		return errors.New("holds credentials: give them in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead")
	}
	q := u.Query()
	for _, k := range []string{"use_path_style", "disable_https"} {
		if v := q.Get(k); v != "" {
			if _, err := strconv.ParseBool(v); err != nil {
				return fmt.Errorf("%s: want true or false, got %q", k, v)
			}
		}
	}
	if e := q.Get("endpoint"); e != "" {
		if p, err := url.Parse(e); err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
			return fmt.Errorf("endpoint: want an http(s) address, got %q", e)
		}
	}
	return nil
}

// Bucket keeps files in an object store, so that several instances of the
// application share them. Keys are the same as a Folder's.
type Bucket struct {
	b *blob.Bucket
}

// OpenBucket opens the bucket at filesURL (see CheckURL).
func OpenBucket(ctx context.Context, filesURL string) (*Bucket, error) {
	if err := CheckURL(filesURL); err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	b, err := blob.OpenBucket(ctx, filesURL)
	if err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	return &Bucket{b: b}, nil
}

func checkKey(key string) error {
	if !keyPattern.MatchString(key) {
		return fmt.Errorf("filestore: bad key %q", key)
	}
	return nil
}

// Put stores r's bytes under key. An object store shows a new object only
// once it is whole; a failed write is abandoned, never left half there.
func (b *Bucket) Put(ctx context.Context, key string, r io.Reader) error {
	if err := checkKey(key); err != nil {
		return err
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, err := b.b.NewWriter(wctx, key, &blob.WriterOptions{ContentType: "application/octet-stream"})
	if err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	if _, err := io.Copy(w, r); err != nil {
		cancel() // cancelling before Close abandons the upload
		_ = w.Close()
		return fmt.Errorf("filestore: write %s: %w", key, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("filestore: write %s: %w", key, err)
	}
	return nil
}

// Open returns the bytes stored under key; the caller closes them.
func (b *Bucket) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	r, err := b.b.NewReader(ctx, key, nil)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	return r, nil
}

// Delete removes key's bytes; a key that holds nothing is not an error, so
// that a deletion can be tried again.
func (b *Bucket) Delete(ctx context.Context, key string) error {
	if err := checkKey(key); err != nil {
		return err
	}
	if err := b.b.Delete(ctx, key); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return fmt.Errorf("filestore: %w", err)
	}
	return nil
}

// Close lets the bucket's connections go.
func (b *Bucket) Close() error { return b.b.Close() }

// Close does nothing: a folder holds nothing open.
func (f *Folder) Close() error { return nil }

package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// TestDoc_Attach: attached files are written as embedded files of the
// document, all of them, each with its bytes intact.
func TestDoc_Attach(t *testing.T) {
	d, err := New(Options{Title: "Letter"})
	if err != nil {
		t.Fatal(err)
	}
	d.Paragraph("A letter with two files.", 10)
	files := map[string][]byte{"a.xlsx": []byte("first file"), "b.txt": []byte("second file, longer")}
	d.Attach("a.xlsx", "The form", files["a.xlsx"])
	d.Attach("b.txt", "Notes", files["b.txt"])
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		t.Fatal(err)
	}
	doc := buf.Bytes()
	if !bytes.Contains(doc, []byte("/EmbeddedFiles")) {
		t.Fatal("no /EmbeddedFiles in the document's names")
	}
	// Each file is a compressed stream of the length its dictionary gives.
	streams := regexp.MustCompile(`/Type /EmbeddedFile /Length (\d+)[^\n]*\n\s*stream\r?\n`).FindAllSubmatchIndex(doc, -1)
	got := map[string]bool{}
	for _, m := range streams {
		n, err := strconv.Atoi(string(doc[m[2]:m[3]]))
		if err != nil || m[1]+n > len(doc) {
			t.Fatalf("stream length %q", doc[m[2]:m[3]])
		}
		r, err := zlib.NewReader(bytes.NewReader(doc[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		got[string(b)] = true
	}
	for name, want := range files {
		if !got[string(want)] {
			t.Errorf("%s is not embedded whole (found %d files)", name, len(streams))
		}
	}
	renderPNG(t, doc)
}

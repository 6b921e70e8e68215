package certificate

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/traindesk/traindesk/internal/model"
)

func TestNewCode(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		c, err := NewCode(nil)
		if err != nil {
			t.Fatal(err)
		}
		if n, ok := Normalize(c); !ok || n != c {
			t.Fatalf("%q does not read back as itself", c)
		}
		if seen[c] {
			t.Fatalf("%q drawn twice", c)
		}
		seen[c] = true
	}
	// Every byte value maps into the alphabet.
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	for i := 0; i < 256; i += CodeLen {
		c, err := NewCode(bytes.NewReader(append(all[i:], all...)))
		if err != nil || strings.ContainsAny(c, "ILOU") {
			t.Fatalf("%q, %v", c, err)
		}
	}
	if _, err := NewCode(iotest.ErrReader(errors.New("no entropy"))); err == nil {
		t.Fatal("a failing random source gives a code")
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"7KQ2MXA93B0F", "7KQ2MXA93B0F", true},
		{"7kq2-mxa9-3b0f", "7KQ2MXA93B0F", true},
		{" 7KQ2 MXA9 3BOF ", "7KQ2MXA93B0F", true}, // O read as zero
		{"7KQ2-MXA9-3BIL", "7KQ2MXA93B11", true},   // I and L read as one
		{"7KQ2MXA93B0", "", false},
		{"7KQ2MXA93B0FF", "", false},
		{"7KQ2MXA93B0U", "", false},
		{"7KQ2MXA93B0É", "", false},
		{"<script>", "", false},
		{"", "", false},
	}
	for _, c := range cases {
		got, ok := Normalize(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Normalize(%q) = %q, %v", c.in, got, ok)
		}
	}
	if g := model.GroupCode("7KQ2MXA93B0F"); g != "7KQ2-MXA9-3B0F" {
		t.Errorf("GroupCode = %q", g)
	}
	if n, ok := Normalize(model.GroupCode("7KQ2MXA93B0F")); !ok || n != "7KQ2MXA93B0F" {
		t.Errorf("a grouped code does not read back: %q", n)
	}
}

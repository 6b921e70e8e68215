package nomination

import "io"

// maxFields bounds the fields of one CSV record, empty ones included.
// Spreadsheets pad short rows with empty cells up to the widest row, so
// empty fields beyond maxColumns are tolerated, but only so far: a line of
// separators is as costly to hold as a line of values.
const maxFields = 5 * maxColumns

// States of columnCap's scan of a field, following encoding/csv with
// LazyQuotes: a field is quoted only when its first byte is a quote.
const (
	fieldStart = iota // at the first byte of a field
	unquoted          // in a field that did not start with a quote
	quoted            // inside a quoted field
	quoteSeen         // just after a quote inside a quoted field
	quoteCR           // after a quote and a carriage return: a line end, or content
)

// columnCap stands between the text and encoding/csv and counts each
// record's fields as the bytes go by, with the quoting rules of the
// reader. A record with content past column maxColumns, or more than
// maxFields fields at all, stops the reading there with
// import.too_many_columns: encoding/csv gathers a whole record before it
// returns any of it, so the cap must act before the reader sees the rest
// of the line. A line of a million columns then costs no more memory than
// one of two hundred.
type columnCap struct {
	r     io.Reader
	sep   byte // ',', ';' or '\t'
	state int
	field int // the current field of the record, from 1
	err   error
}

// newColumnCap caps the records read from r, whose separator is sep.
func newColumnCap(r io.Reader, sep rune) *columnCap {
	return &columnCap{r: r, sep: byte(sep), field: 1}
}

// Read passes on the bytes of r up to the first one that breaks the cap,
// then returns the refusal.
func (c *columnCap) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if !c.step(b) {
			c.err = fail(keyTooManyColumns, maxColumns)
			return i, c.err
		}
	}
	return n, err
}

// step takes one byte and reports whether the record is still within the
// cap. The separators are ASCII, so bytes of multi-byte UTF-8 characters
// never look like one.
func (c *columnCap) step(b byte) bool {
	if c.state == quoteCR {
		if b == '\n' { // the quote ended the record's last field
			c.field, c.state = 1, fieldStart
			return true
		}
		c.state = quoted // the quote was stray and the CR content
	}
	switch {
	case c.state == quoted:
		if b == '"' {
			c.state = quoteSeen
			return true
		}
		return c.content(b)
	case c.state == quoteSeen && b == '"': // an escaped quote
		c.state = quoted
		return c.content(b)
	case c.state == quoteSeen && b == '\r':
		c.state = quoteCR
		return true
	case c.state == quoteSeen && b != c.sep && b != '\n': // a stray quote
		c.state = quoted
		return c.content(b)
	case b == c.sep:
		c.field++
		c.state = fieldStart
		return c.field <= maxFields
	case b == '\n':
		c.field, c.state = 1, fieldStart
		return true
	case c.state == fieldStart && b == '"':
		c.state = quoted
		return true
	}
	c.state = unquoted
	return c.content(b)
}

// content notes byte b of the current field: only content past column
// maxColumns breaks the cap, not blank padding.
func (c *columnCap) content(b byte) bool {
	blank := b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '"'
	return blank || c.field <= maxColumns
}

package nomination

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// readCSV reads a delimited text file: Excel's "CSV UTF-8", plain "CSV"
// (Windows-1256 on Arabic Windows), "Unicode Text" (UTF-16, tab-separated),
// and the semicolon-separated files that Excel writes where the comma is the
// decimal mark. opt may impose the encoding and the separator instead of
// the guesses.
func readCSV(data []byte, opt Options) (*Table, error) {
	text, enc, err := decodeText(data, opt.Encoding)
	if err != nil {
		return nil, err
	}
	text = strings.TrimRight(text, "\x1A") // the DOS end-of-file mark
	if err := checkControls(text); err != nil {
		return nil, err
	}
	if strings.TrimFunc(text, isBlank) == "" {
		return nil, fail(keyEmpty)
	}
	if !strings.Contains(text, "\n") {
		text = strings.ReplaceAll(text, "\r", "\n") // old Mac line ends
	}
	sep, skip, text := separator(text)
	if opt.Separator != 0 {
		sep = opt.Separator
	}
	b := &builder{countCells: true}
	if err := parseCSV(b, text, sep, skip); err != nil {
		return nil, err
	}
	t, err := b.table("csv")
	if err != nil {
		return nil, err
	}
	t.Encoding, t.Separator = enc, sep
	return t, nil
}

// parseCSV feeds the records to b; skip is the number of lines already
// removed from the top, so that line numbers stay those of the file. The
// column cap acts while each record is read (see columnCap).
func parseCSV(b *builder, text string, sep rune, skip int) error {
	r := csv.NewReader(newColumnCap(strings.NewReader(text), sep))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var refused *Error
		if errors.As(err, &refused) {
			return err
		} else if err != nil {
			return fail(keyCorrupt)
		}
		line, _ := r.FieldPos(0)
		if err := b.add(line+skip, rec); err != nil {
			return err
		}
	}
}

// decodeText returns the file as UTF-8 and names the encoding it was in.
// Text that is not valid UTF-8 is taken for Windows-1256, the encoding of
// Excel's plain "CSV" on Arabic Windows, if the result reads like text.
// A named encoding (one of Encodings) is used instead of the guess.
func decodeText(data []byte, named string) (string, string, error) {
	if named != "" {
		return decodeAs(data, named)
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		if !utf8.Valid(data[3:]) {
			return "", "", fail(keyBadEncoding)
		}
		return string(data[3:]), "utf-8-bom", nil
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return decodeUTF16(data, xunicode.LittleEndian, "utf-16le")
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return decodeUTF16(data, xunicode.BigEndian, "utf-16be")
	case bytes.IndexByte(data, 0) >= 0:
		return "", "", fail(keyWrongType)
	case utf8.Valid(data):
		return string(data), "utf-8", nil
	}
	out, err := charmap.Windows1256.NewDecoder().Bytes(data)
	if err != nil || !plausible(string(out)) {
		return "", "", fail(keyBadEncoding)
	}
	return string(out), "windows-1256", nil
}

// Encodings are the encodings an officer may impose on a CSV file, when
// the guess is wrong.
var Encodings = []string{"utf-8", "windows-1256", "utf-16le", "utf-16be"}

// decodeAs decodes the file in the encoding named, dropping its byte-order
// mark if it has one; text that is not in that encoding fails.
func decodeAs(data []byte, named string) (string, string, error) {
	switch named {
	case "utf-8":
		text := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
		if !utf8.Valid(text) {
			return "", "", fail(keyBadEncoding)
		}
		return string(text), named, nil
	case "windows-1256":
		out, err := charmap.Windows1256.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fail(keyBadEncoding)
		}
		return string(out), named, nil
	case "utf-16le", "utf-16be":
		order, bom := xunicode.LittleEndian, []byte("\xFF\xFE")
		if named == "utf-16be" {
			order, bom = xunicode.BigEndian, []byte("\xFE\xFF")
		}
		out, err := xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder().Bytes(bytes.TrimPrefix(data, bom))
		if err != nil || len(data)%2 != 0 {
			return "", "", fail(keyBadEncoding)
		}
		return string(out), named, nil
	}
	return "", "", fail(keyBadEncoding)
}

// decodeUTF16 decodes text that starts with a UTF-16 byte-order mark.
func decodeUTF16(data []byte, order xunicode.Endianness, name string) (string, string, error) {
	out, err := xunicode.UTF16(order, xunicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fail(keyBadEncoding)
	}
	return string(out), name, nil
}

// plausible reports whether text decoded from a legacy code page reads like
// words. UTF-8 Arabic misread as Windows-1256, for one, comes out as
// letters mixed with symbols such as "§", "„" or "‰", which names and
// agencies never contain.
func plausible(text string) bool {
	var foreign, odd int
	for _, r := range text {
		if r < utf8.RuneSelf {
			continue
		}
		foreign++
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsSpace(r) && !unicode.IsDigit(r) &&
			!strings.ContainsRune("،؛؟«»–—…‘’“”\u200C\u200D\u200E\u200F", r) {
			odd++
		}
	}
	return odd*10 <= foreign
}

// checkControls refuses text with control characters other than tab, line
// feed, carriage return and form feed: such a file is binary, not a list.
func checkControls(text string) error {
	for _, r := range text {
		if r < ' ' && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7F {
			return fail(keyWrongType)
		}
	}
	return nil
}

// Separators are the field separators a CSV file may use.
var Separators = []rune{',', ';', '\t'}

// separator finds the field separator from the first lines together (see
// chooseSeparator). Excel's "sep=;" first line, when present, decides
// instead and is removed; skip counts it.
func separator(text string) (sep rune, skip int, rest string) {
	first, after, _ := strings.Cut(text, "\n")
	first = strings.TrimRight(first, "\r")
	if strings.HasPrefix(strings.ToLower(first), "sep=") && utf8.RuneCountInString(first) == 5 {
		if r, _ := utf8.DecodeLastRuneInString(first); strings.ContainsRune(",;\t", r) {
			return r, 1, after
		}
	}
	return chooseSeparator(text), 0, text
}

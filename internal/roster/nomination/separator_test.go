package nomination

import (
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// TestRead_SeparatorFromLines checks that the separator is chosen from the
// first lines together: where the header alone splits as well at another
// character, the lines below and the look of the columns decide.
func TestRead_SeparatorFromLines(t *testing.T) {
	cases := []struct {
		name string
		data string
		sep  rune
		rows [][]string
	}{
		{"a tab with a comma in a title", "Name\tTitle, rank\nAhmed Hassan\tCaptain, Navy\nMona Ali\tMajor, Police\n", '\t',
			[][]string{{"Ahmed Hassan", "Captain, Navy"}, {"Mona Ali", "Major, Police"}}},
		{"semicolons with commas in the titles", "Name, English;Name, Arabic;Agency\nAhmed Hassan;أحمد حسن;Customs\nMona Ali;منى علي;Police\n", ';',
			[][]string{{"Ahmed Hassan", "أحمد حسن", "Customs"}, {"Mona Ali", "منى علي", "Police"}}},
		{"commas with a semicolon in the header", "Name;alias,Sex,Agency\nAhmed,M,Customs\nMona,F,Police\n", ',',
			[][]string{{"Ahmed", "M", "Customs"}, {"Mona", "F", "Police"}}},
		{"commas followed by spaces, nothing else", "Name, Sex, Agency\nAhmed, M, Customs\n", ',',
			[][]string{{"Ahmed", "M", "Customs"}}},
		{"a title line above", "Nominations; January\nName\tSex\nAhmed\tM\nMona\tF\n", '\t',
			[][]string{{"Ahmed", "M"}, {"Mona", "F"}}},
	}
	for _, c := range cases {
		tab := mustRead(t, "list.csv", []byte(c.data))
		if tab.Separator != c.sep {
			t.Errorf("%s: separator %q, want %q", c.name, tab.Separator, c.sep)
			continue
		}
		equalRows(t, tab.Rows, c.rows)
	}
}

// TestReadWith_ImposedSeparatorAndEncoding reads a file the way the
// officer says when the guess is wrong.
func TestReadWith_ImposedSeparatorAndEncoding(t *testing.T) {
	data := []byte("Name,Sex;Agency\nAhmed,M;Customs\n")
	if tab := mustRead(t, "list.csv", data); tab.Separator != ',' {
		t.Fatalf("guessed %q", tab.Separator)
	}
	tab, err := ReadWith("list.csv", data, Options{Separator: ';'})
	if err != nil || tab.Separator != ';' || !slices.Equal(tab.Headers, []string{"Name,Sex", "Agency"}) {
		t.Fatalf("imposed semicolon: %+v, %v", tab, err)
	}
	// Windows-1256 Arabic that happens to be valid UTF-8 bytes is rare;
	// imposing the encoding reads it whatever the guess.
	arabic, err := charmap.Windows1256.NewEncoder().Bytes([]byte("الاسم,النوع\nمنى,أنثى\n"))
	if err != nil {
		t.Fatal(err)
	}
	tab, err = ReadWith("list.csv", arabic, Options{Encoding: "windows-1256"})
	if err != nil || tab.Encoding != "windows-1256" || tab.Headers[0] != "الاسم" {
		t.Fatalf("imposed windows-1256: %+v, %v", tab, err)
	}
	_, err = ReadWith("list.csv", arabic, Options{Encoding: "utf-8"})
	wantError(t, err, keyBadEncoding)
	_, err = ReadWith("list.csv", arabic, Options{Encoding: "latin-9"})
	wantError(t, err, keyBadEncoding)
}

// TestRows_RaggedRowsFlagged warns, row by row, about rows split into
// another number of cells than the header.
func TestRows_RaggedRowsFlagged(t *testing.T) {
	tab := mustRead(t, "list.csv", []byte("Name,Sex,Phone\nAhmed,M,01012345678\nMona,F\nKarim,M,01112345678,extra\nNour,F,01212345678\n"))
	if tab.HeaderCells != 3 || !slices.Equal(tab.Cells, []int{3, 2, 4, 3}) || tab.Ragged() != 2 {
		t.Fatalf("cells %v of %d, ragged %d", tab.Cells, tab.HeaderCells, tab.Ragged())
	}
	rows := Rows(tab, GuessMappingWithData(tab))
	var flagged []int
	for _, r := range rows {
		for _, w := range r.Warnings {
			if w.Key == keyRowRagged {
				flagged = append(flagged, r.Line)
			}
		}
		if !r.OK() {
			t.Errorf("line %d blocked: %+v", r.Line, r.Problems)
		}
	}
	if !slices.Equal(flagged, []int{3, 4}) {
		t.Errorf("flagged lines %v, want 3 and 4", flagged)
	}
	if tab := mustRead(t, "list.xlsx", xlsxOf(t, func(f *excelize.File, s string) {
		setRows(t, f, s, []string{"Name", "Sex"}, [][]string{{"Ahmed"}, {"Mona", "F"}})
	})); tab.Ragged() != 0 || tab.Cells != nil {
		t.Errorf("a workbook's rows are flagged: %v", tab.Cells)
	}
}

package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

var arabicDigits = [10]rune{'٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'}

// Digits writes the ASCII digits of s in the language's digits: Arabic-Indic
// for Arabic, as Egyptian documents use them.
func (l *Localizer) Digits(s string) string {
	if l.Lang != AR {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(arabicDigits[r-'0'])
		case r == '.':
			b.WriteRune('٫')
		case r == ',':
			b.WriteRune('٬')
		case r == '%':
			b.WriteRune('٪')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Int formats n with thousands separators.
func (l *Localizer) Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if neg {
		out = "-" + out
	}
	return l.Digits(out)
}

// Num formats an int.
func (l *Localizer) Num(n int) string { return l.Int(int64(n)) }

// Decimal formats f with prec decimals, rounded half away from zero.
func (l *Localizer) Decimal(f float64, prec int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	return l.group(strconv.FormatFloat(model.RoundTo(f, prec), 'f', max(prec, 0), 64))
}

// Percent formats a whole share from 0 to 100 (a rule's 80%, a match
// score); the report's figures use Figure, with one decimal.
func (l *Localizer) Percent(p float64) string {
	return l.Decimal(p, 0) + l.Digits("%")
}

var monthsAR = [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
var weekdaysAR = [7]string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}

// Month names a month.
func (l *Localizer) Month(m time.Month) string {
	if l.Lang == AR {
		return monthsAR[m-1]
	}
	return m.String()
}

// Weekday names a day of the week.
func (l *Localizer) Weekday(d time.Weekday) string {
	if l.Lang == AR {
		return weekdaysAR[d]
	}
	return d.String()
}

// Date formats a day as "16 January 2023" or "١٦ يناير ٢٠٢٣".
func (l *Localizer) Date(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return l.Digits(strconv.Itoa(d.Day)) + " " + l.Month(d.Month) + " " + l.Digits(strconv.Itoa(d.Year))
}

// ShortDate formats a day as "16 Jan" style without the year.
func (l *Localizer) ShortDate(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	m := l.Month(d.Month)
	if l.Lang != AR {
		m = m[:3]
	}
	return l.Digits(strconv.Itoa(d.Day)) + " " + m
}

// DateRange formats two days compactly: "16–19 January 2023".
func (l *Localizer) DateRange(a, b model.Date) string {
	switch {
	case a.IsZero():
		return ""
	case b.IsZero() || a == b:
		return l.Date(a)
	case a.Year == b.Year && a.Month == b.Month:
		return l.Digits(strconv.Itoa(a.Day)) + "–" + l.Date(b)
	case a.Year == b.Year:
		return l.ShortDateFull(a) + " – " + l.Date(b)
	}
	return l.Date(a) + " – " + l.Date(b)
}

// ShortDateFull is a day and full month name without the year.
func (l *Localizer) ShortDateFull(d model.Date) string {
	return l.Digits(strconv.Itoa(d.Day)) + " " + l.Month(d.Month)
}

// DateTime formats a moment in loc as "16 January 2023, 09:30".
func (l *Localizer) DateTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	sep := ", "
	if l.Lang == AR {
		sep = "، "
	}
	return l.Date(model.DateOf(t)) + sep + l.Digits(t.Format("15:04"))
}

// Clock formats an "HH:MM" time of day.
func (l *Localizer) Clock(hhmm string) string { return l.Digits(hhmm) }

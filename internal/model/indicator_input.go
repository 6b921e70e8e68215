package model

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Units an indicator is counted in.
const (
	UnitCount   = "count"
	UnitPercent = "percent"
)

// Units lists the units in the order forms show them.
var Units = []string{UnitCount, UnitPercent}

// Unit is the unit a computed metric produces, or "" for MetricManual,
// which may be either. A form that pairs a percentage metric with a count
// would make the donor report wrong, so Validate refuses it.
func (m Metric) Unit() string {
	switch m {
	case MetricWomenShare, MetricKnowledgeGain, MetricCompletionRate, MetricSkillsUse:
		return UnitPercent
	case MetricManual:
		return ""
	}
	return UnitCount
}

// IndicatorInput is the form for one of a project's indicators. The numbers
// are text as typed; an empty baseline or position means 0.
type IndicatorInput struct {
	Code, NameEn, NameAr, Unit, Metric string
	Baseline, Target, Actual, Position string
}

// IndicatorInputOf fills the form from a saved indicator.
func IndicatorInputOf(i Indicator) IndicatorInput {
	in := IndicatorInput{Code: i.Code, NameEn: i.NameEn, NameAr: i.NameAr, Unit: i.Unit, Metric: string(i.Metric),
		Baseline: numText(i.Baseline), Target: numText(i.Target), Position: strconv.Itoa(i.Position)}
	if i.Actual != nil {
		in.Actual = numText(*i.Actual)
	}
	return in
}

// Validate checks the indicator form.
func (in *IndicatorInput) Validate() error {
	trim(&in.Code, &in.NameEn, &in.NameAr, &in.Unit, &in.Metric)
	ascii(&in.Baseline, &in.Target, &in.Actual, &in.Position)
	errs := Errors{}
	text(errs, "code", in.Code, 20, false)
	text(errs, "name_en", in.NameEn, 300, true)
	text(errs, "name_ar", in.NameAr, 300, false)
	metric := Metric(in.Metric)
	if !slices.Contains(Metrics, metric) {
		errs.Add("metric", "error.choose")
	}
	if !slices.Contains(Units, in.Unit) {
		errs.Add("unit", "error.choose")
	} else if u := metric.Unit(); u != "" && slices.Contains(Metrics, metric) && u != in.Unit {
		if u == UnitPercent {
			errs.Add("unit", "ref.error.unit_percent")
		} else {
			errs.Add("unit", "ref.error.unit_count")
		}
	}
	amount(errs, "baseline", in.Baseline, in.Unit, false)
	amount(errs, "target", in.Target, in.Unit, true)
	if in.Actual != "" && metric != MetricManual {
		errs.Add("actual", "ref.error.actual_manual")
	} else {
		amount(errs, "actual", in.Actual, in.Unit, false)
	}
	if in.Position != "" {
		if n, err := strconv.Atoi(in.Position); err != nil || n < 0 || n > 999 {
			errs.Add("position", "ref.error.position")
		}
	}
	return errs.Err()
}

// Apply copies a valid form into i (not its project).
func (in IndicatorInput) Apply(i *Indicator) {
	i.Code, i.NameEn, i.NameAr = in.Code, in.NameEn, in.NameAr
	i.Unit, i.Metric = in.Unit, Metric(in.Metric)
	i.Baseline, _ = number(in.Baseline)
	i.Target, _ = number(in.Target)
	i.Actual = nil
	if in.Actual != "" {
		v, _ := number(in.Actual)
		i.Actual = &v
	}
	i.Position, _ = strconv.Atoi(in.Position)
}

// ASCIIDigits turns Arabic-Indic digits (and the Arabic decimal separator) into
// ASCII, so that numbers typed on an Arabic keyboard are understood.
func ASCIIDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		case r == '٫':
			return '.'
		}
		return r
	}, s)
}

// ValidPhone reports whether s is a phone number: 7 to 15 digits, grouped
// by spaces, dots, hyphens or brackets, with an optional leading +.
func ValidPhone(s string) bool {
	if len(s) > 40 {
		return false
	}
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case strings.ContainsRune(" .-()", r):
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15
}

func trim(ps ...*string) {
	for _, p := range ps {
		*p = strings.TrimSpace(*p)
	}
}

// ascii trims number and date fields and writes their digits in ASCII, so
// that Apply reads what Validate checked.
func ascii(ps ...*string) {
	for _, p := range ps {
		*p = ASCIIDigits(strings.TrimSpace(*p))
	}
}

// text checks a trimmed text field's presence and length in characters.
func text(errs Errors, field, v string, max int, required bool) {
	switch {
	case v == "" && required:
		errs.Add(field, "error.required")
	case utf8.RuneCountInString(v) > max:
		errs.Add(field, "error.too_long")
	}
}

// choice checks that v is one of the ids a select offered.
func choice(errs Errors, field, v string, ids []int64, required bool) {
	if v == "" {
		if required {
			errs.Add(field, "error.choose")
		}
		return
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || !slices.Contains(ids, id) {
		errs.Add(field, "error.choose")
	}
}

func date(errs Errors, field, v string) (Date, bool) {
	if v == "" {
		errs.Add(field, "error.required")
		return Date{}, false
	}
	d, err := ParseDate(v)
	if err != nil {
		errs.Add(field, "ref.error.date")
		return Date{}, false
	}
	return d, true
}

// amount checks a baseline, target or actual value: a number, not
// negative, and at most 100 when it is a percentage.
func amount(errs Errors, field, v, unit string, required bool) {
	if v == "" {
		if required {
			errs.Add(field, "error.required")
		}
		return
	}
	n, err := number(v)
	switch {
	case err != nil:
		errs.Add(field, "ref.error.number")
	case n < 0:
		errs.Add(field, "ref.error.not_negative")
	case unit == UnitPercent && n > 100:
		errs.Add(field, "ref.error.percent_max")
	}
}

// number parses a finite decimal number; "" is 0.
func number(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
		err = strconv.ErrSyntax
	}
	return f, err
}

func numText(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func idText(id int64) string { return strconv.FormatInt(id, 10) }

func optionalID(s string) *int64 {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil
	}
	return &id
}

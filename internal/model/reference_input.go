package model

import (
	"slices"
	"strconv"
)

// Reference forms. Each input keeps the text as typed, so that a form with
// mistakes comes back unchanged; Validate trims it, checks it and reports
// one catalogue key per field; Apply copies a valid input into its row.
//
// English names are required and Arabic names optional everywhere: Arabic
// pages fall back to the English name, and an office often has to add a
// partner before it knows the official Arabic name. The forms recommend the
// Arabic name in a hint instead of refusing to save without it.

// DonorInput is the donor form.
type DonorInput struct {
	NameEn, NameAr, ShortName string
}

// DonorInputOf fills the form from a saved donor.
func DonorInputOf(d Donor) DonorInput {
	return DonorInput{NameEn: d.NameEn, NameAr: d.NameAr, ShortName: d.ShortName}
}

// Validate checks the donor form.
func (in *DonorInput) Validate() error {
	trim(&in.NameEn, &in.NameAr, &in.ShortName)
	errs := Errors{}
	pair(errs, "name_en", in.NameEn, "name_ar", in.NameAr, 200)
	text(errs, "short_name", in.ShortName, 60, false)
	return errs.Err()
}

// Apply copies a valid form into d.
func (in DonorInput) Apply(d *Donor) {
	d.NameEn, d.NameAr, d.ShortName = in.NameEn, in.NameAr, in.ShortName
}

// ProjectInput is the project form. DonorID, the dates and the threshold
// are text as typed.
type ProjectInput struct {
	Code, TitleEn, TitleAr, DonorID, StartsOn, EndsOn, MasteryThreshold string
}

// ProjectInputOf fills the form from a saved project.
func ProjectInputOf(p Project) ProjectInput {
	return ProjectInput{Code: p.Code, TitleEn: p.TitleEn, TitleAr: p.TitleAr,
		DonorID: idText(p.DonorID), StartsOn: p.StartsOn.String(), EndsOn: p.EndsOn.String(),
		MasteryThreshold: strconv.Itoa(p.MasteryThreshold)}
}

// Validate checks the project form; donors are the ids the form offered.
// Whether the code is taken is the reference service's to say.
func (in *ProjectInput) Validate(donors []int64) error {
	trim(&in.Code, &in.TitleEn, &in.TitleAr, &in.DonorID)
	ascii(&in.StartsOn, &in.EndsOn, &in.MasteryThreshold)
	errs := Errors{}
	text(errs, "code", in.Code, 40, true)
	pair(errs, "title_en", in.TitleEn, "title_ar", in.TitleAr, 400)
	choice(errs, "donor_id", in.DonorID, donors, true)
	start, okStart := date(errs, "starts_on", in.StartsOn)
	end, okEnd := date(errs, "ends_on", in.EndsOn)
	if okStart && okEnd && end.Before(start) {
		errs.Add("ends_on", "ref.error.end_before_start")
	}
	if in.MasteryThreshold == "" {
		errs.Add("mastery_threshold", "error.required")
	} else if n, err := strconv.Atoi(in.MasteryThreshold); err != nil || n < 0 || n > 100 {
		errs.Add("mastery_threshold", "ref.error.whole_0_100")
	}
	return errs.Err()
}

// Apply copies a valid form into p.
func (in ProjectInput) Apply(p *Project) {
	p.Code, p.TitleEn, p.TitleAr = in.Code, in.TitleEn, in.TitleAr
	p.DonorID, _ = strconv.ParseInt(in.DonorID, 10, 64)
	p.StartsOn, _ = ParseDate(in.StartsOn)
	p.EndsOn, _ = ParseDate(in.EndsOn)
	p.MasteryThreshold, _ = strconv.Atoi(in.MasteryThreshold)
}

// AgencyInput is the partner agency form. The focal point is the person who
// sends nominations, so an address or a phone number that cannot be used
// is refused.
type AgencyInput struct {
	NameEn, NameAr, ShortName, ParentMinistryEn, ParentMinistryAr string
	Kind                                                          string
	FocalName, FocalPhone, FocalEmail                             string
}

// AgencyInputOf fills the form from a saved agency.
func AgencyInputOf(a Agency) AgencyInput {
	return AgencyInput{NameEn: a.NameEn, NameAr: a.NameAr, ShortName: a.ShortName,
		ParentMinistryEn: a.ParentMinistryEn, ParentMinistryAr: a.ParentMinistryAr, Kind: string(a.Kind),
		FocalName: a.FocalName, FocalPhone: a.FocalPhone, FocalEmail: a.FocalEmail}
}

// Validate checks the agency form.
func (in *AgencyInput) Validate() error {
	trim(&in.NameEn, &in.NameAr, &in.ShortName, &in.ParentMinistryEn, &in.ParentMinistryAr,
		&in.Kind, &in.FocalName, &in.FocalPhone)
	in.FocalEmail = NormalizeEmail(in.FocalEmail)
	in.FocalPhone = ASCIIDigits(in.FocalPhone)
	errs := Errors{}
	pair(errs, "name_en", in.NameEn, "name_ar", in.NameAr, 200)
	text(errs, "short_name", in.ShortName, 40, false)
	text(errs, "parent_ministry_en", in.ParentMinistryEn, 200, false)
	text(errs, "parent_ministry_ar", in.ParentMinistryAr, 200, false)
	if !slices.Contains(AgencyKinds, AgencyKind(in.Kind)) {
		errs.Add("kind", "error.choose")
	}
	text(errs, "focal_name", in.FocalName, 120, false)
	if in.FocalPhone != "" && !ValidPhone(in.FocalPhone) {
		errs.Add("focal_phone", "ref.error.phone")
	}
	if in.FocalEmail != "" && (!ValidEmail(in.FocalEmail) || len(in.FocalEmail) > 254) {
		errs.Add("focal_email", "error.email")
	}
	return errs.Err()
}

// Apply copies a valid form into a.
func (in AgencyInput) Apply(a *Agency) {
	a.NameEn, a.NameAr, a.ShortName = in.NameEn, in.NameAr, in.ShortName
	a.ParentMinistryEn, a.ParentMinistryAr, a.Kind = in.ParentMinistryEn, in.ParentMinistryAr, AgencyKind(in.Kind)
	a.FocalName, a.FocalPhone, a.FocalEmail = in.FocalName, in.FocalPhone, in.FocalEmail
}

// StationInput is the duty station form. Every station lies in a
// governorate, which reports group by; the agency is optional.
type StationInput struct {
	NameEn, NameAr, Kind, GovernorateID, AgencyID string
}

// StationInputOf fills the form from a saved station.
func StationInputOf(d DutyStation) StationInput {
	in := StationInput{NameEn: d.NameEn, NameAr: d.NameAr, Kind: string(d.Kind)}
	if d.GovernorateID != nil {
		in.GovernorateID = idText(*d.GovernorateID)
	}
	if d.AgencyID != nil {
		in.AgencyID = idText(*d.AgencyID)
	}
	return in
}

// Validate checks the station form; governorates and agencies are the ids
// the form offered.
func (in *StationInput) Validate(governorates, agencies []int64) error {
	trim(&in.NameEn, &in.NameAr, &in.Kind, &in.GovernorateID, &in.AgencyID)
	errs := Errors{}
	pair(errs, "name_en", in.NameEn, "name_ar", in.NameAr, 200)
	if !slices.Contains(StationKinds, StationKind(in.Kind)) {
		errs.Add("kind", "error.choose")
	}
	choice(errs, "governorate_id", in.GovernorateID, governorates, true)
	choice(errs, "agency_id", in.AgencyID, agencies, false)
	return errs.Err()
}

// Apply copies a valid form into d.
func (in StationInput) Apply(d *DutyStation) {
	d.NameEn, d.NameAr, d.Kind = in.NameEn, in.NameAr, StationKind(in.Kind)
	d.GovernorateID, d.AgencyID = optionalID(in.GovernorateID), optionalID(in.AgencyID)
}

// ThematicInput is the thematic area form.
type ThematicInput struct {
	NameEn, NameAr string
}

// ThematicInputOf fills the form from a saved thematic area.
func ThematicInputOf(t ThematicArea) ThematicInput {
	return ThematicInput{NameEn: t.NameEn, NameAr: t.NameAr}
}

// Validate checks the thematic area form.
func (in *ThematicInput) Validate() error {
	trim(&in.NameEn, &in.NameAr)
	errs := Errors{}
	pair(errs, "name_en", in.NameEn, "name_ar", in.NameAr, 120)
	return errs.Err()
}

// Apply copies a valid form into t.
func (in ThematicInput) Apply(t *ThematicArea) { t.NameEn, t.NameAr = in.NameEn, in.NameAr }

// pair checks a name kept in English and Arabic: at least one of the two
// is required (the pages show the other where one is missing), each no
// longer than max. The message stands beside the English field.
func pair(errs Errors, fieldEn, en, fieldAr, ar string, max int) {
	if en == "" && ar == "" {
		errs.Add(fieldEn, "error.required_one_language")
		return
	}
	text(errs, fieldEn, en, max, false)
	text(errs, fieldAr, ar, max, false)
}

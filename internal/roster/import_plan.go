package roster

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster/nomination"
)

// ImportPreview is the check step of list uploadID: each row read through
// the saved mapping, matched against the registry (through the same index
// as the person form's duplicate check) and against the training's roster,
// with the action suggested. It saves nothing. A list whose mapping has
// problems is refused with ErrMappingIncomplete.
func (s *Service) ImportPreview(ctx context.Context, actor model.Actor, trainingID, uploadID int64) (model.ImportPreview, error) {
	k, err := s.kept(ctx, actor, trainingID, uploadID)
	if err != nil {
		return model.ImportPreview{}, err
	}
	if problems := k.mapping.Validate(); len(problems) > 0 {
		return model.ImportPreview{}, ErrMappingIncomplete
	}
	v, _, err := s.plan(ctx, k)
	return v, err
}

// plan reads the rows of a kept list through its mapping and matches them
// against the registry and the training's roster. It returns the preview
// and the planned rows (which hold what creating a person needs).
func (s *Service) plan(ctx context.Context, k kept) (model.ImportPreview, []PlanRow, error) {
	v := model.ImportPreview{Training: k.training.Training, UploadID: k.upload.ID, FileName: k.upload.FileName,
		Reading: k.reading()}
	var err error
	if v.Refs, err = s.store.AllRefs(ctx); err != nil {
		return v, nil, err
	}
	x, err := s.registryIndex(ctx)
	if err != nil {
		return v, nil, err
	}
	current, err := s.store.Roster(ctx, k.training.ID)
	if err != nil {
		return v, nil, err
	}
	registered, live := map[int64]bool{}, 0
	for _, r := range current {
		registered[r.PersonID] = true
		if r.Status != model.RegWithdrawn {
			live++
		}
	}
	rows := Plan(PlanInput{Rows: nomination.Rows(k.table, k.mapping), Index: x, Agencies: agencyNames(v.Refs),
		Stations: stationNames(v.Refs), DefaultAgency: k.training.AgencyID, Registered: registered})
	v.Free = max(k.training.Capacity-live, 0)
	v.Rows = importRows(rows)
	return v, rows, nil
}

// agencyNames lists every name a list may use for each agency.
func agencyNames(refs model.Refs) []RefName {
	var out []RefName
	for _, a := range refs.Agencies {
		out = append(out, RefName{ID: a.ID, Names: []string{a.NameEn, a.NameAr, a.ShortName}})
	}
	return out
}

// stationNames lists every name a list may use for each duty station.
func stationNames(refs model.Refs) []RefName {
	var out []RefName
	for _, st := range refs.Stations {
		out = append(out, RefName{ID: st.ID, Names: []string{st.NameEn, st.NameAr}})
	}
	return out
}

// importRows turns planned rows into the rows the preview shows.
func importRows(rows []PlanRow) []model.ImportRow {
	out := make([]model.ImportRow, len(rows))
	for i, p := range rows {
		r := model.ImportRow{Line: p.Line, NameLatin: p.NameLatin, NameArabic: p.NameArabic, Sex: p.Sex,
			Position: p.Position, Agency: p.Agency, DutyStation: p.DutyStation, AgencyID: p.AgencyID,
			StationID: p.StationID, AgencyUnknown: p.AgencyUnknown, StationUnknown: p.StationUnknown,
			Problems: messages(p.Problems), Warnings: messages(p.Warnings), SameAsLine: p.SameAsLine,
			Registered: p.Registered, Action: p.Action}
		for _, m := range p.Matches {
			r.Matches = append(r.Matches, model.ImportMatch{PersonID: m.Candidate.ID, NameLatin: m.Candidate.NameLatin,
				NameArabic: m.Candidate.NameArabic, Score: m.Score, Reasons: m.Reasons})
		}
		out[i] = r
	}
	return out
}

func messages(ps []nomination.Problem) []model.ImportMessage {
	var out []model.ImportMessage
	for _, p := range ps {
		out = append(out, model.ImportMessage{Key: p.Key, Args: p.Args})
	}
	return out
}

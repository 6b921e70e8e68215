package model

import "testing"

func TestBuildEvidenceChecklist(t *testing.T) {
	s1, s2 := int64(10), int64(11)
	sits := []Sitting{{ID: s1, Date: MustDate("2023-01-16")}, {ID: s2, Date: MustDate("2023-01-17")}}
	files := []EvidenceFile{{Kind: EvidenceSignedSheet, SittingID: &s1}, {Kind: EvidenceAgenda}, {Kind: EvidenceSignedSheet}}
	c := BuildEvidenceChecklist(sits, files)
	if len(c.Lines) != 4 || !c.Lines[0].Done || c.Lines[1].Done || !c.Lines[2].Done || c.Lines[3].Done {
		t.Fatalf("lines %+v", c.Lines)
	}
	// A sheet for the whole training stands for a one-day training's only
	// session, not for every session of a longer one.
	if c.Missing() != 2 || c.Complete() {
		t.Errorf("missing %d", c.Missing())
	}
	one := BuildEvidenceChecklist(sits[:1], []EvidenceFile{{Kind: EvidenceSignedSheet}, {Kind: EvidenceAgenda}, {Kind: EvidencePhoto}})
	if !one.Complete() {
		t.Errorf("one-day training with its sheet, agenda and photo: %+v", one.Lines)
	}
}

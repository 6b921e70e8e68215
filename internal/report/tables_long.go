package report

import (
	"fmt"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// GroupName names a disaggregation line in l's language: a position by
// its translated name, others by their own name, and "not recorded" for
// registrations that recorded nothing.
func GroupName(l *i18n.Localizer, dim string, g model.GroupFigures) string {
	switch {
	case g.Key == "":
		return l.T("report.not_recorded")
	case dim == "position":
		if k := "position." + g.Key; l.Has(k) {
			return l.T(k)
		}
		return g.Key
	}
	return l.Pick(g.NameEn, g.NameAr)
}

// disaggregation lists every line of every dimension.
func (e Export) disaggregation() Table {
	cols := e.cols(14, "dimension", "key", "name", "participations", "participations_women", "participations_men",
		"unique_individuals", "women", "men")
	cols = sized(cols, map[string]float64{"key": 8, "name": 32}, "name")
	var rs [][]Cell
	for _, dim := range model.ReportDimensions {
		for _, g := range e.Fig.Groups.Lines(dim) {
			rs = append(rs, []Cell{Text(e.Loc.T("report.dim." + dim)), Text(g.Key), Text(GroupName(e.Loc, dim, g)),
				Int(g.Participations), Int(g.ParticipationsWomen), Int(g.ParticipationsMen), Int(g.Individuals),
				Int(g.Women), Int(g.Men)})
		}
	}
	return e.named("disaggregation", cols, rs)
}

// alignment lists the SDGs, then the GCM objectives.
func (e Export) alignment() Table {
	cols := e.cols(14, "framework", "number", "title", "trainings", "participations", "unique_individuals")
	cols = sized(cols, map[string]float64{"number": 9, "title": 50}, "title")
	var rs [][]Cell
	for _, fw := range []struct {
		key   string
		goals []model.GoalFigures
	}{{"sdg", e.Fig.SDGs}, {"gcm", e.Fig.GCMs}} {
		for _, g := range fw.goals {
			rs = append(rs, []Cell{Text(e.Loc.T("tag." + fw.key)), Int(int(g.Number)), Text(e.Loc.Pick(g.TitleEn, g.TitleAr)),
				Int(g.Trainings), Int(g.Participations), Int(g.Individuals)})
		}
	}
	return e.named("alignment", cols, rs)
}

// participants streams one row per participation. Phone and email are
// columns only when the export includes contact data.
func (e Export) participants() Table {
	keys := []string{"training_id", "training", "starts_on", "person_id", "name_latin", "name_arabic", "sex", "agency",
		"duty_station", "governorate", "position", "rank"}
	if e.Contact {
		keys = append(keys, "phone", "email")
	}
	keys = append(keys, "sessions", "attended", "attendance_rate_percent", "completed", "pre", "post", "satisfaction")
	cols := sized(e.cols(11, keys...), map[string]float64{"training_id": 9, "training": 30, "person_id": 9, "name_latin": 22,
		"name_arabic": 22, "sex": 8, "agency": 20, "duty_station": 18, "governorate": 12, "position": 16, "rank": 14,
		"phone": 16, "email": 22, "sessions": 9}, "training", "name_latin", "name_arabic", "agency", "duty_station",
		"governorate", "position", "rank", "email")
	l := e.Loc
	each := func(emit func([]Cell) error) error {
		return e.Src.EachReportParticipant(e.Ctx, e.filter(), e.Contact, func(p model.ReportParticipant) error {
			row := []Cell{Int(int(p.TrainingID)), Text(l.Pick(p.TitleEn, p.TitleAr)), DateCell(p.StartsOn), Int(int(p.PersonID)),
				Text(p.NameLatin), Text(p.NameArabic), Text(sexName(l, string(p.Sex))), Text(l.Pick(p.AgencyEn, p.AgencyAr)),
				Text(l.Pick(p.StationEn, p.StationAr)), Text(l.Pick(p.GovernorateEn, p.GovernorateAr)),
				Text(GroupName(l, "position", model.GroupFigures{Key: string(p.Position)})), Text(p.Rank)}
			if e.Contact {
				row = append(row, Text(p.Phone), Text(p.Email))
			}
			var sat *float64
			if p.Satisfaction != nil {
				v := float64(*p.Satisfaction)
				sat = &v
			}
			row = append(row, Int(p.Sessions), Int(p.Attended), Percent(share(p.Attended, p.Sessions)),
				Text(completion(l, p)), Number(p.PreScore), Number(p.PostScore), Number(sat))
			return emit(row)
		})
	}
	return Table{Name: "participants", Title: l.T("report.sheet.participants"), Columns: cols, Rows: each}
}

// attendance streams the matrix: one row per participation, one column
// per session (by its order in the training), the mark's letter in each.
func (e Export) attendance() (Table, error) {
	n, err := e.Src.ReportMaxSessions(e.Ctx, e.filter())
	if err != nil {
		return Table{}, err
	}
	l := e.Loc
	cols := sized(e.cols(9, "training_id", "training", "person_id", "name_latin", "name_arabic"),
		map[string]float64{"training": 40, "name_latin": 24, "name_arabic": 24}, "training", "name_latin", "name_arabic")
	for i := 1; i <= n; i++ {
		cols = append(cols, Column{Key: fmt.Sprintf("session_%d", i), Header: l.T("report.col.session", l.Num(i)), Width: 8})
	}
	cols = append(cols, e.cols(11, "attended", "sessions", "attendance_rate_percent")...)
	each := func(emit func([]Cell) error) error {
		return e.Src.EachAttendanceLine(e.Ctx, e.filter(), func(a model.AttendanceLine) error {
			row := []Cell{Int(int(a.TrainingID)), Text(l.Pick(a.TitleEn, a.TitleAr)), Int(int(a.PersonID)), Text(a.NameLatin), Text(a.NameArabic)}
			for i := 0; i < n; i++ {
				c := Text("")
				if i < len(a.Marks) && a.Marks[i] != "" {
					c = Text(l.T("mark.short." + string(a.Marks[i])))
				}
				row = append(row, c)
			}
			attended := a.Attended()
			return emit(append(row, Int(attended), Int(len(a.Marks)), Percent(share(attended, len(a.Marks)))))
		})
	}
	return Table{Name: "attendance", Title: l.T("report.sheet.attendance"), Columns: cols, Rows: each}, nil
}

// sexName translates a recorded sex; nothing recorded stays blank.
func sexName(l *i18n.Localizer, sex string) string {
	switch sex {
	case "F":
		return l.T("person.sex_f")
	case "M":
		return l.T("person.sex_m")
	}
	return ""
}

// completion says whether a participation completed its training, or that
// the training is still running.
func completion(l *i18n.Localizer, p model.ReportParticipant) string {
	if p.Running() {
		return l.T("report.running")
	}
	return yesNo(l, p.Completed())
}

func yesNo(l *i18n.Localizer, b bool) string {
	if b {
		return l.T("report.yes")
	}
	return l.T("report.no")
}

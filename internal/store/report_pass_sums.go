package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"

	"github.com/traindesk/traindesk/internal/model"
)

// name is a reference row's name in both languages.
type name struct{ en, ar string }

// reportNames are the agencies', duty stations' and governorates' names
// by kind and id.
type reportNames map[string]map[int64]name

// goalKey is an SDG or a GCM objective by number (a flag, not the kind's
// name, so that the per-participation look-ups hash no text).
type goalKey struct {
	sdg  bool
	goal int64
}

// kind is the goal's kind as ReportGoal names it.
func (k goalKey) kind() string {
	if k.sdg {
		return "sdg"
	}
	return "gcm"
}

// reportTags are the counted trainings' goals: each tag's goal by training,
// the tags per goal and the goals' titles.
type reportTags struct {
	byTraining map[int64][]goalKey
	trainings  map[goalKey]int
	titles     map[goalKey]name
}

// respKey is one registration's answer to one questionnaire.
type respKey struct{ questionnaire, registration int64 }

// reportFollowUps are the counted trainings' follow-up questionnaires and
// the answers to them (whether the skills were used).
type reportFollowUps struct {
	byTraining map[int64][]int64
	used       map[respKey]bool
}

func (s *Store) scanNames(ctx context.Context, out *reportNames) error {
	rows, err := s.read(ctx).Raw(namesSQL).Rows()
	if err != nil {
		return mapErr("report names", err)
	}
	defer rows.Close()
	*out = reportNames{"agency": {}, "station": {}, "governorate": {}}
	for rows.Next() {
		var kind string
		var id int64
		var n name
		if err := rows.Scan(&kind, &id, &n.en, &n.ar); err != nil {
			return mapErr("report names", err)
		}
		(*out)[kind][id] = n
	}
	return mapErr("report names", rows.Err())
}

func (s *Store) scanTags(ctx context.Context, f model.ReportFilter, counted map[int64]bool, out *reportTags) error {
	st := passStatement("tags", f)
	rows, err := s.read(ctx).Raw(st.SQL, st.Args...).Rows()
	if err != nil {
		return mapErr("report tags", err)
	}
	defer rows.Close()
	*out = reportTags{byTraining: map[int64][]goalKey{}, trainings: map[goalKey]int{}, titles: map[goalKey]name{}}
	for rows.Next() {
		var k goalKey
		var kind string
		var training int64
		var n name
		if err := rows.Scan(&kind, &k.goal, &training, &n.en, &n.ar); err != nil {
			return mapErr("report tags", err)
		}
		k.sdg = kind == "sdg"
		if !counted[training] {
			continue
		}
		out.byTraining[training] = append(out.byTraining[training], k)
		out.trainings[k]++
		out.titles[k] = n
	}
	return mapErr("report tags", rows.Err())
}

func (s *Store) scanFollowUps(ctx context.Context, f model.ReportFilter, out *reportFollowUps) error {
	st := passStatement("followups", f)
	rows, err := s.read(ctx).Raw(st.SQL, st.Args...).Rows()
	if err != nil {
		return mapErr("report follow-ups", err)
	}
	defer rows.Close()
	*out = reportFollowUps{byTraining: map[int64][]int64{}, used: map[respKey]bool{}}
	seen := map[int64]bool{}
	for rows.Next() {
		var q, training int64
		var reg sql.NullInt64
		var used sql.NullBool
		if err := rows.Scan(&q, &training, &reg, &used); err != nil {
			return mapErr("report follow-ups", err)
		}
		if !seen[q] {
			seen[q] = true
			out.byTraining[training] = append(out.byTraining[training], q)
		}
		if reg.Valid {
			out.used[respKey{q, reg.Int64}] = used.Valid && used.Bool
		}
	}
	return mapErr("report follow-ups", rows.Err())
}

// tally counts one group's participations and the individuals among them,
// by sex. Fed participations sorted by person, it counts a person once.
type tally struct {
	parts, partsW, partsM int
	ind, women, men       int
	last                  int64
}

func (c *tally) add(pid int64, sex byte) {
	c.parts++
	first := c.last != pid
	c.last = pid
	if first {
		c.ind++
	}
	switch sex {
	case 'F':
		c.partsW++
		if first {
			c.women++
		}
	case 'M':
		c.partsM++
		if first {
			c.men++
		}
	}
}

// get returns the tally of key in m, adding it.
func get[K comparable](m map[K]*tally, key K) *tally {
	c := m[key]
	if c == nil {
		c = &tally{}
		m[key] = c
	}
	return c
}

// pass adds up the participations.
type pass struct {
	lines                        map[int64]*model.ReportTraining
	tags                         reportTags
	fus                          reportFollowUps
	mastery                      float64
	all                          tally
	agency, station, governorate map[sql.NullInt64]*tally
	position                     map[string]*tally
	goals                        map[goalKey]*tally
	asm                          model.ReportAssessments
	out                          model.ReportOutcome
}

func newPass(lines []model.ReportTraining, tags reportTags, fus reportFollowUps, mastery float64) *pass {
	p := &pass{lines: map[int64]*model.ReportTraining{}, tags: tags, fus: fus, mastery: mastery,
		agency: map[sql.NullInt64]*tally{}, station: map[sql.NullInt64]*tally{}, governorate: map[sql.NullInt64]*tally{},
		position: map[string]*tally{}, goals: map[goalKey]*tally{}}
	for i := range lines {
		p.lines[lines[i].ID] = &lines[i]
	}
	return p
}

// add counts one participation everywhere it counts.
func (p *pass) add(r *participation) {
	var sex byte // the person's sex when it is one letter: F or M count
	if len(r.sex) == 1 {
		sex = r.sex[0]
	}
	pos := p.position[string(r.position)]
	if pos == nil {
		pos = &tally{}
		p.position[string(r.position)] = pos
	}
	for _, c := range [...]*tally{&p.all, get(p.agency, r.agency), get(p.station, r.station), get(p.governorate, r.governorate), pos} {
		c.add(r.pid, sex)
	}
	for _, k := range p.tags.byTraining[r.training] {
		get(p.goals, k).add(r.pid, sex)
	}
	if l := p.lines[r.training]; l != nil {
		l.Participants++
		l.Women += b2i(sex == 'F')
		l.Men += b2i(sex == 'M')
		l.Present, l.Late, l.Absent, l.Excused = l.Present+r.present, l.Late+r.late, l.Absent+r.absent, l.Excused+r.excused
		var post *float64
		if r.post.Valid {
			post = &r.post.Float64
		}
		l.Completed += b2i(model.Completed(r.present+r.late, l.Planned, l.MinRate, l.MinPostScore, post))
	}
	a := &p.asm
	if r.pre.Valid && r.post.Valid {
		a.Assessed++
		a.SumPre += r.pre.Float64
		a.SumPost += r.post.Float64
		a.Improved += b2i(r.post.Float64 > r.pre.Float64)
		a.Mastery += b2i(r.post.Float64 >= p.mastery)
	}
	if r.sat.Valid {
		for i, n := range []*int{&a.Sat1, &a.Sat2, &a.Sat3, &a.Sat4, &a.Sat5} {
			*n += b2i(r.sat.Int64 == int64(i+1))
		}
	}
	for _, q := range p.fus.byTraining[r.training] {
		p.out.Trained++
		if used, ok := p.fus.used[respKey{q, r.id}]; ok {
			p.out.Answered++
			p.out.Used += b2i(used)
		}
	}
}

// finish writes the sums into out.
func (p *pass) finish(out *model.ReportAggregates, names reportNames) {
	for i := range out.Trainings {
		out.Trainings[i].NoShows -= out.Trainings[i].Participants
	}
	out.Assessments, out.Outcome = p.asm, p.out
	out.Groups = append(out.Groups, p.all.group("all"))
	for _, d := range []struct {
		dim string
		m   map[sql.NullInt64]*tally
	}{{"agency", p.agency}, {"station", p.station}, {"governorate", p.governorate}} {
		for id, c := range d.m {
			g := c.group(d.dim)
			if id.Valid {
				g.ID = &id.Int64
				n := names[d.dim][id.Int64]
				g.NameEn, g.NameAr = n.en, n.ar
			}
			out.Groups = append(out.Groups, g)
		}
	}
	for pos, c := range p.position {
		g := c.group("position")
		g.Key = pos
		out.Groups = append(out.Groups, g)
	}
	for k, n := range p.tags.trainings {
		c := p.goals[k]
		if c == nil {
			c = &tally{}
		}
		t := p.tags.titles[k]
		out.Goals = append(out.Goals, model.ReportGoal{Kind: k.kind(), Goal: k.goal, TitleEn: t.en, TitleAr: t.ar, Trainings: n,
			Participations: c.parts, Individuals: c.ind})
	}
	slices.SortFunc(out.Goals, func(a, b model.ReportGoal) int {
		return cmp.Or(cmp.Compare(b.Kind, a.Kind), cmp.Compare(a.Goal, b.Goal))
	})
}

// group is the tally as a disaggregation line of dim.
func (c *tally) group(dim string) model.ReportGroup {
	return model.ReportGroup{Dim: dim, Participations: c.parts, ParticipationsWomen: c.partsW, ParticipationsMen: c.partsM,
		Individuals: c.ind, Women: c.women, Men: c.men}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

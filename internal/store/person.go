package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/traindesk/traindesk/internal/model"
)

// phoneDigits is the phone column without separators. Separators are
// stripped in SQL because older rows keep the phone as it was typed.
const phoneDigits = "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(p.phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')"

// textWhere turns the search text into conditions: every term must match
// somewhere, unless the text is a phone number that matches as a whole.
func textWhere(f model.PersonFilter) ([]string, []any) {
	var terms []string
	var args []any
	for _, alts := range f.Terms {
		var ors []string
		for _, a := range alts {
			if a == "" {
				continue
			}
			like := "%" + strings.ToLower(a) + "%"
			ors = append(ors, "p.name_key LIKE ? OR LOWER(p.email) LIKE ? OR p.phone LIKE ? OR p.national_ref LIKE ?")
			args = append(args, like, like, like, like)
		}
		if len(ors) > 0 {
			terms = append(terms, "("+strings.Join(ors, " OR ")+")")
		}
	}
	if f.PhoneTail == "" {
		return terms, args
	}
	text := "1 = 0"
	if len(terms) > 0 {
		text = strings.Join(terms, " AND ")
	}
	return []string{"((" + text + ") OR " + phoneDigits + " LIKE ?)"}, append(args, "%"+f.PhoneTail)
}

// Persons lists the live (not merged) persons that match, by Latin name.
func (s *Store) Persons(ctx context.Context, f model.PersonFilter) ([]model.PersonRow, int64, error) {
	text, args := textWhere(f)
	where := append([]string{"p.merged_into_id IS NULL"}, text...)
	if f.AgencyID != 0 {
		where = append(where, "p.agency_id = ?")
		args = append(args, f.AgencyID)
	}
	if f.StationID != 0 {
		where = append(where, "p.duty_station_id = ?")
		args = append(args, f.StationID)
	}
	cond := strings.Join(where, " AND ")
	var total int64
	if err := s.read(ctx).Raw("SELECT COUNT(*) FROM persons p WHERE "+cond, args...).Scan(&total).Error; err != nil {
		return nil, 0, mapErr("count persons", err)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 25
	}
	var rows []model.PersonRow
	err := s.read(ctx).Raw(`
SELECT p.*, (SELECT COUNT(*) FROM registrations r WHERE r.person_id = p.id AND r.status <> 'withdrawn') AS trainings
FROM persons p WHERE `+cond+` ORDER BY LOWER(p.name_latin), p.name_arabic, p.id`+
		fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, max(f.Offset, 0)), args...).Scan(&rows).Error
	return rows, total, mapErr("list persons", err)
}

// Person returns one person (merged ones too: their page says where they went).
func (s *Store) Person(ctx context.Context, id int64) (model.Person, error) {
	var p model.Person
	return p, mapErr("person", s.read(ctx).First(&p, id).Error)
}

// CreatePerson inserts a person. A person without a lawful basis leaves
// its columns to their defaults, so that tests of older migrations can
// still add persons to a schema from before the basis was asked.
func (s *Store) CreatePerson(ctx context.Context, p *model.Person) error {
	db := s.write(ctx)
	if p.LawfulBasis == "" {
		db = db.Omit(basisColumns...)
	}
	return mapErr("create person", db.Create(p).Error)
}

// UpdatePerson saves a person's fields.
func (s *Store) UpdatePerson(ctx context.Context, p *model.Person) error {
	res := s.write(ctx).Model(p).Select("NameLatin", "NameArabic", "NameKey", "Sex", "BirthYear", "AgeBand", "AgencyID",
		"DutyStationID", "Position", "Rank", "Phone", "Email", "NationalRef", "Notes", "Lang", "LawfulBasis", "BasisOn",
		"BasisPurpose", "BasisByID", "UpdatedAt").Updates(p)
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("update person", model.ErrNotFound)
	}
	return mapErr("update person", res.Error)
}

// Candidates returns live persons that share any identifier or name token.
func (s *Store) Candidates(ctx context.Context, q model.CandidateQuery) ([]model.Person, error) {
	var ors []string
	var args []any
	if q.Phone != "" {
		ors, args = append(ors, "p.phone = ?"), append(args, q.Phone)
	}
	if q.Email != "" {
		ors, args = append(ors, "LOWER(p.email) = ?"), append(args, strings.ToLower(q.Email))
	}
	if q.NationalRef != "" {
		ors, args = append(ors, "p.national_ref = ?"), append(args, q.NationalRef)
	}
	for _, tok := range q.Tokens {
		if len([]rune(tok)) >= 3 {
			ors, args = append(ors, "p.name_key LIKE ?"), append(args, "%"+tok+"%")
		}
	}
	if len(ors) == 0 {
		return nil, nil
	}
	if q.Limit <= 0 {
		q.Limit = 200
	}
	var out []model.Person
	err := s.read(ctx).Raw("SELECT p.* FROM persons p WHERE p.merged_into_id IS NULL AND p.id <> ? AND ("+
		strings.Join(ors, " OR ")+fmt.Sprintf(") LIMIT %d", q.Limit), append([]any{q.ExcludeID}, args...)...).Scan(&out).Error
	return out, mapErr("candidates", err)
}

// PersonHistory lists a person's registrations, newest training first.
func (s *Store) PersonHistory(ctx context.Context, personID int64) ([]model.HistoryRow, error) {
	var out []model.HistoryRow
	err := s.read(ctx).Raw(`
SELECT r.id AS registration_id, t.id AS training_id, t.title_en, t.title_ar, t.starts_on, t.ends_on, t.city, t.status AS training_status,
  r.status, r.agency_id, r.duty_station_id, r.position,
  (SELECT COUNT(*) FROM attendance a JOIN sittings si ON si.id = a.sitting_id
     WHERE a.registration_id = r.id AND si.deleted_at IS NULL AND a.status IN ('present', 'late')) AS attended,
  (SELECT COUNT(*) FROM sittings si WHERE si.training_id = t.id AND si.deleted_at IS NULL) AS sessions
FROM registrations r JOIN trainings t ON t.id = r.training_id
WHERE r.person_id = ? ORDER BY t.starts_on DESC, t.id DESC`, personID).Scan(&out).Error
	return out, mapErr("person history", err)
}

// PersonsStamp returns what changes whenever the live registry does: the
// highest id (a person added), the latest change (a person edited, merged
// or unmerged: each sets updated_at) and how many persons are merged, so
// that the registry's duplicate index can be kept between requests. Each
// part is read from an index.
func (s *Store) PersonsStamp(ctx context.Context) (model.RegistryStamp, error) {
	var st model.RegistryStamp
	err := s.read(ctx).Raw(`SELECT
  (SELECT COUNT(merged_into_id) FROM persons WHERE merged_into_id IS NOT NULL) AS merged,
  (SELECT COALESCE(MAX(id), 0) FROM persons) AS max_id,
  (SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM persons) AS changed`).Scan(&st).Error
	return st, mapErr("persons stamp", err)
}

// AllCandidates lists every live person's identifying fields, for the
// duplicate index of an import.
func (s *Store) AllCandidates(ctx context.Context) ([]model.Person, error) {
	var out []model.Person
	err := s.read(ctx).Select("id", "name_latin", "name_arabic", "sex", "phone", "email", "national_ref", "birth_year").
		Where("merged_into_id IS NULL").Find(&out).Error
	return out, mapErr("all candidates", err)
}

// ErasePerson saves an erased person: the identifying fields as
// model.Erased left them, and when.
func (s *Store) ErasePerson(ctx context.Context, p *model.Person) error {
	res := s.write(ctx).Model(p).Select("NameLatin", "NameArabic", "NameKey", "BirthYear", "AgeBand", "Rank", "Phone",
		"Email", "NationalRef", "Notes", "ErasedAt", "UpdatedAt").Updates(p)
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("erase person", model.ErrNotFound)
	}
	return mapErr("erase person", res.Error)
}

// PersonsMergedInto returns the records merged into person id, however
// they were merged.
func (s *Store) PersonsMergedInto(ctx context.Context, id int64) ([]model.Person, error) {
	var out []model.Person
	return out, mapErr("persons merged into", s.read(ctx).Where("merged_into_id = ?", id).Order("id").Find(&out).Error)
}

package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/traindesk/traindesk/internal/model"
)

var trainingSorts = map[string]string{
	"start":        "t.starts_on DESC, t.id DESC",
	"start_asc":    "t.starts_on, t.id",
	"title":        "LOWER(CASE WHEN t.title_en <> '' THEN t.title_en ELSE t.title_ar END), t.id",
	"participants": "participants DESC, t.starts_on DESC",
}

// ListTrainings returns one page of the trainings in f's scope that match,
// and how many match in all.
func (s *Store) ListTrainings(ctx context.Context, f model.TrainingFilter) ([]model.TrainingRow, int64, error) {
	scope, args := scopeSQL(f.Scope)
	where := []string{scope}
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	if f.Status != "" {
		add("t.status = ?", f.Status)
	}
	if f.DonorID != 0 {
		add("t.project_id IN (SELECT id FROM projects WHERE donor_id = ?)", f.DonorID)
	}
	if f.ProjectID != 0 {
		add("t.project_id = ?", f.ProjectID)
	}
	if f.AgencyID != 0 {
		add("t.agency_id = ?", f.AgencyID)
	}
	if f.GovernorateID != 0 {
		add("t.governorate_id = ?", f.GovernorateID)
	}
	if f.ThematicID != 0 {
		add("t.thematic_area_id = ?", f.ThematicID)
	}
	if !f.From.IsZero() {
		add("t.ends_on >= ?", f.From)
	}
	if !f.To.IsZero() {
		add("t.starts_on <= ?", f.To)
	}
	if q := strings.TrimSpace(f.Text); q != "" {
		like := "%" + strings.ToLower(q) + "%"
		add(`(LOWER(t.title_en) LIKE ? OR t.title_ar LIKE ? OR LOWER(t.city) LIKE ? OR LOWER(t.venue_en) LIKE ? OR t.venue_ar LIKE ?
  OR LOWER(t.objectives_en) LIKE ? OR t.objectives_ar LIKE ?)`, like, like, like, like, like, like, like)
	}
	cond := strings.Join(where, " AND ")
	var total int64
	if err := s.read(ctx).Raw("SELECT COUNT(*) FROM trainings t WHERE "+cond, args...).Scan(&total).Error; err != nil {
		return nil, 0, mapErr("count trainings", err)
	}
	order, ok := trainingSorts[f.Sort]
	if !ok {
		order = trainingSorts["start"]
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 25
	}
	var rows []model.TrainingRow
	err := s.read(ctx).Raw(`
SELECT t.*, COALESCE(p.code, '') AS project_code,
  (SELECT COUNT(*) FROM registrations r WHERE r.training_id = t.id AND r.status <> 'withdrawn') AS participants,
  (SELECT COUNT(*) FROM registrations r JOIN persons pe ON pe.id = r.person_id
     WHERE r.training_id = t.id AND r.status <> 'withdrawn' AND pe.sex = 'F') AS women,
  (SELECT COUNT(*) FROM sittings si WHERE si.training_id = t.id AND si.deleted_at IS NULL) AS sessions
FROM trainings t LEFT JOIN projects p ON p.id = t.project_id
WHERE `+cond+` ORDER BY `+order+fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, max(f.Offset, 0)), args...).Scan(&rows).Error
	return rows, total, mapErr("list trainings", err)
}

// TrainingDetail returns a training with its tags, facilitators and
// quotas, whoever asks: who may see it is the trainings service's question.
func (s *Store) TrainingDetail(ctx context.Context, id int64) (model.TrainingDetail, error) {
	var d model.TrainingDetail
	db := s.read(ctx)
	if err := db.Raw("SELECT t.* FROM trainings t WHERE t.id = ?", id).Scan(&d.Training).Error; err != nil {
		return d, mapErr("training", err)
	}
	if d.ID == 0 {
		return d, mapErr("training", model.ErrNotFound)
	}
	if err := db.Raw("SELECT sdg_id FROM training_sdgs WHERE training_id = ? ORDER BY sdg_id", id).Scan(&d.SDGs).Error; err != nil {
		return d, mapErr("training sdgs", err)
	}
	if err := db.Raw("SELECT gcm_id FROM training_gcms WHERE training_id = ? ORDER BY gcm_id", id).Scan(&d.GCMs).Error; err != nil {
		return d, mapErr("training gcms", err)
	}
	if err := db.Raw("SELECT u.* FROM users u JOIN training_facilitators f ON f.user_id = u.id WHERE f.training_id = ? ORDER BY u.name", id).
		Scan(&d.Facilitators).Error; err != nil {
		return d, mapErr("training facilitators", err)
	}
	err := db.Where("training_id = ?", id).Order("id").Find(&d.Quotas).Error
	return d, mapErr("training quotas", err)
}

// InsertTraining inserts a training with its tags, facilitators and
// quotas, in one transaction. It adds no session: see AddSittings.
func (s *Store) InsertTraining(ctx context.Context, t *model.Training, p model.TrainingPlan) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		if err := s.write(ctx).Create(t).Error; err != nil {
			return mapErr("create training", err)
		}
		return s.writePlan(ctx, t.ID, p)
	})
}

// CreateTraining inserts a training with one session a day from its first
// to its last day.
//
// Deprecated: trainings.Service.Create plans a training; this is kept for
// test fixtures of other areas.
func (s *Store) CreateTraining(ctx context.Context, t *model.Training, p model.TrainingPlan) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		if err := s.InsertTraining(ctx, t, p); err != nil {
			return err
		}
		return s.AddSittings(ctx, model.DailySittings(*t, p.DayStarts, p.DayEnds, nil))
	})
}

// UpdateTraining saves a training's fields and replaces its tags,
// facilitators and quotas, in one transaction. Its sessions are left as
// they are.
func (s *Store) UpdateTraining(ctx context.Context, t *model.Training, p model.TrainingPlan) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		res := s.write(ctx).Model(t).Select("TitleEn", "TitleAr", "ObjectivesEn", "ObjectivesAr", "ThematicAreaID", "ProjectID", "AgencyID", "VenueEn", "VenueAr", "City",
			"GovernorateID", "StartsOn", "EndsOn", "Capacity", "Language", "CompletionMinRate", "CompletionMinPostScore", "UpdatedAt").Updates(t)
		if res.Error != nil {
			return mapErr("update training", res.Error)
		}
		if res.RowsAffected == 0 {
			return mapErr("update training", model.ErrNotFound)
		}
		for _, table := range []string{"training_sdgs", "training_gcms", "training_facilitators", "training_quotas"} {
			if err := s.write(ctx).Exec("DELETE FROM "+table+" WHERE training_id = ?", t.ID).Error; err != nil {
				return mapErr("replace plan", err)
			}
		}
		return s.writePlan(ctx, t.ID, p)
	})
}

func (s *Store) writePlan(ctx context.Context, id int64, p model.TrainingPlan) error {
	db := s.write(ctx)
	for _, g := range uniq(p.SDGs) {
		if err := db.Exec("INSERT INTO training_sdgs (training_id, sdg_id) VALUES (?, ?)", id, g).Error; err != nil {
			return mapErr("tag sdg", err)
		}
	}
	for _, g := range uniq(p.GCMs) {
		if err := db.Exec("INSERT INTO training_gcms (training_id, gcm_id) VALUES (?, ?)", id, g).Error; err != nil {
			return mapErr("tag gcm", err)
		}
	}
	for _, u := range uniq(p.Facilitators) {
		if err := db.Exec("INSERT INTO training_facilitators (training_id, user_id) VALUES (?, ?)", id, u).Error; err != nil {
			return mapErr("facilitator", err)
		}
	}
	for _, q := range p.Quotas {
		row := model.TrainingQuota{TrainingID: id, AgencyID: q.AgencyID, DutyStationID: q.StationID, Places: q.Places}
		if err := db.Create(&row).Error; err != nil {
			return mapErr("quota", err)
		}
	}
	return nil
}

func uniq(ids []int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, id := range ids {
		if id > 0 && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// SaveTrainingStatus writes a training's status and cancellation reason.
func (s *Store) SaveTrainingStatus(ctx context.Context, id int64, to model.TrainingStatus, reason string) error {
	res := s.write(ctx).Model(&model.Training{}).Where("id = ?", id).
		Updates(map[string]any{"status": to, "cancel_reason": reason, "updated_at": s.Now()})
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("set status", model.ErrNotFound)
	}
	return mapErr("set status", res.Error)
}

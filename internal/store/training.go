package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

var trainingSorts = map[string]string{
	"start":        "t.starts_on DESC, t.id DESC",
	"start_asc":    "t.starts_on, t.id",
	"title":        "LOWER(t.title), t.id",
	"participants": "participants DESC, t.starts_on DESC",
}

// ListTrainings returns one page of the trainings that match, and how many
// match in all.
func (s *Store) ListTrainings(ctx context.Context, f model.TrainingFilter) ([]model.TrainingRow, int64, error) {
	scope, args := visibleTrainings(f.Viewer)
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
		add("(LOWER(t.title) LIKE ? OR LOWER(t.city) LIKE ? OR LOWER(t.venue) LIKE ? OR LOWER(t.objectives) LIKE ?)", like, like, like, like)
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

// Training returns a training that viewer may see; a trainer asking for a
// training they do not facilitate gets model.ErrNotFound.
func (s *Store) Training(ctx context.Context, viewer model.User, id int64) (model.TrainingDetail, error) {
	var d model.TrainingDetail
	scope, args := visibleTrainings(viewer)
	err := s.read(ctx).Raw("SELECT t.* FROM trainings t WHERE t.id = ? AND "+scope, append([]any{id}, args...)...).
		Scan(&d.Training).Error
	if err == nil && d.ID == 0 {
		return d, mapErr("training", model.ErrNotFound)
	} else if err != nil {
		return d, mapErr("training", err)
	}
	db := s.read(ctx)
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
	err = db.Where("training_id = ?", id).Order("id").Find(&d.Quotas).Error
	return d, mapErr("training quotas", err)
}

// CreateTraining inserts a training with one session a day from its first
// to its last day, its tags, facilitators and quotas, in one transaction.
func (s *Store) CreateTraining(ctx context.Context, t *model.Training, p model.TrainingPlan) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		if err := s.write(ctx).Create(t).Error; err != nil {
			return mapErr("create training", err)
		}
		if err := s.writePlan(ctx, t.ID, p); err != nil {
			return err
		}
		return s.addMissingSittings(ctx, *t, p.DayStarts, p.DayEnds, nil)
	})
}

// UpdateTraining saves a training's fields and plan. When the dates grow,
// the new days get a session; sessions outside the new dates are kept (they
// may hold attendance) and the page shows them as outside.
func (s *Store) UpdateTraining(ctx context.Context, t *model.Training, p model.TrainingPlan) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		res := s.write(ctx).Model(t).Select("Title", "Objectives", "ThematicAreaID", "ProjectID", "AgencyID", "Venue", "City",
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
		if err := s.writePlan(ctx, t.ID, p); err != nil {
			return err
		}
		existing, err := s.Sittings(ctx, t.ID)
		if err != nil {
			return err
		}
		return s.addMissingSittings(ctx, *t, p.DayStarts, p.DayEnds, existing)
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

// addMissingSittings gives every day of the training without a session a
// session with the default hours.
func (s *Store) addMissingSittings(ctx context.Context, t model.Training, starts, ends string, existing []model.SittingRow) error {
	have := map[model.Date]bool{}
	for _, e := range existing {
		have[e.Date] = true
	}
	if starts == "" {
		starts, ends = "09:00", "15:00"
	}
	var add []model.Sitting
	for d := t.StartsOn; !d.After(t.EndsOn) && !t.StartsOn.IsZero(); d = d.AddDays(1) {
		if !have[d] {
			add = append(add, model.Sitting{TrainingID: t.ID, Date: d, StartsAt: starts, EndsAt: ends})
		}
	}
	if len(add) == 0 {
		return nil
	}
	return mapErr("create sessions", s.write(ctx).Create(&add).Error)
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

// SetTrainingStatus moves a training to another status if the move is
// allowed; cancelling needs a reason.
func (s *Store) SetTrainingStatus(ctx context.Context, id int64, to model.TrainingStatus, reason string) (model.Training, error) {
	var t model.Training
	err := s.Tx(ctx, func(ctx context.Context) error {
		if err := s.write(ctx).First(&t, id).Error; err != nil {
			return mapErr("training", err)
		}
		if !model.CanMove(t.Status, to) {
			return fmt.Errorf("store: training %d cannot go from %s to %s: %w", id, t.Status, to, model.ErrConflict)
		}
		t.Status = to
		if to == model.StatusCancelled {
			t.CancelReason = reason
		} else {
			t.CancelReason = ""
		}
		return mapErr("set status", s.write(ctx).Model(&t).Select("Status", "CancelReason", "UpdatedAt").Updates(&t).Error)
	})
	return t, err
}

// CopyTraining creates a draft for the next cohort with the same plan,
// sessions (hours and topics) and tags, but no participants.
func (s *Store) CopyTraining(ctx context.Context, viewer model.User, id int64) (model.Training, error) {
	src, err := s.Training(ctx, viewer, id)
	if err != nil {
		return model.Training{}, err
	}
	sits, err := s.Sittings(ctx, id)
	if err != nil {
		return model.Training{}, err
	}
	t := src.Training
	t.ID, t.Status, t.CancelReason, t.CopiedFromID, t.CreatedByID = 0, model.StatusDraft, "", &src.ID, &viewer.ID
	t.CreatedAt, t.UpdatedAt = time.Time{}, time.Time{}
	plan := model.TrainingPlan{SDGs: src.SDGs, GCMs: src.GCMs, Facilitators: src.FacilitatorIDs()}
	for _, q := range src.Quotas {
		plan.Quotas = append(plan.Quotas, model.Quota{AgencyID: q.AgencyID, StationID: q.DutyStationID, Places: q.Places})
	}
	err = s.Tx(ctx, func(ctx context.Context) error {
		if err := s.write(ctx).Create(&t).Error; err != nil {
			return mapErr("copy training", err)
		}
		if err := s.writePlan(ctx, t.ID, plan); err != nil {
			return err
		}
		for _, si := range sits {
			n := model.Sitting{TrainingID: t.ID, Date: si.Date, StartsAt: si.StartsAt, EndsAt: si.EndsAt, Topic: si.Topic}
			if err := s.write(ctx).Create(&n).Error; err != nil {
				return mapErr("copy session", err)
			}
		}
		return nil
	})
	return t, err
}

// TrainingsInMonth lists the trainings viewer may see that overlap a month.
func (s *Store) TrainingsInMonth(ctx context.Context, viewer model.User, year int, month int) ([]model.TrainingRow, error) {
	first := model.Date{Year: year, Month: timeMonth(month), Day: 1}
	last := model.DateOf(first.Time().AddDate(0, 1, -1))
	rows, _, err := s.ListTrainings(ctx, model.TrainingFilter{Viewer: viewer, From: first, To: last, Sort: "start_asc", Limit: 500})
	return rows, err
}

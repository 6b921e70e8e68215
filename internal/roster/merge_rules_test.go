package roster

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

func TestPlanMerge(t *testing.T) {
	shared := func(ids ...int64) []model.MergeClash {
		var out []model.MergeClash
		for _, id := range ids {
			out = append(out, model.MergeClash{TrainingID: id})
		}
		return out
	}
	reg := func(id, training int64, st model.RegistrationStatus, records int64) model.MergeRegistration {
		return model.MergeRegistration{ID: id, TrainingID: training, Status: st, Records: records}
	}
	cases := []struct {
		name    string
		shared  []model.MergeClash
		regs    []model.MergeRegistration
		moving  []int64
		clashes []int64
	}{
		{"NothingShared", nil, []model.MergeRegistration{reg(1, 10, model.RegNominated, 3), reg(2, 11, model.RegWithdrawn, 0)},
			[]int64{1, 2}, nil},
		{"NoRegistrations", nil, nil, []int64{}, nil},
		{"SharedNominated", shared(10), []model.MergeRegistration{reg(1, 10, model.RegNominated, 0), reg(2, 11, model.RegConfirmed, 1)},
			[]int64{1, 2}, []int64{10}},
		{"SharedEmptyWithdrawnStays", shared(10), []model.MergeRegistration{reg(1, 10, model.RegWithdrawn, 0), reg(2, 11, model.RegConfirmed, 1)},
			[]int64{2}, nil},
		{"SharedWithdrawnWithRecords", shared(10), []model.MergeRegistration{reg(1, 10, model.RegWithdrawn, 1)},
			[]int64{1}, []int64{10}},
		{"TwoClashesOneStays", shared(10, 11, 12), []model.MergeRegistration{reg(1, 10, model.RegConfirmed, 0),
			reg(2, 11, model.RegWithdrawn, 0), reg(3, 12, model.RegWithdrawn, 2)}, []int64{1, 3}, []int64{10, 12}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			moving, clashes := planMerge(c.shared, c.regs)
			var got []int64
			for _, cl := range clashes {
				got = append(got, cl.TrainingID)
			}
			if !slices.Equal(got, c.clashes) {
				t.Errorf("clashes = %v, want %v", got, c.clashes)
			}
			// The list is never nil: the merge row records it as JSON, "[]".
			if !slices.Equal(moving, c.moving) || moving == nil {
				t.Errorf("moving = %v, want %v", moving, c.moving)
			}
		})
	}
}

func TestCheckMergeable(t *testing.T) {
	into := int64(9)
	live := func(id int64) model.Person { return model.Person{ID: id} }
	merged := func(id int64) model.Person { return model.Person{ID: id, MergedIntoID: &into} }
	cases := []struct {
		name          string
		dup, survivor model.Person
		want          error
	}{
		{"Live", live(1), live(2), nil},
		{"Self", live(1), live(1), model.ErrMergeSelf},
		{"DuplicateMerged", merged(1), live(2), model.ErrAlreadyMerged},
		{"SurvivorMerged", live(1), merged(2), model.ErrAlreadyMerged},
	}
	for _, c := range cases {
		if err := checkMergeable(c.dup, c.survivor); !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func TestCheckUndoable(t *testing.T) {
	now, into := time.Now(), int64(9)
	cases := []struct {
		name     string
		m        model.PersonMerge
		survivor model.Person
		moved    []int64
		back     int64
		want     error
	}{
		{"Undoable", model.PersonMerge{}, model.Person{ID: 2}, []int64{4, 5}, 2, nil},
		{"NothingMoved", model.PersonMerge{}, model.Person{ID: 2}, nil, 0, nil},
		{"Undone", model.PersonMerge{UndoneAt: &now}, model.Person{ID: 2}, nil, 0, model.ErrMergeUndone},
		{"SurvivorMerged", model.PersonMerge{}, model.Person{ID: 2, MergedIntoID: &into}, nil, 0, model.ErrSurvivorMerged},
		{"RegistrationGone", model.PersonMerge{}, model.Person{ID: 2}, []int64{4, 5}, 1, model.ErrRegistrationGone},
	}
	for _, c := range cases {
		err := checkUndoable(c.m, c.survivor)
		if err == nil {
			err = checkMovedBack(c.moved, c.back)
		}
		if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

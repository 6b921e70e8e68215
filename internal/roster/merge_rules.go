package roster

import "github.com/traindesk/traindesk/internal/model"

// The rules of merging two person records and of undoing a merge. They are
// pure functions of what the store read, so that they can be read (and
// tested) in one place; Merge and UndoMerge apply them in a transaction.

// checkMergeable refuses to merge a person into themselves, and to merge
// when either record was merged away already (a merged record is only a
// pointer to the one kept).
func checkMergeable(dup, survivor model.Person) error {
	if dup.ID == survivor.ID {
		return model.ErrMergeSelf
	}
	if dup.MergedIntoID != nil || survivor.MergedIntoID != nil {
		return model.ErrAlreadyMerged
	}
	return nil
}

// staysBehind reports whether a registration of the duplicate, on a
// training the survivor is on too, stays with the merged record instead
// of clashing: a withdrawn registration that holds no mark, score or
// certificate counts nowhere, so leaving it behind loses nothing.
func staysBehind(r model.MergeRegistration) bool {
	return r.Status == model.RegWithdrawn && r.Records == 0
}

// planMerge decides, from the trainings both persons are registered on and
// the duplicate's registrations, which registrations move to the survivor
// and which trainings stop the merge. Each registration carries its own
// marks, scores and perhaps a certificate; two on one training could not
// be combined and later taken apart exactly, so any such training — unless
// the duplicate's registration there stays behind — is a clash.
func planMerge(shared []model.MergeClash, dupRegs []model.MergeRegistration) (moving []int64, clashes []model.MergeClash) {
	byTraining := make(map[int64]model.MergeRegistration, len(dupRegs))
	for _, r := range dupRegs {
		byTraining[r.TrainingID] = r
	}
	kept := map[int64]bool{}
	for _, c := range shared {
		if r, ok := byTraining[c.TrainingID]; ok && staysBehind(r) {
			kept[r.ID] = true
			continue
		}
		clashes = append(clashes, c)
	}
	moving = []int64{}
	for _, r := range dupRegs {
		if !kept[r.ID] {
			moving = append(moving, r.ID)
		}
	}
	return moving, clashes
}

// checkUndoable refuses to undo a merge twice, and to undo it while the
// survivor has been merged into someone else since (that merge must be
// undone first, or the registrations would go back from the wrong record).
func checkUndoable(m model.PersonMerge, survivor model.Person) error {
	if m.UndoneAt != nil {
		return model.ErrMergeUndone
	}
	if survivor.MergedIntoID != nil {
		return model.ErrSurvivorMerged
	}
	return nil
}

// checkMovedBack refuses an undo when fewer registrations went back than
// the merge moved: one of them no longer belongs to the survivor (it was
// moved or deleted since), and the undo would not restore the records.
func checkMovedBack(moved []int64, back int64) error {
	if back != int64(len(moved)) {
		return model.ErrRegistrationGone
	}
	return nil
}

package roster

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// Registrar puts a person on a training for the registry: the person
// created for a training, and each row of a confirmed import. It owns the
// training's rules (capacity, quotas, one registration per person) and
// refuses with model.ErrAlreadyRegistered, model.ErrFull or a
// *model.QuotaError. It must run inside the transaction ctx carries, so
// that an import is saved whole or not at all, and it records no audit
// event: the registry records its own. The trainings service is the
// Registrar (trainings.Service.Enrol).
type Registrar interface {
	Enrol(ctx context.Context, actor model.Actor, r *model.Registration) error
}

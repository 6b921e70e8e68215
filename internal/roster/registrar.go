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
// event: the registry records its own.
//
// The trainings service is the natural Registrar; until it is wired in,
// StoreRegistrar adapts the store's Register.
type Registrar interface {
	Register(ctx context.Context, actor model.Actor, r *model.Registration) error
}

// StoreRegister is the store's registration write: it applies the
// training's capacity and quotas and saves, inside ctx's transaction.
type StoreRegister interface {
	Register(ctx context.Context, r *model.Registration, by *int64) error
}

// StoreRegistrar adapts the store's Register to a Registrar.
func StoreRegistrar(st StoreRegister) Registrar { return storeRegistrar{st} }

type storeRegistrar struct{ st StoreRegister }

func (r storeRegistrar) Register(ctx context.Context, actor model.Actor, reg *model.Registration) error {
	return r.st.Register(ctx, reg, actor.UserID())
}

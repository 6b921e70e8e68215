package auth

import (
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// Require is how a service asks the policy before a use case: nil when
// actor may do a to o, an error matching model.ErrForbidden otherwise.
// The System actor (start-up and the shell, which run with the machine's
// own authority) may do everything; the web layer never acts as System,
// because its actors always carry the client's address.
func Require(actor model.Actor, a Action, o Object) error {
	if IsSystem(actor) || Allow(actor.User, a, o) {
		return nil
	}
	return fmt.Errorf("auth: %s may not %s: %w", actor.Role, a, model.ErrForbidden)
}

// IsSystem reports whether actor is model.System: no user and no address.
func IsSystem(actor model.Actor) bool { return actor.User.ID == 0 && actor.IP == "" }

package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// RetryAttempts is how many times RetryTx runs a transaction that
// PostgreSQL aborted to break a deadlock or a serialization conflict.
const RetryAttempts = 5

// retryable SQLSTATEs: PostgreSQL aborts one of the transactions that wait
// on each other (40P01) or that could not be serialized (40001); running
// it again alone succeeds.
var retryable = map[string]bool{"40P01": true, "40001": true}

// RetryTx runs fn in one write transaction, like Tx, and runs it again
// (up to RetryAttempts times in all, after a short random pause) when the
// database aborted it with a deadlock or serialization failure. fn must be
// safe to run again: it must set, not accumulate, whatever it hands out.
// Inside an open transaction it cannot retry and is Tx.
func (s *Store) RetryTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if InTx(ctx) {
		return fn(ctx)
	}
	var err error
	for attempt := 1; ; attempt++ {
		err = s.Tx(ctx, fn)
		if err == nil || attempt == RetryAttempts || !Retryable(err) {
			return err
		}
		// A random pause lets the transaction that won finish first.
		pause := time.Duration(1+rand.IntN(5<<attempt)) * time.Millisecond
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(pause):
		}
	}
}

// Retryable reports whether err is a deadlock or serialization failure
// that running the transaction again may get past. PostgreSQL's driver
// error tells its SQLSTATE; SQLite's single writer never deadlocks.
func Retryable(err error) bool {
	var coded interface{ SQLState() string }
	return errors.As(err, &coded) && retryable[coded.SQLState()]
}

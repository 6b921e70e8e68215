package vcache

import (
	"context"
	"errors"
	"testing"
)

// TestLoad_ComputesAgainWhenTheVersionMoves: a value is handed out only at
// the version it was computed at; an older computation never replaces a
// newer one; an error is not kept; a full cache starts again.
func TestLoad_ComputesAgainWhenTheVersionMoves(t *testing.T) {
	ctx := context.Background()
	c := New[string, int](2)
	calls := 0
	count := func(v int) func(context.Context) (int, error) {
		return func(context.Context) (int, error) { calls++; return v, nil }
	}
	for _, step := range []struct {
		key     string
		version int64
		compute int
		want    int
		calls   int
	}{
		{"a", 1, 10, 10, 1},
		{"a", 1, 11, 10, 1}, // kept
		{"a", 2, 12, 12, 2}, // the version moved
		{"a", 1, 13, 13, 3}, // an older version is computed, not served from 2...
		{"a", 2, 14, 12, 3}, // ...and did not replace the newer value
		{"b", 2, 20, 20, 4},
		{"c", 2, 30, 30, 5}, // full: starts again
		{"a", 2, 15, 15, 6},
	} {
		got, err := c.Load(ctx, step.key, step.version, count(step.compute))
		if err != nil || got != step.want || calls != step.calls {
			t.Fatalf("Load(%s, %d) = %d, %v after %d computations; want %d after %d", step.key, step.version, got, err, calls, step.want, step.calls)
		}
	}
	boom := errors.New("boom")
	if _, err := c.Load(ctx, "d", 1, func(context.Context) (int, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Fatalf("error = %v", err)
	}
	if got, _ := c.Load(ctx, "d", 1, count(40)); got != 40 {
		t.Errorf("an error was kept: %d", got)
	}
}

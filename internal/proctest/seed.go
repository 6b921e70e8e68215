package proctest

import (
	"context"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
)

// Password is the demo users' password in these tests.
const Password = "correct-horse-battery"

// The demo users the tests act as.
const (
	Officer = "officer@traindesk.local"
	Trainer = "trainer@traindesk.local"
	Manager = "manager@traindesk.local"
)

// Course is what Seed put in the database for the tests to write to.
type Course struct {
	Today   model.Date // in the venues' time zone
	Cells   []Cell     // the demo's training of today (the trainer's): what tablets mark
	Project string     // the demo project's code
	Enrol   int64      // a training with room for everyone registered one by one
	Merge   int64      // the training the duplicates to be merged are on
	Imports []int64    // empty trainings, one per nomination list
}

// Cairo is the venues' time zone (traindesk's default).
func Cairo() *time.Location {
	loc, err := time.LoadLocation("Africa/Cairo")
	if err != nil {
		panic(err)
	}
	return loc
}

// Seed migrates the database at dsn (a SQLite file or a PostgreSQL URL)
// as `traindesk migrate` does, loads the demo for today with Password for
// its users, and adds the trainings the tests register people on: one to
// enrol on, one for duplicates, and imports empty ones for nomination
// lists.
func Seed(t testing.TB, dsn string, imports int) Course {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, store.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := jobs.Migrate(ctx, st); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(Password, auth.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	today := model.DateOf(time.Now().In(Cairo()))
	demo := seed.Build(today)
	if _, err := st.LoadDemo(ctx, demo, store.DemoOptions{PasswordHash: hash, NameKey: roster.NameKey, Location: Cairo()}); err != nil {
		t.Fatal(err)
	}
	c := Course{Today: today, Project: demo.Project.Code}
	rows, _, err := st.ListTrainings(ctx, model.TrainingFilter{Scope: model.TrainingScope{All: true}, Text: "Document examination"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("the demo's training of today: %v, %v", rows, err)
	}
	sits, err := st.Sittings(ctx, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	regs, err := st.Roster(ctx, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range regs {
		if r.Status == model.RegWithdrawn {
			continue
		}
		for _, s := range sits {
			c.Cells = append(c.Cells, Cell{Registration: r.ID, Sitting: s.ID})
		}
	}
	add := func(title string) int64 {
		tr := model.Training{TitleEn: title, StartsOn: today.AddDays(40), EndsOn: today.AddDays(41), Status: model.StatusPlanned,
			Capacity: 100000, Language: "en", CompletionMinRate: 80}
		if err := st.CreateTraining(ctx, &tr, model.TrainingPlan{}); err != nil {
			t.Fatal(err)
		}
		return tr.ID
	}
	c.Enrol, c.Merge = add("Registered one by one"), add("Duplicates to merge")
	for i := range imports {
		c.Imports = append(c.Imports, add(fmt.Sprintf("Nomination list %d", i+1)))
	}
	return c
}

package roster

import (
	"context"
	"errors"
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Query is a registry search as an officer gives it: free text (names in
// either script, email, ID number, a phone number in any format) and
// optional agency and duty station.
type Query struct {
	Text      string
	AgencyID  int64
	StationID int64
	Limit     int
	Offset    int
}

// SearchFilter turns free text into the registry's filter: the name terms
// in both scripts, and the phone's trailing digits when the text is a
// phone number. Text beyond model.MaxSearchChars characters or
// model.MaxSearchWords words is refused as a *model.ValidationError on
// "q", before it becomes a query.
func SearchFilter(text string) (model.PersonFilter, error) {
	text = strings.TrimSpace(text)
	if err := model.CheckSearch("q", text); err != nil {
		return model.PersonFilter{}, err
	}
	return model.PersonFilter{Terms: SearchTerms(text), PhoneTail: phoneTail(text)}, nil
}

// filter is q as the store's filter, or SearchFilter's refusal.
func (q Query) filter() (model.PersonFilter, error) {
	f, err := SearchFilter(q.Text)
	f.AgencyID, f.StationID, f.Limit, f.Offset = q.AgencyID, q.StationID, q.Limit, q.Offset
	return f, err
}

// phoneTail returns the digits that identify the phone number in text, or
// "" when text is not a phone number. Egypt's country code is dropped so
// that "010…", "+20 10…" and "0020 10…" all end the same way.
func phoneTail(text string) string {
	n := NormalizePhone(text)
	if n == "" {
		return ""
	}
	d := strings.TrimPrefix(n, "+")
	if rest, ok := strings.CutPrefix(d, "20"); ok {
		return rest
	}
	return d
}

// SearchResult is one page of the registry search.
type SearchResult struct {
	Refs  model.Refs
	Rows  []model.PersonRow
	Total int64
}

// Search lists the live persons that match q, by Latin name, with the
// reference lists that name their agencies and stations. Search text that
// is too long is a *model.ValidationError on "q", returned with the
// reference lists so that the page can still be shown.
func (s *Service) Search(ctx context.Context, actor model.Actor, q Query) (SearchResult, error) {
	var out SearchResult
	if err := allow(actor, auth.ViewPersons); err != nil {
		return out, err
	}
	var err error
	if out.Refs, err = s.store.AllRefs(ctx); err != nil {
		return out, err
	}
	f, err := q.filter()
	if err != nil {
		return out, err
	}
	out.Rows, out.Total, err = s.store.Persons(ctx, f)
	return out, err
}

// Find lists up to limit live persons that match free text, for picking
// someone to register on a training.
func (s *Service) Find(ctx context.Context, actor model.Actor, text string, limit int) ([]model.PersonRow, error) {
	if err := allow(actor, auth.ViewPersons); err != nil {
		return nil, err
	}
	f, err := Query{Text: text, Limit: limit}.filter()
	if err != nil {
		return nil, err
	}
	rows, _, err := s.store.Persons(ctx, f)
	return rows, err
}

// Person returns one person, merged or not.
func (s *Service) Person(ctx context.Context, actor model.Actor, id int64) (model.Person, error) {
	if err := allow(actor, auth.ViewPersons); err != nil {
		return model.Person{}, err
	}
	return s.store.Person(ctx, id)
}

// PersonPage gathers a person's page: their details and trainings, where
// they were merged to (and the merge, for undo), and who was merged into
// them.
func (s *Service) PersonPage(ctx context.Context, actor model.Actor, id int64) (model.PersonPage, error) {
	var pg model.PersonPage
	if err := allow(actor, auth.ViewPersons); err != nil {
		return pg, err
	}
	// Pages read outside a transaction: on SQLite a transaction takes the
	// one writer, and a page is no use case that must see one instant.
	var err error
	if pg.Person, err = s.store.Person(ctx, id); err != nil {
		return pg, err
	}
	if pg.Refs, err = s.store.AllRefs(ctx); err != nil {
		return pg, err
	}
	if pg.History, err = s.store.PersonHistory(ctx, id); err != nil {
		return pg, err
	}
	if err := s.mergedInto(ctx, &pg); err != nil {
		return pg, err
	}
	merges, people, err := s.store.MergesInto(ctx, id)
	if err != nil {
		return pg, err
	}
	for i := range merges {
		pg.MergedFrom = append(pg.MergedFrom, model.MergedPerson{Merge: merges[i], Person: people[i]})
	}
	// Who looked at a person's contacts is the person's to know: the view
	// is recorded, and shows in their subject access download.
	return pg, s.store.RecordAudit(ctx, personEvent(model.AuditPersonView, actor, id))
}

// mergedInto fills in, for a merged person, who they were merged into and
// the merge that did it (missing when it was undone since).
func (s *Service) mergedInto(ctx context.Context, pg *model.PersonPage) error {
	if pg.Person.MergedIntoID == nil {
		return nil
	}
	into, err := s.store.Person(ctx, *pg.Person.MergedIntoID)
	if err != nil {
		return err
	}
	pg.MergedInto = &into
	m, err := s.store.ActiveMergeOf(ctx, pg.Person.ID)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	pg.Merge = &m
	return nil
}

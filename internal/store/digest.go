package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Tables lists the database's tables, for checks that must cover every
// one of them (a table added later included). SQLite's own bookkeeping
// (sqlite_sequence, the counters of AUTOINCREMENT keys) is left out: it
// holds no data of ours.
func (s *Store) Tables(ctx context.Context) ([]string, error) {
	names, err := s.read(ctx).Migrator().GetTables()
	if err != nil {
		return nil, mapErr("tables", err)
	}
	names = slices.DeleteFunc(names, func(n string) bool { return strings.HasPrefix(n, "sqlite_") })
	slices.Sort(names)
	return names, nil
}

// Digest is a checksum of the rows of table that where selects ("" for
// every row), with the columns named in omit left out. Rows count in any
// order, so two digests are equal exactly when the table holds the same
// rows. It is for tests that prove a request changed nothing; table and
// where are SQL and never come from a user.
func (s *Store) Digest(ctx context.Context, table, where string, omit ...string) (string, error) {
	q := s.read(ctx).Table(table)
	if where != "" {
		q = q.Where(where)
	}
	rows, err := q.Rows()
	if err != nil {
		return "", mapErr("digest "+table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", mapErr("digest "+table, err)
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var lines []string
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return "", mapErr("digest "+table, err)
		}
		var b strings.Builder
		for i, c := range cols {
			if slices.Contains(omit, c) {
				continue
			}
			fmt.Fprintf(&b, "%s=%s\x1f", c, digestValue(vals[i]))
		}
		lines = append(lines, b.String())
	}
	if err := rows.Err(); err != nil {
		return "", mapErr("digest "+table, err)
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return fmt.Sprintf("%d rows %s", len(lines), hex.EncodeToString(h.Sum(nil))[:16]), nil
}

// digestValue writes a column's value the same way whichever type the
// driver scanned it as.
func digestValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return string(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}

package store

import "context"

// MustCount counts a table's rows, or returns -1 on error; for checks in
// tests and the command line.
func (s *Store) MustCount(ctx context.Context, table string) int64 {
	var n int64
	if err := s.read(ctx).Table(table).Count(&n).Error; err != nil {
		return -1
	}
	return n
}

// MustString runs a query that returns one text value, or "" on error.
func (s *Store) MustString(ctx context.Context, q string, args ...any) string {
	var v string
	s.read(ctx).Raw(q, args...).Scan(&v)
	return v
}

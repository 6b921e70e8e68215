package bench_test

import (
	"crypto/sha256"
	"fmt"

	"github.com/traindesk/traindesk/db/migrations"
)

// schemaTag names the schema a cached benchmark database was built with:
// the number of migrations and a hash of their descriptions. Branches that
// number their migrations differently then never share a cached file whose
// schema_migrations says one thing and whose tables say another.
func schemaTag() string {
	h := sha256.New()
	all := migrations.All()
	for _, m := range all {
		fmt.Fprintf(h, "%d %s\n", m.Version, m.Description)
	}
	return fmt.Sprintf("s%d-%x", len(all), h.Sum(nil)[:4])
}

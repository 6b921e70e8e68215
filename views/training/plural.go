package training

import (
	"context"
	"encoding/json"

	"github.com/traindesk/traindesk/internal/i18n"
)

// pluralForms is key's plural forms in the page's language as JSON, for a
// script that counts on the page and picks the form with the browser's
// plural rules (Intl.PluralRules), as the server's i18n.N would.
func pluralForms(ctx context.Context, key string) string {
	b, _ := json.Marshal(i18n.From(ctx).PluralForms(key))
	return string(b)
}

package roster

import "strings"

// NameKey returns the normalised text stored with a person for search and
// duplicate matching. (Placeholder until the matcher lands.)
func NameKey(latin, arabic string) string {
	return strings.ToLower(strings.TrimSpace(latin)) + " | " + strings.TrimSpace(arabic)
}

// Package db holds what traindesk keeps about its database outside the
// application code: the versioned migrations (db/migrations) and the demo
// course (db/seed).
package db

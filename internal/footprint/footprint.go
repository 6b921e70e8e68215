// Package footprint gives back, once the server has started, memory that
// start-up used and serving does not need.
package footprint

import "runtime/debug"

// Released says what Trim gave back.
type Released struct {
	// CodeBytes is the size of the program's own code and read-only data
	// that was unmapped, to be read back page by page as it is used.
	CodeBytes int64
}

// Trim returns to the system the heap that migrations and seeding left
// behind, and unmaps the program's code and read-only data where the
// system offers that (see releaseCode). Call it once start-up is done.
func Trim() (Released, error) {
	debug.FreeOSMemory()
	n, err := releaseCode()
	return Released{CodeBytes: n}, err
}

package web

// personRoutes registers the participant registry: search, a person's
// page with their history, create and edit with duplicate checks, merge
// and undo.
func (s *Server) personRoutes(app area) {}

package web

// referenceRoutes registers the reference-data screens (donors, projects
// and their indicators, agencies, duty stations, thematic areas).
func (s *Server) referenceRoutes(app area) {}

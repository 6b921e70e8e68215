package web

import "github.com/labstack/echo/v4"

// reportRoutes registers the donor report (screen, exports, JSON API).
func (s *Server) reportRoutes(e *echo.Echo, app area) {}

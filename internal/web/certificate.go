package web

import "github.com/labstack/echo/v4"

// certificateRoutes registers certificates, their public verification
// page, and a training's attendance sheet PDF.
func (s *Server) certificateRoutes(e *echo.Echo, app area) {}

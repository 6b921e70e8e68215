package web_test

// accessPrivacy is the access table of the privacy notice.
var accessPrivacy = []access{
	// Participants read the notice without an account: invitations link to it.
	{route: "GET /privacy", want: codes{ok, ok, ok, ok, ok, ok}},
	{route: "GET /admin/privacy", want: codes{see, ok, no, no, no, no}},
	{route: "POST /admin/privacy", want: codes{see, see, no, no, no, no}},
	// Printed for a training's first session by anyone who sees the training.
	{route: "GET /trainings/:id/privacy-notice.pdf", want: codes{see, ok, ok, ok, ok, nf}},
}

package web_test

// accessTrainings is the access table of trainings, their sessions and registrations.
var accessTrainings = []access{
	{route: "GET /trainings", want: codes{see, ok, ok, ok, ok, ok}},
	{route: "GET /trainings/calendar", want: codes{see, ok, ok, ok, ok, ok}},
	{route: "GET /trainings/new", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /trainings", want: codes{see, inv, inv, no, no, no}},
	// A trainer does not learn that a training they do not facilitate exists.
	{route: "GET /trainings/:id", want: codes{see, ok, ok, ok, ok, nf}},
	{route: "GET /trainings/:id/edit", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /trainings/:id", want: codes{see, inv, inv, no, no, no}},
	{route: "POST /trainings/:id/status", want: codes{see, see, see, no, no, no}},
	{route: "POST /trainings/:id/copy", want: codes{see, see, see, no, no, no}},
	{route: "GET /trainings/:id/sessions/new", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /trainings/:id/sessions", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /trainings/:id/sessions/:sid/edit", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /trainings/:id/sessions/:sid", want: codes{see, inv, inv, no, no, no}},
	// The demo's first session holds marks: deleting it needs a confirmation.
	{route: "POST /trainings/:id/sessions/:sid/delete", want: codes{see, clsh, clsh, no, no, no}},
	{route: "GET /trainings/:id/sessions/:sid/sheet", want: codes{see, ok, ok, ok, ok, nf}},
}

package web_test

// accessAttendance is the access table of the roll call, offline sync, marks and scores.
var accessAttendance = []access{
	{route: "GET /sessions/:id/roll", want: codes{see, ok, ok, no, ok, nf}},
	// The roll call's API asks for a session instead of redirecting.
	{route: "GET /api/v1/sessions/:id/roster", want: codes{unauth, ok, ok, no, ok, nf}},
	// An empty batch is malformed for everyone; who may mark is decided per operation.
	{route: "POST /api/v1/sync", want: codes{unauth, bad, bad, bad, bad, bad}},
	{route: "GET /trainings/:id/attendance/:rid/:sid", want: codes{see, ok, ok, ok, ok, nf}},
	{route: "POST /trainings/:id/attendance/:rid/:sid", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /trainings/:id/assessments", want: codes{see, ok, ok, no, ok, nf}},
	{route: "POST /trainings/:id/assessments", want: codes{see, see, see, no, see, nf}},
	{route: "GET /trainings/:id/badges", want: codes{see, ok, ok, ok, ok, nf}},
}

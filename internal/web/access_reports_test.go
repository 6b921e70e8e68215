package web_test

// accessReports is the access table of donor reports, their exports and the JSON API.
var accessReports = []access{
	{route: "GET /reports", want: codes{see, ok, ok, ok, no, no}},
	// Without a project the export is refused as a bad request.
	{route: "GET /reports/export.xlsx", want: codes{see, bad, bad, bad, no, no}},
	{route: "GET /reports/export.pdf", want: codes{see, bad, bad, bad, no, no}},
	{route: "GET /reports/export/:file", want: codes{see, bad, bad, bad, no, no}},
	{route: "GET /reports/evidence.zip", want: codes{see, bad, bad, bad, no, no}},
	{route: "POST /reports/export", want: codes{see, bad, bad, bad, no, no}},
	// {J} is each role's own export job.
	{route: "GET /reports/jobs/:id", want: codes{see, ok, ok, ok, no, no}},
	{route: "GET /reports/jobs/:id/status", want: codes{see, ok, ok, ok, no, no}},
	{route: "GET /reports/jobs/:id/file", want: codes{see, ok, ok, ok, no, no}},
	{route: "GET /api/v1/reports/donor", want: codes{unauth, bad, bad, bad, no, no}},
}

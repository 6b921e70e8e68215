package web_test

// accessAdmin is the access table of users and the audit log.
var accessAdmin = []access{
	{route: "GET /admin/users", want: codes{see, ok, no, no, no, no}},
	{route: "GET /admin/users/new", want: codes{see, ok, no, no, no, no}},
	{route: "POST /admin/users", want: codes{see, inv, no, no, no, no}},
	{route: "GET /admin/users/:id/edit", want: codes{see, ok, no, no, no, no}},
	{route: "POST /admin/users/:id", want: codes{see, inv, no, no, no, no}},
	{route: "POST /admin/users/:id/password", want: codes{see, ok, no, no, no, no}},
	{route: "POST /admin/users/:id/active", want: codes{see, see, no, no, no, no}},
	{route: "GET /admin/audit", want: codes{see, ok, no, no, no, no}},
}

package web_test

// accessPublic is the access table of the public routes, sign-in and sign-out, and the dashboard.
var accessPublic = []access{
	{route: "GET /healthz", want: codes{ok, ok, ok, ok, ok, ok}},
	{route: "GET /assets/*", want: codes{ok, ok, ok, ok, ok, ok}},
	{route: "GET /favicon.ico", want: codes{moved, moved, moved, moved, moved, moved}},
	{route: "GET /sw.js", want: codes{ok, ok, ok, ok, ok, ok}},
	{route: "GET /login", want: codes{ok, see, see, see, see, see}},
	// An empty sign-in form is refused as it is; it does not end a session.
	{route: "POST /login", want: codes{inv, inv, inv, inv, inv, inv}},
	// Signing out ends the session it is sent with, so every actor signs in anew.
	{route: "POST /logout", want: codes{see, see, see, see, see, see}, fresh: true},
	// Anyone may check a certificate by its code.
	{route: "GET /verify", want: codes{ok, ok, ok, ok, ok, ok}},
	{route: "GET /verify/:code", want: codes{ok, ok, ok, ok, ok, ok}},
	{route: "GET /", want: codes{see, ok, ok, ok, ok, ok}},
}

package web_test

import "net/url"

// accessRetention is the access table of the retention periods and their
// dry run: administrators only.
var accessRetention = []access{
	{route: "GET /admin/retention", want: codes{see, ok, no, no, no, no}},
	{route: "POST /admin/retention", want: codes{see, see, no, no, no, no},
		form: url.Values{"contact_years": {"5"}, "outbox_days": {"90"}, "photo_years": {"5"}}},
}

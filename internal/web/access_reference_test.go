package web_test

import "testing"

// accessReference is the access table of reference data.
var accessReference = []access{
	{route: "GET /reference", want: codes{see, ok, ok, no, no, no}},
	{route: "GET /reference/agencies", want: codes{see, ok, ok, no, no, no}},
	{route: "GET /reference/agencies/new", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/agencies", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/agencies/:id/edit", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/agencies/:id", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/stations", want: codes{see, ok, ok, no, no, no}},
	{route: "GET /reference/stations/new", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/stations", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/stations/:id/edit", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/stations/:id", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/donors", want: codes{see, ok, ok, no, no, no}},
	{route: "GET /reference/donors/new", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/donors", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/donors/:id/edit", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/donors/:id", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/projects", want: codes{see, ok, ok, no, no, no}},
	{route: "GET /reference/projects/new", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/projects", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/projects/:id/edit", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/projects/:id", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/projects/:id/indicators/new", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/projects/:id/indicators", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/projects/:id/indicators/:iid/edit", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/projects/:id/indicators/:iid", want: codes{see, inv, inv, no, no, no}},
	{route: "POST /reference/projects/:id/indicators/:iid/delete", want: codes{see, see, see, no, no, no}, each: func(t *testing.T, f *accessFixture) map[string]string {
		return map[string]string{"IND": f.indicator(t, f.own["PROJECT"])}
	}},
	{route: "GET /reference/thematic", want: codes{see, ok, ok, no, no, no}},
	{route: "GET /reference/thematic/new", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/thematic", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /reference/thematic/:id/edit", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /reference/thematic/:id", want: codes{see, inv, inv, no, no, no}},
	{route: "POST /reference/agencies/:id/archive", want: codes{see, see, see, no, no, no}},
	// The demo's entries are in use: deleting is refused with the reason (303 to the edit page).
	{route: "POST /reference/agencies/:id/delete", want: codes{see, see, see, no, no, no}},
	{route: "POST /reference/stations/:id/archive", want: codes{see, see, see, no, no, no}},
	{route: "POST /reference/stations/:id/delete", want: codes{see, see, see, no, no, no}},
	{route: "POST /reference/donors/:id/archive", want: codes{see, see, see, no, no, no}},
	{route: "POST /reference/donors/:id/delete", want: codes{see, see, see, no, no, no}},
	{route: "POST /reference/projects/:id/archive", want: codes{see, see, see, no, no, no}},
	{route: "POST /reference/projects/:id/delete", want: codes{see, see, see, no, no, no}},
	{route: "POST /reference/thematic/:id/archive", want: codes{see, see, see, no, no, no}},
	{route: "POST /reference/thematic/:id/delete", want: codes{see, see, see, no, no, no}},
}

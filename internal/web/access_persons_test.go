package web_test

import (
	"net/url"
	"testing"
)

// accessPersons is the access table of the participant registry.
var accessPersons = []access{
	{route: "GET /persons", want: codes{see, ok, ok, ok, no, no}},
	{route: "GET /persons/new", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /persons", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /persons/:id", want: codes{see, ok, ok, ok, no, no}},
	{route: "GET /persons/:id/edit", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /persons/:id", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /persons/:id/merge", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /persons/:id/merge", want: codes{see, bad, bad, no, no, no}},
	{route: "POST /persons/merges/:mid/undo", want: codes{see, see, see, no, no, no}, each: func(t *testing.T, f *accessFixture) map[string]string {
		return map[string]string{"M": f.merge(t, f.own["T"])}
	}},
	// Personal-data requests are the administrators'.
	{route: "GET /persons/:id/data.json", want: codes{see, ok, no, no, no, no}},
	{route: "GET /persons/:id/data.pdf", want: codes{see, ok, no, no, no, no}},
	{route: "GET /persons/:id/erase", want: codes{see, ok, no, no, no, no}},
	{route: "POST /persons/:id/erase", want: codes{see, see, no, no, no, no}, each: func(t *testing.T, f *accessFixture) map[string]string {
		p := createdPerson(t, f.clients[actOfficer].Post("/persons", url.Values{"name_arabic": {"شخص للمحو"}, "sex": {"F"}, "confirm_new": {"1"}, "basis": {"consent"}, "basis_purpose": {"Training"}}))
		return map[string]string{"P": p}
	}},
}

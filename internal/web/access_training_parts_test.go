package web_test

import "testing"

// accessTrainingParts is the access table of a training's participants and nomination imports.
var accessTrainingParts = []access{
	{route: "GET /trainings/:id/participants/new", want: codes{see, ok, ok, no, no, no}},
	// Without a person to register the request is malformed.
	{route: "POST /trainings/:id/registrations", want: codes{see, bad, bad, no, no, no}},
	{route: "POST /trainings/:id/registrations/:rid/status", want: codes{see, bad, bad, no, no, no}},
	// Nothing ticked: back to the training with a message.
	{route: "POST /trainings/:id/registrations/bulk", want: codes{see, see, see, no, no, no}},
	{route: "GET /trainings/:id/import", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /trainings/:id/import", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /trainings/:id/import/:uid", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /trainings/:id/import/:uid/mapping", want: codes{see, inv, inv, no, no, no}},
	// Without a choice the list is read as guessed, and the officer sent back to the columns.
	{route: "POST /trainings/:id/import/:uid/reading", want: codes{see, see, see, no, no, no}},
	{route: "GET /trainings/:id/import/:uid/preview", want: codes{see, ok, ok, no, no, no}},
	// The list creates persons: without the lawful basis asked for them it is shown again.
	{route: "POST /trainings/:id/import/:uid/confirm", want: codes{see, inv, inv, no, no, no}, each: func(t *testing.T, f *accessFixture) map[string]string {
		return map[string]string{"U": f.upload(t, f.own["T"])}
	}},
	{route: "GET /import/template.csv", want: codes{see, ok, ok, no, no, no}},
	{route: "GET /import/template.xlsx", want: codes{see, ok, ok, no, no, no}},
}

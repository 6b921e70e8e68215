package web_test

// accessCertificates is the access table of certificates and the attendance sheet.
var accessCertificates = []access{
	{route: "GET /trainings/:id/attendance.pdf", want: codes{see, ok, ok, ok, ok, nf}},
	// Trainers do not handle certificates, even on their own trainings.
	{route: "GET /trainings/:id/certificates", want: codes{see, ok, ok, ok, no, no}},
	{route: "GET /trainings/:id/certificates.zip", want: codes{see, ok, ok, ok, no, no}},
	{route: "GET /trainings/:id/certificates/:file", want: codes{see, ok, ok, ok, no, no}},
	// Issuing is a POST for editors; downloads only hand out what is issued.
	{route: "POST /trainings/:id/certificates/issue", want: codes{see, see, see, no, no, no}},
	{route: "POST /certificates/:cid/revoke", want: codes{see, inv, inv, no, no, no}},
	{route: "POST /certificates/:cid/reinstate", want: codes{see, see, see, no, no, no}},
}

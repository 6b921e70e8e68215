package webtest

import (
	"fmt"
	"strings"
)

// RouteAddress turns a route's path, as the router lists it
// ("/trainings/:id/sessions/:sid/edit"), into an address whose parameters
// are placeholders named after the objects they stand for
// ("/trainings/{T}/sessions/{S}/edit"), by the parameter's name or the
// segment before it; the wildcard of "/assets/*" is {ASSET}. A parameter
// it does not know is an error, so that a new kind of route decides its
// placeholder here, once, for every test that walks the router: the access
// table and the browser's accessibility walk.
func RouteAddress(pattern string) (string, error) {
	segs := strings.Split(pattern, "/")
	for i, s := range segs {
		prev := ""
		if i > 0 {
			prev = segs[i-1]
		}
		switch {
		case s == "*":
			segs[i] = "{ASSET}"
		case strings.HasPrefix(s, ":"):
			key := paramObject(prev, s[1:])
			if key == "" {
				return "", fmt.Errorf("%s: no placeholder is known for :%s after %q", pattern, s[1:], prev)
			}
			segs[i] = "{" + key + "}"
		}
	}
	return strings.Join(segs, "/"), nil
}

// paramObject names the placeholder of parameter name after segment prev.
func paramObject(prev, name string) string {
	byName := map[string]string{"sid": "S", "rid": "R", "cid": "C", "uid": "U", "mid": "M", "iid": "IND", "code": "CODE", "qid": "QZ", "eid": "E"}
	if k, found := byName[name]; found {
		return k
	}
	byPrev := map[string]map[string]string{
		"id": {"trainings": "T", "sessions": "S", "users": "USER", "persons": "P", "jobs": "J", "donors": "DONOR",
			"projects": "PROJECT", "agencies": "AGENCY", "stations": "STATION", "thematic": "THEMATIC",
			"tokens": "TOKEN", "messages": "MSG", "letters": "LTR"},
		"file":  {"certificates": "F", "export": "CSV"},
		"token": {"calendar": "FEED", "q": "QT"},
	}
	return byPrev[name][prev]
}

// FillAddress replaces the {PLACEHOLDERS} of address with their values;
// a placeholder without one is an error.
func FillAddress(address string, values map[string]string) (string, error) {
	out := address
	for {
		i := strings.Index(out, "{")
		if i < 0 {
			return out, nil
		}
		j := strings.Index(out[i:], "}")
		if j < 0 {
			return "", fmt.Errorf("%s: unclosed placeholder", address)
		}
		key := out[i+1 : i+j]
		v, found := values[key]
		if !found {
			return "", fmt.Errorf("%s: no value for {%s}", address, key)
		}
		out = out[:i] + v + out[i+j+1:]
	}
}

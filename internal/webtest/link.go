package webtest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// Network is the state of the network between a browser and the server.
type Network int

// The states a link can be in.
const (
	// NetworkUp serves every request.
	NetworkUp Network = iota
	// NetworkDown drops every connection without an answer, as a dead
	// network does.
	NetworkDown
	// NetworkHang accepts requests and answers none while it lasts, as a
	// Wi-Fi with no route behind it ("lie-fi") does. When the state
	// changes, the held requests are served (up) or dropped (down).
	NetworkHang
)

// Link is one way into the test server, with a network of its own: two
// browsers ("tablets") on two links lose the network separately. Each link
// is its own origin, so each browser has its own service worker and cookies
// there.
type Link struct {
	URL string
	env *Env
	srv *httptest.Server

	mu      sync.Mutex
	state   Network
	paths   map[string]Network // states for the requests under a path
	changed chan struct{}      // closed at every change of state
}

// NewLink opens another link into the application, up; it is closed with
// the test.
func (e *Env) NewLink() *Link {
	l := &Link{env: e, changed: make(chan struct{}), paths: map[string]Network{}}
	l.srv = httptest.NewServer(http.HandlerFunc(l.serve))
	l.URL = l.srv.URL
	e.T.Cleanup(l.srv.Close)
	// Cleanups run last-in first-out: held requests are let go before the
	// server waits for them to finish.
	e.T.Cleanup(func() { l.Set(NetworkDown) })
	return l
}

// Set changes the link's network.
func (l *Link) Set(n Network) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.state = n
	if n == NetworkDown {
		clear(l.paths) // a dead network takes everything; held requests go
	}
	close(l.changed)
	l.changed = make(chan struct{})
}

// SetPath changes the network for the requests whose path starts with
// prefix only, as when one kind of request stops getting answers while the
// rest still does; NetworkUp ends the exception.
func (l *Link) SetPath(prefix string, n Network) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n == NetworkUp {
		delete(l.paths, prefix)
	} else {
		l.paths[prefix] = n
	}
	close(l.changed)
	l.changed = make(chan struct{})
}

func (l *Link) now(path string) (Network, chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for prefix, n := range l.paths {
		if strings.HasPrefix(path, prefix) {
			return n, l.changed
		}
	}
	return l.state, l.changed
}

func (l *Link) serve(w http.ResponseWriter, r *http.Request) {
	state, changed := l.now(r.URL.Path)
	for state == NetworkHang {
		select {
		case <-changed:
		case <-r.Context().Done():
			return
		}
		state, changed = l.now(r.URL.Path)
	}
	if state == NetworkDown {
		// Drop the connection without an answer, as a dead network does.
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		http.Error(w, "network down", http.StatusServiceUnavailable)
		return
	}
	l.env.mu.Lock()
	l.env.hits = append(l.env.hits, r.Method+" "+r.URL.Path)
	l.env.mu.Unlock()
	l.env.Server.ServeHTTP(w, r)
}

// Package proctest runs traindesk as real server processes for tests:
// started, killed with SIGKILL at any moment, restarted, and several at
// once on one database. The process is the test binary itself, started
// again with an environment switch that makes its TestMain serve instead
// of testing (see ServeChild), so no separate build is needed.
//
// It also holds what the tests do to those servers from outside: HTTP
// clients that sign in as a browser does (client.go), roll-call tablets
// that keep their unacknowledged marks and send them again as the page
// does (tablet.go), and the crash test that kills a server under load and
// checks what it acknowledged (crash.go, checks.go).
package proctest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// childVar is the environment switch that makes a test binary serve.
const childVar = "TRAINDESK_PROCTEST_CHILD"

// ServeChild, called first in a test package's TestMain, turns the
// process into the server when Start launched it, and exits with serve's
// code; otherwise it returns at once. serve is app.Main with the
// process's environment (this package may not build the application
// itself: only the entry points do).
func ServeChild(serve func(ctx context.Context, args []string) int) {
	if os.Getenv(childVar) != "1" {
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := serve(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// Server is one traindesk process serving on Addr.
type Server struct {
	Addr string
	t    testing.TB
	vars map[string]string
	log  string // the file its output goes to, kept across restarts

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan error
}

// FreeAddr returns a loopback address no one listens on.
func FreeAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// Start runs `traindesk serve` in a new process with vars as its only
// TRAINDESK_ settings (TRAINDESK_ADDR is added when missing) and waits
// until it answers /healthz. The process is killed when the test ends.
func Start(t testing.TB, vars map[string]string) *Server {
	t.Helper()
	v := map[string]string{"TRAINDESK_LOG_LEVEL": "warn"}
	for k, x := range vars {
		v[k] = x
	}
	if v["TRAINDESK_ADDR"] == "" {
		v["TRAINDESK_ADDR"] = FreeAddr(t)
	}
	s := &Server{Addr: v["TRAINDESK_ADDR"], t: t, vars: v, log: filepath.Join(t.TempDir(), "server.log")}
	t.Cleanup(func() { s.Kill() })
	s.Restart()
	return s
}

// URL is the server's base URL.
func (s *Server) URL() string { return "http://" + s.Addr }

// Restart starts the process again (after Kill or Stop) and waits until it
// serves.
func (s *Server) Restart() {
	s.t.Helper()
	if err := s.launch(); err != nil {
		s.t.Fatal(err)
	}
	if err := s.WaitServing(time.Minute); err != nil {
		s.Kill()
		s.t.Fatalf("%v\n%s", err, s.Log())
	}
}

// launch starts the process without waiting for it to serve.
func (s *Server) launch() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(s.log, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, "serve")
	cmd.Stdout, cmd.Stderr = out, out
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TRAINDESK_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	for k, x := range s.vars {
		cmd.Env = append(cmd.Env, k+"="+x)
	}
	cmd.Env = append(cmd.Env, childVar+"=1")
	if err := cmd.Start(); err != nil {
		out.Close()
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait(); out.Close() }()
	s.mu.Lock()
	s.cmd, s.done = cmd, done
	s.mu.Unlock()
	return nil
}

// WaitServing waits up to d until the server answers /healthz with 200,
// and fails at once when the process exits.
func (s *Server) WaitServing(d time.Duration) error {
	s.mu.Lock()
	done := s.done
	s.mu.Unlock()
	c := &http.Client{Timeout: 2 * time.Second}
	for deadline := time.Now().Add(d); time.Now().Before(deadline); {
		select {
		case err := <-done:
			done <- err
			return fmt.Errorf("the server exited before it served: %v", err)
		case <-time.After(30 * time.Millisecond):
		}
		if res, err := c.Get(s.URL() + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return fmt.Errorf("the server did not answer /healthz within %s", d)
}

// Kill ends the process with SIGKILL, as a power cut ends a program
// (without the operating system's crash), and waits for it to be gone.
func (s *Server) Kill() { s.signal(syscall.SIGKILL) }

// Stop asks the process to stop (SIGTERM) and waits for it; it fails the
// test unless the process exits cleanly.
func (s *Server) Stop() {
	s.t.Helper()
	if err := s.signal(syscall.SIGTERM); err != nil {
		s.t.Fatalf("the server did not stop cleanly: %v\n%s", err, s.Log())
	}
}

// signal sends sig and returns how the process ended (nil when it was not
// running).
func (s *Server) signal(sig syscall.Signal) error {
	s.mu.Lock()
	cmd, done := s.cmd, s.done
	s.cmd, s.done = nil, nil
	s.mu.Unlock()
	if cmd == nil {
		return nil
	}
	cmd.Process.Signal(sig)
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		return fmt.Errorf("still running a minute after %v: %w", sig, <-done)
	}
}

// Log returns the end of what the server printed, for a failure message.
func (s *Server) Log() string {
	b, _ := os.ReadFile(s.log)
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(bytes.TrimSpace(b))
}

// Command traindesk runs the traindesk web application and its
// administration commands. All the work is in internal/app; main only turns
// the process's arguments, environment and signals into one call.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // the venues' time zone must resolve on machines without zoneinfo

	"github.com/traindesk/traindesk/internal/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := app.Main(ctx, app.Env{Args: os.Args[1:], Getenv: os.Getenv, Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	os.Exit(code)
}

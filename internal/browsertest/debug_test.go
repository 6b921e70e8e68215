package browsertest_test

import (
	"context"
	"fmt"
	"os"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// logConsole prints the page's console and uncaught errors (debugging aid).
func logConsole(ctx context.Context) {
	if os.Getenv("TRAINDESK_DEBUG") == "" {
		return
	}
	chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			for _, a := range e.Args {
				fmt.Fprintf(os.Stderr, "console %s: %s\n", e.Type, a.Value)
			}
		case *runtime.EventExceptionThrown:
			fmt.Fprintf(os.Stderr, "exception: %s %v\n", e.ExceptionDetails.Text, e.ExceptionDetails.Exception.Description)
		}
	})
}

package browsertest_test

import (
	"os"
	"testing"

	"github.com/traindesk/traindesk/internal/browsertest"
)

// TestMain stops the Chromium the tests share once they are done.
func TestMain(m *testing.M) { os.Exit(browsertest.Main(m)) }

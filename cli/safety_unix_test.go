//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Regression (issue 11): a named pipe or /dev/zero named on the command
// line hung iiscfg or ate all memory.
func TestNonRegularInputsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "web.config")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, args := range [][]string{{"lint", fifo}, {"migrate", fifo}, {"diff", fifo, "/dev/zero"}, {"lint", "/dev/urandom"}} {
		done := make(chan result, 1)
		go func() { done <- runCLI(t, args...) }()
		select {
		case r := <-done:
			if r.code != ExitInput || !strings.Contains(r.stderr, "not a regular file; not read") {
				t.Errorf("%q: exit %d, %s", args, r.code, r.stderr)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%q hangs", args)
		}
	}
}

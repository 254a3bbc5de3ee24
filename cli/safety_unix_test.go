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

// Regression (review R11): a parent web.config that is a named pipe was
// left out of a file's chain silently, where a too-large one is noted. It
// is noted the same way, whether the file is named, its folder is named or
// the tree is walked, and never blocks.
func TestFIFOParentNoted(t *testing.T) {
	dir := writeTree(t, map[string]string{".git/HEAD": "ref: refs/heads/main\n", "Views/web.config": cleanConfig})
	if err := syscall.Mkfifo(filepath.Join(dir, "web.config"), 0o644); err != nil {
		t.Skip(err)
	}
	t.Chdir(dir)
	for _, args := range [][]string{{"lint", "--no-config", "Views/web.config"}, {"lint", "--no-config", "Views"}, {"lint", "--no-config", "--no-gitignore", "."}} {
		done := make(chan result, 1)
		go func() { done <- runCLI(t, args...) }()
		select {
		case r := <-done:
			if r.code != ExitOK || !strings.Contains(r.stderr, "web.config: read for context but cannot be read (is a named pipe (FIFO), not a regular file; not read)") {
				t.Errorf("%q: exit %d, %s", args, r.code, r.stderr)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%q hangs", args)
		}
	}
}

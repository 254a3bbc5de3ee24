//go:build windows

package safefile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWriteWhileHeldOpen: a virus scanner or an editor holding web.config
// open (Go, like most programs, opens without FILE_SHARE_DELETE) delays the
// replace; one that does not let go fails it with the file intact.
func TestWriteWhileHeldOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "web.config")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}

	held, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	go func() { time.Sleep(150 * time.Millisecond); held.Close() }()
	if _, err := WriteFileAtomic(path, []byte("new"), Options{Backup: ".bak"}); err != nil {
		t.Fatalf("a file held for 150 ms: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	if b, _ := os.ReadFile(path + ".bak"); string(b) != "old" {
		t.Errorf("backup %q", b)
	}

	defer func(d time.Duration) { renameRetryFor = d }(renameRetryFor)
	renameRetryFor = 300 * time.Millisecond
	held, err = os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if _, err := WriteFileAtomic(path, []byte("newer"), Options{}); err == nil {
		t.Fatal("a file held open all along was replaced")
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content after a failed write %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "web.config" && e.Name() != "web.config.bak" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestWriteReadOnlyAttribute: the read-only attribute is Windows' read-only mode.
func TestWriteReadOnlyAttribute(t *testing.T) {
	path := filepath.Join(t.TempDir(), "web.config")
	if err := os.WriteFile(path, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFileAtomic(path, []byte("new"), Options{}); err != ErrReadOnly {
		t.Errorf("got %v, want ErrReadOnly", err)
	}
}

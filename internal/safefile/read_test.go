//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe, /dev/zero or /dev/urandom would hang the reader or fill
// its memory: they are refused at once.
func TestReadRefusesNonRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "web.config")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{fifo: "is a named pipe (FIFO), not a regular file", "/dev/zero": "is a character device", t.TempDir(): "is a directory"}
	for path, want := range cases {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(path, DefaultMaxSize); done <- err }()
		select {
		case err := <-done:
			var nr *NotRegularError
			if !errors.As(err, &nr) || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: err %v, want %q", path, err, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: reading hangs", path)
		}
	}
}

func TestReadSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "web.config")
	if err := os.WriteFile(path, []byte(strings.Repeat("x", 3000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(path, 3000); err != nil || len(data) != 3000 {
		t.Errorf("at the limit: %d %v", len(data), err)
	}
	_, err := ReadFile(path, 2048)
	var tl *TooLargeError
	if !errors.As(err, &tl) || err.Error() != "is 2.9 KiB, larger than the 2 KiB limit; not read" {
		t.Errorf("err %v", err)
	}
	if _, err := ReadAll(strings.NewReader(strings.Repeat("x", 2049)), 2048); err == nil || err.Error() != "is larger than the 2 KiB limit; not read" {
		t.Errorf("stream: %v", err)
	}
	if data, err := ReadAll(strings.NewReader("abc"), 2048); err != nil || string(data) != "abc" {
		t.Errorf("stream: %q %v", data, err)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{64 << 20: "64 MiB", 70<<20 + 1<<19: "70.5 MiB", 1024: "1 KiB", 1536: "1.5 KiB", 12: "12 bytes"} {
		if got := FormatSize(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

// The direct read gives the errors os.ReadFile gives: the messages of a
// missing or unreadable file stay the same, and errors.Is still knows them.
func TestReadErrorsAsOS(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked.config")
	if err := os.WriteFile(locked, []byte("<configuration/>"), 0o000); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(dir, "missing.config"), filepath.Join(dir, "missing", "web.config"), locked} {
		_, want := os.ReadFile(path)
		if want == nil {
			continue // run as root: the file is readable
		}
		_, err := ReadFile(path, DefaultMaxSize)
		if err == nil || err.Error() != want.Error() {
			t.Errorf("%s: err %v, want %v", path, err, want)
		}
		for _, target := range []error{os.ErrNotExist, os.ErrPermission} {
			if errors.Is(err, target) != errors.Is(want, target) {
				t.Errorf("%s: errors.Is(%v) differs from os.ReadFile's", path, target)
			}
		}
	}
	// A file larger than one read of the kernel's is read whole.
	path := filepath.Join(dir, "web.config")
	if err := os.WriteFile(path, []byte(strings.Repeat("y", 300000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(path, DefaultMaxSize); err != nil || len(data) != 300000 {
		t.Errorf("read %d bytes, %v", len(data), err)
	}
}

//go:build unix

package dirlist

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadAgreesWithOS lists folders of every entry kind, and one large
// enough to take several reads, as os.ReadDir does.
func TestReadAgreesWithOS(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("web.config")
	write("Web.Release.config")
	write("ünïcode — name.config")
	if err := os.Mkdir(filepath.Join(dir, "Views"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("Views", filepath.Join(dir, "link-to-dir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("missing", filepath.Join(dir, "dangling")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Log("no FIFO:", err)
	}
	big := filepath.Join(dir, "big")
	if err := os.Mkdir(big, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3000; i++ {
		name := fmt.Sprintf("app%05d-with-a-longer-name-to-fill-the-buffer", 2999-i)
		if i%2 == 0 {
			if err := os.Mkdir(filepath.Join(big, name), 0o755); err != nil {
				t.Fatal(err)
			}
		} else if err := os.WriteFile(filepath.Join(big, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{dir, big, filepath.Join(dir, "Views")} {
		got, err := Read(d)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d entries, os.ReadDir has %d", d, len(got), len(want))
		}
		for i := range want {
			if got[i].Name != want[i].Name() || got[i].Type != want[i].Type() || got[i].IsDir() != want[i].IsDir() {
				t.Errorf("%s: entry %d is %q %v, os.ReadDir has %q %v", d, i, got[i].Name, got[i].Type, want[i].Name(), want[i].Type())
			}
		}
	}
}

// TestReadErrors gives the errors of os.ReadDir for a missing folder,
// and refuses a file.
func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	_, got := Read(missing)
	_, want := os.ReadDir(missing)
	if got == nil || got.Error() != want.Error() || !errors.Is(got, fs.ErrNotExist) {
		t.Errorf("missing folder: %v, os.ReadDir: %v", got, want)
	}
	file := filepath.Join(dir, "web.config")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(file); !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("a file: %v, want ENOTDIR", err)
	}
}

//go:build linux && (amd64 || arm64)

package dirlist

import (
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// record is one linux_dirent64 as the kernel writes it, padded to 8 bytes.
func record(ino uint64, typ byte, name string) []byte {
	n := (19 + len(name) + 1 + 7) &^ 7
	b := make([]byte, n)
	binary.LittleEndian.PutUint64(b[0:], ino)
	binary.LittleEndian.PutUint16(b[16:], uint16(n))
	b[18] = typ
	copy(b[19:], name)
	return b
}

// A file system that does not give entry types (DT_UNKNOWN) has them
// found by lstat; an entry removed since is left out, as are "." and
// "..". An inode number of 0 is a file like any other (FUSE file systems
// give it), as for os.ReadDir.
func TestAppendEntriesUnknownTypes(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "Views"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "web.config"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("Views", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for _, r := range [][]byte{
		record(1, unix.DT_DIR, "."),
		record(2, unix.DT_DIR, ".."),
		record(3, unix.DT_UNKNOWN, "Views"),
		record(4, unix.DT_UNKNOWN, "web.config"),
		record(5, unix.DT_UNKNOWN, "link"),
		record(6, unix.DT_UNKNOWN, "gone"),
		record(0, unix.DT_REG, "inode-zero"),
		record(7, unix.DT_FIFO, "fifo"),
	} {
		buf = append(buf, r...)
	}
	got, err := appendEntries(nil, dir, buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{"Views", fs.ModeDir}, {"web.config", 0}, {"link", fs.ModeSymlink}, {"inode-zero", 0}, {"fifo", fs.ModeNamedPipe}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: %v, want %v", i, got[i], want[i])
		}
	}
}

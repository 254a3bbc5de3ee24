//go:build linux && (amd64 || arm64)

package dirlist

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/iiscfg/iiscfg/internal/rawcall"
)

// Read lists dir, sorted by name, with the errors os.ReadDir gives. The
// folder is read with getdents64 into a pooled buffer, without os.File
// (its poller registration and per-entry objects were a third of a
// walk's allocations) and without telling the Go scheduler of the system
// calls until one is interrupted (package rawcall says why).
func Read(dir string) ([]Entry, error) {
	fd, err := open(dir)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	defer rawcall.Syscall(unix.SYS_CLOSE, uintptr(fd), 0, 0)
	bufp := buffers.Get().(*[]byte)
	defer buffers.Put(bufp)
	buf := *bufp
	var out []Entry
	for {
		n, err := getdents(fd, buf)
		if err != nil {
			sortByName(out) // the entries read before the error, as os.ReadDir gives them
			return out, &fs.PathError{Op: "readdirent", Path: dir, Err: err}
		}
		if n == 0 {
			break
		}
		if out, err = appendEntries(out, dir, buf[:n]); err != nil {
			sortByName(out)
			return out, err
		}
	}
	sortByName(out)
	return out, nil
}

func sortByName(es []Entry) {
	slices.SortFunc(es, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
}

// buffers holds getdents64 buffers; 32 KiB takes about 1,000 entries a call.
var buffers = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// atFDCWD is unix.AT_FDCWD (-100) as a variable: a negative constant
// cannot be converted to uintptr.
var atFDCWD = unix.AT_FDCWD

func open(dir string) (int, error) {
	p, err := unix.BytePtrFromString(dir)
	if err != nil {
		return -1, err
	}
	for {
		fd, errno := rawcall.Syscall6(unix.SYS_OPENAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(p)),
			uintptr(unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NONBLOCK|unix.O_CLOEXEC), 0, 0, 0)
		switch errno {
		case 0:
			return int(fd), nil
		case unix.EINTR:
			continue
		}
		return -1, errno
	}
}

func getdents(fd int, buf []byte) (int, error) {
	for {
		n, errno := rawcall.Syscall(unix.SYS_GETDENTS64, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(buf))), uintptr(len(buf)))
		switch errno {
		case 0:
			return int(n), nil
		case unix.EINTR:
			continue
		}
		return 0, errno
	}
}

// appendEntries parses linux_dirent64 records: inode (8 bytes), offset
// (8), record length (2), type (1), then the name and a NUL.
func appendEntries(out []Entry, dir string, b []byte) ([]Entry, error) {
	const nameOff = 19
	for len(b) >= nameOff {
		reclen := int(b[16]) | int(b[17])<<8
		if reclen < nameOff || reclen > len(b) {
			break // not a record: the kernel never writes one
		}
		rec := b[:reclen]
		b = b[reclen:]
		name := rec[nameOff:]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		// An inode number of 0 is a real file on some file systems (FUSE,
		// old XFS): os.ReadDir keeps it too (golang/go#76428).
		if string(name) == "." || string(name) == ".." {
			continue
		}
		e := Entry{Name: string(name)}
		switch rec[18] {
		case unix.DT_DIR:
			e.Type = fs.ModeDir
		case unix.DT_REG:
		case unix.DT_LNK:
			e.Type = fs.ModeSymlink
		case unix.DT_FIFO:
			e.Type = fs.ModeNamedPipe
		case unix.DT_SOCK:
			e.Type = fs.ModeSocket
		case unix.DT_CHR:
			e.Type = fs.ModeDevice | fs.ModeCharDevice
		case unix.DT_BLK:
			e.Type = fs.ModeDevice
		default: // the file system does not say: ask, as os.ReadDir does
			fi, err := os.Lstat(dir + "/" + e.Name)
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					continue // removed since: os.ReadDir leaves it out too
				}
				return out, err
			}
			e.Type = fi.Mode().Type()
		}
		out = append(out, e)
	}
	return out, nil
}

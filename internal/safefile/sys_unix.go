//go:build unix

package safefile

import (
	"io"
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

const (
	openNonblock = syscall.O_NONBLOCK // a named pipe with no writer is opened, not waited for
	openNofollow = syscall.O_NOFOLLOW
)

// canWrite asks the kernel whether the effective user may write path:
// the mode bits alone miss ACLs, read-only mounts and who the user is.
func canWrite(path string) error {
	return unix.Faccessat(unix.AT_FDCWD, path, unix.W_OK, unix.AT_EACCESS)
}

// copyOwnerAndMode gives f the owner, group and mode (setuid, setgid and
// sticky bits included) of the file described by from. The owner comes
// first: chown clears the setuid and setgid bits.
func copyOwnerAndMode(f *os.File, from fs.FileInfo) error {
	want, ok := from.Sys().(*syscall.Stat_t)
	if !ok {
		return f.Chmod(from.Mode().Perm())
	}
	var have syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &have); err != nil {
		return err
	}
	if have.Uid != want.Uid || have.Gid != want.Gid {
		if err := unix.Fchown(int(f.Fd()), int(want.Uid), int(want.Gid)); err != nil {
			return &OwnerError{UID: int(want.Uid), GID: int(want.Gid), Err: err}
		}
	}
	return unix.Fchmod(int(f.Fd()), uint32(want.Mode)&0o7777)
}

func linkCount(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// version identifies one state of a file: a rename, an edit in place or a
// touch all change it.
type version struct {
	dev, ino     uint64
	size         int64
	mtime, ctime unix.Timespec
}

func versionFrom(st *unix.Stat_t) version {
	return version{dev: uint64(st.Dev), ino: uint64(st.Ino), size: st.Size, mtime: st.Mtim, ctime: st.Ctim}
}

func fileVersion(f *os.File) (version, error) {
	var st unix.Stat_t
	err := unix.Fstat(int(f.Fd()), &st)
	return versionFrom(&st), err
}

func pathVersion(path string) (version, error) {
	var st unix.Stat_t
	err := unix.Lstat(path, &st)
	return versionFrom(&st), err
}

// lockFile marks a temporary file as in use; the lock goes with the
// process, so the file of a killed run is free.
func lockFile(f *os.File) { _ = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) }

// tryLockFile reports whether nobody holds f's lock.
func tryLockFile(f *os.File) bool {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil
}

// readRegular reads a regular file in five system calls (open, fstat, a
// read, the read that finds the end, close), without the os.File around
// them: a lint of 10,000 files spent a tenth of its time in system calls,
// and os.File adds a poller registration, which fails for a regular
// file, to each. The calls themselves are in sys_raw.go.
// done is false where the platform has no such read (see sys_other.go).
func readRegular(path string, limit int64) (data []byte, done bool, err error) {
	fd, err := retryEINTR(func() (int, error) { return openForRead(path) })
	if err != nil {
		return nil, true, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer closeFd(fd)
	var st unix.Stat_t
	if err := fstatFd(fd, &st); err != nil {
		return nil, true, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if kind := st.Mode & unix.S_IFMT; kind != unix.S_IFREG {
		// Refused from this fstat: opening it again could have effects
		// (a device) or find another file.
		return nil, true, &NotRegularError{Kind: describeKind(modeOfKind(uint32(kind)))}
	}
	if st.Size > limit {
		return nil, true, &TooLargeError{Size: st.Size, Limit: limit}
	}
	data, err = readLimited(fdReader{fd: fd, path: path}, st.Size, limit)
	return data, true, err
}

// modeOfKind is the fs.FileMode type bits of a stat's S_IFMT bits.
func modeOfKind(kind uint32) fs.FileMode {
	switch kind {
	case unix.S_IFDIR:
		return fs.ModeDir
	case unix.S_IFIFO:
		return fs.ModeNamedPipe
	case unix.S_IFSOCK:
		return fs.ModeSocket
	case unix.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case unix.S_IFBLK:
		return fs.ModeDevice
	case unix.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}

// fdReader reads a file descriptor as an io.Reader.
type fdReader struct {
	fd   int
	path string
}

func (r fdReader) Read(p []byte) (int, error) {
	n, err := retryEINTR(func() (int, error) { return readFd(r.fd, p) })
	switch {
	case err != nil:
		return 0, &fs.PathError{Op: "read", Path: r.path, Err: err}
	case n == 0 && len(p) > 0:
		return 0, io.EOF
	}
	return n, nil
}

func retryEINTR(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if err != unix.EINTR {
			return n, err
		}
	}
}

//go:build linux && (amd64 || arm64)

package safefile

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// The calls of readRegular, made without telling the Go scheduler. A
// system call made the usual way marks the goroutine's thread as in a
// call; one that lasts past a tick of the runtime's monitor has its
// processor handed to another thread, which wakes, finds nothing to do
// and sleeps again. Reads of the lint's files are copies from the page
// cache of a few kilobytes: at 10,000 files those hand-offs kept the
// monitor polling every 20 µs (24,000 sleeps, 6,000 futex calls) and cost
// 3–5% of the run. A read that waits for a disk holds its processor
// until the disk answers, as a busy goroutine would; the lint has one
// worker per processor anyway.

func openForRead(path string) (int, error) {
	p, err := unix.BytePtrFromString(path)
	if err != nil {
		return -1, err
	}
	fd, _, errno := unix.RawSyscall6(unix.SYS_OPENAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(p)),
		uintptr(unix.O_RDONLY|unix.O_NONBLOCK|unix.O_CLOEXEC), 0, 0, 0)
	if errno != 0 {
		return -1, errno
	}
	return int(fd), nil
}

// atFDCWD is unix.AT_FDCWD (-100) as a variable: a negative constant
// cannot be converted to uintptr.
var atFDCWD = unix.AT_FDCWD

func fstatFd(fd int, st *unix.Stat_t) error {
	if _, _, errno := unix.RawSyscall(unix.SYS_FSTAT, uintptr(fd), uintptr(unsafe.Pointer(st)), 0); errno != 0 {
		return errno
	}
	return nil
}

func readFd(fd int, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, _, errno := unix.RawSyscall(unix.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(p))), uintptr(len(p)))
	if errno != 0 {
		return 0, errno
	}
	return int(n), nil
}

func closeFd(fd int) { unix.RawSyscall(unix.SYS_CLOSE, uintptr(fd), 0, 0) }

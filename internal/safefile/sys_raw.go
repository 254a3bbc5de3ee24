//go:build linux && (amd64 || arm64)

package safefile

import (
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/iiscfg/iiscfg/internal/rawcall"
)

// The calls of readRegular, made without telling the Go scheduler until
// one is interrupted: package rawcall says why.

func openForRead(path string) (int, error) {
	p, err := unix.BytePtrFromString(path)
	if err != nil {
		return -1, err
	}
	fd, errno := rawcall.Syscall6(unix.SYS_OPENAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(p)),
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
	if _, errno := rawcall.Syscall(unix.SYS_FSTAT, uintptr(fd), uintptr(unsafe.Pointer(st)), 0); errno != 0 {
		return errno
	}
	return nil
}

func readFd(fd int, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, errno := rawcall.Syscall(unix.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(p))), uintptr(len(p)))
	if errno != 0 {
		return 0, errno
	}
	return int(n), nil
}

func closeFd(fd int) { rawcall.Syscall(unix.SYS_CLOSE, uintptr(fd), 0, 0) }

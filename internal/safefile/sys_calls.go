//go:build unix && !(linux && (amd64 || arm64))

package safefile

import "golang.org/x/sys/unix"

// The calls of readRegular, made the usual way (sys_raw.go says why
// linux/amd64 and linux/arm64 do otherwise).

func openForRead(path string) (int, error) {
	return unix.Open(path, unix.O_RDONLY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
}

func fstatFd(fd int, st *unix.Stat_t) error { return unix.Fstat(fd, st) }

func readFd(fd int, p []byte) (int, error) { return unix.Read(fd, p) }

func closeFd(fd int) { unix.Close(fd) }

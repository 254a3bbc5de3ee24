//go:build linux

package rawcall

import (
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// A raw call interrupted (as a slow FUSE open is by the runtime's
// preemption signal) is made again the usual way, and so is every call
// after it: retrying raw calls was interrupted again, without end.
func TestInterruptedRawCallsBecomeUsualCalls(t *testing.T) {
	defer func(f func(trap, a1, a2, a3, a4, a5, a6 uintptr) (uintptr, uintptr, unix.Errno)) {
		rawSyscall6 = f
		interrupted.Store(false)
	}(rawSyscall6)
	raw := 0
	rawSyscall6 = func(trap, a1, a2, a3, a4, a5, a6 uintptr) (uintptr, uintptr, unix.Errno) {
		raw++
		return 0, 0, unix.EINTR
	}
	path := filepath.Join(t.TempDir(), "web.config")
	if err := os.WriteFile(path, []byte("<configuration/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, _ := unix.BytePtrFromString(path)
	atFDCWD := unix.AT_FDCWD
	for i := 0; i < 3; i++ {
		fd, errno := Syscall6(unix.SYS_OPENAT, uintptr(int64(atFDCWD)), uintptr(unsafe.Pointer(p)), uintptr(unix.O_RDONLY|unix.O_CLOEXEC), 0, 0, 0)
		if errno != 0 {
			t.Fatalf("open %d: %v", i, errno)
		}
		Syscall(unix.SYS_CLOSE, fd, 0, 0)
	}
	if raw != 1 || !interrupted.Load() {
		t.Errorf("%d raw calls after an interruption, want 1 and then none", raw)
	}
}

//go:build linux

// Package rawcall makes the system calls of lint's reads and walk
// without telling the Go scheduler, until one is interrupted.
//
// A system call made the usual way marks its goroutine's thread as in a
// call; one that outlasts a tick of the runtime's monitor has its
// processor handed to another thread, which wakes, finds nothing to do
// and sleeps again. Lint's calls are mostly copies from the kernel's
// caches: at 10,000 files those hand-offs kept the monitor polling every
// 20 µs (24,000 sleeps, 6,000 futex calls) and cost 3–5% of the run.
//
// The runtime takes a goroutine in a raw call for a busy one, and after
// about 10 ms asks it to yield with a signal. A file system that lets
// signals interrupt a slow call (a FUSE one, say) then fails it with
// EINTR, and a retry is interrupted again, without end. So the first
// EINTR of a raw call makes every later call, that one's retry included,
// the usual kind, for the rest of the run. A call that waits on a disk
// that does not let signals interrupt it holds its processor until it
// returns, as a busy goroutine would: lint has one worker per processor.
package rawcall

import (
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// interrupted is set by the first raw call that returned EINTR.
var interrupted atomic.Bool

// rawSyscall6 is unix.RawSyscall6; tests replace it.
var rawSyscall6 = unix.RawSyscall6

// Syscall6 makes the call trap with its arguments, raw until a raw call
// was interrupted. EINTR is returned for the caller to retry.
func Syscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (uintptr, unix.Errno) {
	if !interrupted.Load() {
		r, _, errno := rawSyscall6(trap, a1, a2, a3, a4, a5, a6)
		if errno != unix.EINTR {
			return r, errno
		}
		interrupted.Store(true)
	}
	r, _, errno := unix.Syscall6(trap, a1, a2, a3, a4, a5, a6)
	return r, errno
}

// Syscall is Syscall6 with three arguments.
func Syscall(trap, a1, a2, a3 uintptr) (uintptr, unix.Errno) {
	return Syscall6(trap, a1, a2, a3, 0, 0, 0)
}

//go:build windows

package safefile

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// releaseBeforeRename closes the temporary file: Go opens files on Windows
// without FILE_SHARE_DELETE, so a file still open here could be neither
// renamed nor removed. (There is no lock to keep: lockFile does nothing
// on Windows.)
func releaseBeforeRename(f *os.File) { f.Close() }

// Windows errors that another process holding the file causes: an editor,
// a virus scanner or an indexer opening web.config without FILE_SHARE_DELETE.
const (
	errorAccessDenied     syscall.Errno = 5
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
)

// renameRetryFor is how long a rename over a file that another process
// holds open is retried; scanners let go within milliseconds.
var renameRetryFor = 2 * time.Second

// renameReplacing renames old over new. os.Rename is MoveFileEx with
// MOVEFILE_REPLACE_EXISTING, which replaces new in one step; it fails while
// another process has new open, so that is retried for a short while.
func renameReplacing(old, new string) error {
	deadline := time.Now().Add(renameRetryFor)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := os.Rename(old, new)
		if err == nil || !heldByAnotherProcess(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

func heldByAnotherProcess(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == errorAccessDenied || errno == errorSharingViolation || errno == errorLockViolation)
}

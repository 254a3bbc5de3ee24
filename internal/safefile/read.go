// Package safefile reads and writes the user's files so that nothing can
// hang, exhaust memory, be lost or leak: inputs are regular files of a
// bounded size; a write replaces a file atomically, keeps its owner and
// mode, refuses when the file changed since it was read, and keeps
// backups that are never overwritten and never written through a link.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// DefaultMaxSize is the largest input read unless the caller raises it:
// far above any real configuration file (the largest applicationHost.config
// files are a few MiB), small enough that a mistaken argument cannot eat
// the machine's memory.
const DefaultMaxSize = 64 << 20

// NotRegularError is returned for a named pipe, a device, a socket or a
// directory: reading one could block forever or never end.
type NotRegularError struct{ Kind string }

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("is %s, not a regular file; not read", e.Kind)
}

// TooLargeError is returned for an input above the size limit.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("is larger than the %s limit; not read", FormatSize(e.Limit))
	}
	return fmt.Sprintf("is %s, larger than the %s limit; not read", FormatSize(e.Size), FormatSize(e.Limit))
}

// ReadFile reads a regular file of at most limit bytes. The file is opened
// without blocking, so that a named pipe with no writer is refused instead
// of hanging, and its size is checked before anything is read.
func ReadFile(path string, limit int64) ([]byte, error) {
	if data, done, err := readRegular(path, limit); done {
		return data, err
	}
	return readWithFile(path, limit)
}

// readWithFile is ReadFile through os.File, for every file type.
func readWithFile(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegularError{Kind: describeKind(st.Mode())}
	}
	if st.Size() > limit {
		return nil, &TooLargeError{Size: st.Size(), Limit: limit}
	}
	return readLimited(f, st.Size(), limit)
}

// ReadAll reads a stream (standard input) of at most limit bytes.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	return readLimited(r, 0, limit)
}

// readLimited reads r to its end, refusing more than limit bytes: a file
// may grow while it is read.
func readLimited(r io.Reader, sizeHint, limit int64) ([]byte, error) {
	buf := make([]byte, 0, sizeHint+1)
	data, err := readInto(buf, io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Size: -1, Limit: limit}
	}
	return data, nil
}

func readInto(buf []byte, r io.Reader) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// describeKind names a file type for a message.
func describeKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a regular file"
}

// FormatSize prints a byte count the way the size limit is documented:
// whole MiB or KiB when exact, else one decimal.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

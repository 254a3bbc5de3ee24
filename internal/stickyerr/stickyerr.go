// Package stickyerr wraps a writer so that a report can write line after
// line and check for an error once, at the end.
package stickyerr

import "io"

// Writer remembers the first write error; later writes do nothing.
type Writer struct {
	W   io.Writer
	Err error
}

// New wraps w.
func New(w io.Writer) *Writer { return &Writer{W: w} }

func (e *Writer) Write(p []byte) (int, error) {
	if e.Err != nil {
		return len(p), nil
	}
	n, err := e.W.Write(p)
	e.Err = err
	return n, nil
}

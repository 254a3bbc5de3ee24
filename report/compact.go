package report

import (
	"fmt"
	"io"

	"github.com/iiscfg/iiscfg/internal/stickyerr"
)

// Compact writes one line per finding, "path:line:col: severity: message
// [rule]", and one per input error, "path:line:col: error: message": the
// form editors and problem matchers read.
func Compact(w io.Writer, r *Result, _ Meta) error {
	ew := stickyerr.New(w)
	for _, f := range r.Findings {
		fmt.Fprintf(ew, "%s:%d:%d: %s: %s [%s]\n", f.File, f.Start.Line, f.Start.Column, f.Severity, f.OneLine(), f.Rule.Name)
	}
	for _, e := range r.Errors {
		fmt.Fprintf(ew, "%s: error: %s\n", e.where(), e.Message)
	}
	return ew.Err
}

// where is "file:line:col", "file:line" or "file", as much as is known.
func (e Error) where() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	return e.File
}

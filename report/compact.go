package report

import (
	"fmt"
	"io"

	"github.com/iiscfg/iiscfg/internal/printable"
)

// Compact writes one line per finding, "path:line:col: severity: message
// [rule]", and one per input error, "path:line:col: error: message": the
// form editors and problem matchers read.
func Compact(w io.Writer, r *Result, _ Meta) error {
	return writeAll(NewStream("compact", w, Meta{}, Palette{}, false), r, nil)
}

// where is "file:line:col", "file:line" or "file", as much as is known.
func (e Error) where() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d", printable.Path(e.File), e.Line, e.Column)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d", printable.Path(e.File), e.Line)
	}
	return printable.Path(e.File)
}

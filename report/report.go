// Package report renders lint results: findings and the errors of inputs
// that could not be read or parsed.
package report

import (
	"github.com/iiscfg/iiscfg/validate"
)

// Error is an input that could not be read or parsed. Line and Column are 0
// when the problem has no place in the file (e.g. it cannot be opened).
type Error struct {
	File    string
	Line    int
	Column  int
	Message string
}

// Result is what one lint run found.
type Result struct {
	Findings []validate.Finding
	Errors   []Error
}

// Source gives reports the text of a file's lines, for snippets.
type Source interface {
	Line(file string, n int) (string, bool)
}

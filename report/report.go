// Package report renders lint results: findings and the errors of inputs
// that could not be read or parsed.
package report

import (
	"strings"

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
	// Suppressed are the findings iiscfg-ignore comments suppress (SARIF
	// reports them as suppressed results, with the comment's reason).
	Suppressed []validate.Finding
	// Files are the files that were linted (read and parsed), in report
	// order; JUnit lists the clean ones as passing.
	Files []string
}

// Meta is what some formats say about the run itself.
type Meta struct {
	ToolVersion string           // "v1.2.0", or "(devel)"
	ExitCode    int              // the exit status of the run
	Rules       []*validate.Rule // the rule catalogue (SARIF lists it)
	WorkDir     string           // file paths in SARIF are relative to it
}

// InformationURI is where iiscfg and its rule documentation live.
const InformationURI = "https://github.com/iiscfg/iiscfg"

// RuleHelpURI is the documentation of one rule.
func RuleHelpURI(r *validate.Rule) string {
	return InformationURI + "/blob/main/docs/rules.md#" + RuleAnchor(r)
}

// RuleAnchor is the anchor GitHub gives the heading "CODE name" of
// docs/rules.md: lower case, punctuation other than "-" dropped, spaces
// as "-".
func RuleAnchor(r *validate.Rule) string {
	var b strings.Builder
	for _, c := range strings.ToLower(r.Code + " " + r.Name) {
		switch {
		case c == ' ':
			b.WriteByte('-')
		case c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'):
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Source gives reports the text of a file's lines, for snippets.
type Source interface {
	Line(file string, n int) (string, bool)
}

package report

import (
	"io"

	"github.com/iiscfg/iiscfg/validate"
)

type jsonFinding struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Rule      string `json:"rule"`
	Code      string `json:"code"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	// Justification is the reason of the iiscfg-ignore comment that
	// suppresses the finding (suppressed findings only).
	Justification string `json:"justification,omitempty"`
}

type jsonError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// JSONVersion is the version of the JSON report's layout; it changes only
// when a field changes meaning or goes away.
const JSONVersion = 1

// JSON writes {"version", "tool", "findings": [...], "suppressed": [...],
// "errors": [...]}, every list present even when empty;
// positions are 1-based, columns count characters, and endColumn is
// exclusive.
func JSON(w io.Writer, r *Result, m Meta) error {
	return writeAll(NewStream("json", w, m, Palette{}, false), r, nil)
}

func jsonFindingOf(f validate.Finding) jsonFinding {
	return jsonFinding{
		File: f.File, Line: f.Start.Line, Column: f.Start.Column,
		EndLine: f.End.Line, EndColumn: f.End.Column,
		Rule: f.Rule.Name, Code: f.Rule.Code, Severity: f.Severity.String(), Message: f.OneLine(),
		Justification: f.Justification,
	}
}

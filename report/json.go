package report

import (
	"encoding/json"
	"io"
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
}

type jsonError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
}

// JSON writes {"findings": [...], "errors": [...]}; positions are 1-based,
// columns count characters, and endColumn is exclusive.
func JSON(w io.Writer, r *Result) error {
	out := jsonReport{Findings: []jsonFinding{}, Errors: []jsonError{}}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			File: f.File, Line: f.Start.Line, Column: f.Start.Column,
			EndLine: f.End.Line, EndColumn: f.End.Column,
			Rule: f.Rule.Name, Code: f.Rule.Code, Severity: f.Severity.String(), Message: f.Message,
		})
	}
	for _, e := range r.Errors {
		out.Errors = append(out.Errors, jsonError{File: e.File, Line: e.Line, Column: e.Column, Message: e.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

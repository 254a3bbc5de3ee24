package report

import (
	"encoding/xml"
	"io"
)

// Checkstyle's XML report (the format of checkstyle 4.3 that Jenkins,
// reviewdog and many CI servers read): one <file> per file with findings
// or errors, an <error> per finding; the source names the rule.
type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Checkstyle writes the findings, and the inputs that could not be read or
// parsed (source "iiscfg.input"), as checkstyle XML.
func Checkstyle(w io.Writer, r *Result, _ Meta) error {
	out := checkstyleReport{Version: "4.3"}
	index := map[string]int{}
	file := func(name string) *checkstyleFile {
		i, ok := index[name]
		if !ok {
			i = len(out.Files)
			index[name] = i
			out.Files = append(out.Files, checkstyleFile{Name: name})
		}
		return &out.Files[i]
	}
	for _, f := range r.Findings {
		cf := file(f.File)
		cf.Errors = append(cf.Errors, checkstyleError{Line: f.Start.Line, Column: f.Start.Column,
			Severity: f.Severity.String(), Message: f.OneLine(), Source: "iiscfg." + f.Rule.Name})
	}
	for _, e := range r.Errors {
		cf := file(e.File)
		cf.Errors = append(cf.Errors, checkstyleError{Line: e.Line, Column: e.Column, Severity: "error", Message: e.Message, Source: "iiscfg.input"})
	}
	return writeXML(w, out)
}

// writeXML writes an XML declaration and v, indented, and a final newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

package report

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/iiscfg/iiscfg/internal/ghactions"
	"github.com/iiscfg/iiscfg/validate"
)

// GitHub writes GitHub Actions workflow commands, one per finding
// ("::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message";
// warning and notice by severity) and one ::error per input that could not
// be read or parsed. GitHub shows them as annotations on the pull request.
func GitHub(w io.Writer, r *Result, _ Meta) error {
	for _, f := range r.Findings {
		props := []ghactions.Property{
			{Name: "file", Value: filepath.ToSlash(f.File)}, // GitHub's paths have forward slashes, on Windows runners too
			{Name: "line", Value: fmt.Sprint(f.Start.Line)},
			{Name: "col", Value: fmt.Sprint(f.Start.Column)},
			{Name: "endLine", Value: fmt.Sprint(f.End.Line)},
			{Name: "endColumn", Value: fmt.Sprint(f.End.Column)},
			{Name: "title", Value: f.Rule.Name},
		}
		if err := ghactions.Write(w, githubCommand(f.Severity), props, f.OneLine()); err != nil {
			return err
		}
	}
	for _, e := range r.Errors {
		props := []ghactions.Property{{Name: "file", Value: filepath.ToSlash(e.File)}, {Name: "title", Value: "iiscfg"}}
		if e.Line > 0 {
			props = append(props, ghactions.Property{Name: "line", Value: fmt.Sprint(e.Line)})
		}
		if e.Column > 0 {
			props = append(props, ghactions.Property{Name: "col", Value: fmt.Sprint(e.Column)})
		}
		if err := ghactions.Write(w, "error", props, e.Message); err != nil {
			return err
		}
	}
	return nil
}

func githubCommand(s validate.Severity) string {
	switch s {
	case validate.Error:
		return "error"
	case validate.Warning:
		return "warning"
	}
	return "notice"
}

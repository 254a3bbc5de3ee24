package report

import (
	"io"

	"github.com/iiscfg/iiscfg/validate"
)

// GitHub writes GitHub Actions workflow commands, one per finding
// ("::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message";
// warning and notice by severity) and one ::error per input that could not
// be read or parsed. GitHub shows them as annotations on the pull request.
func GitHub(w io.Writer, r *Result, _ Meta) error {
	return writeAll(NewStream("github", w, Meta{}, Palette{}, false), r, nil)
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

//go:build windows

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/validate"
)

// TestGitHubWindowsPaths: annotations name files with forward slashes,
// which GitHub matches against the repository's paths on any runner.
func TestGitHubWindowsPaths(t *testing.T) {
	r := &Result{
		Files:    []string{`prod\web.config`},
		Findings: []validate.Finding{{File: `prod\web.config`, Start: config.Pos{Line: 1, Column: 2}, End: config.Pos{Line: 1, Column: 3}, Rule: validate.LookupRule("invalid-value"), Severity: validate.Warning, Message: "m"}},
		Errors:   []Error{{File: `dev\web.config`, Line: 1, Column: 1, Message: "broken"}},
	}
	var b bytes.Buffer
	if err := GitHub(&b, r, Meta{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "file=prod/web.config,") || !strings.Contains(b.String(), "file=dev/web.config,") {
		t.Errorf("got:\n%s", b.String())
	}
}

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/validate"
)

func finding(line, col, endLine, endCol int, sev validate.Severity) validate.Finding {
	return validate.Finding{
		File: "web.config", Start: config.Pos{Line: line, Column: col}, End: config.Pos{Line: endLine, Column: endCol},
		Rule: validate.LookupRule("classic-http-modules"), Severity: sev, Message: "m",
	}
}

func TestUnderline(t *testing.T) {
	tests := []struct {
		line string
		f    validate.Finding
		want string
	}{
		// Tabs before the column are kept so the caret lines up.
		{"\t\t<httpModules>", finding(1, 3, 3, 5, validate.Error), "\t\t^~~~~~~~~~~~~"},
		// Columns count characters: é is one column, two bytes.
		{"<a é='1'/><b/>", finding(1, 11, 1, 15, validate.Error), "          ^~~~"},
		// A multi-line element is underlined to the end of its first line.
		{"  <x a='1'   ", finding(1, 3, 2, 1, validate.Error), "  ^~~~~~~~"},
	}
	for _, tc := range tests {
		if got := underline(tc.line, tc.f); got != tc.want {
			t.Errorf("underline(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

func TestSummary(t *testing.T) {
	fs := []validate.Finding{finding(1, 1, 1, 2, validate.Error), finding(2, 1, 2, 2, validate.Warning),
		finding(3, 1, 3, 2, validate.Info), finding(4, 1, 4, 2, validate.Info)}
	if got := summary(fs); got != "4 problems (1 error, 1 warning, 2 infos)" {
		t.Errorf("summary: %q", got)
	}
}

type oneLine string

func (l oneLine) Line(string, int) (string, bool) { return string(l), true }

func TestTextAndErrors(t *testing.T) {
	var out bytes.Buffer
	res := &Result{Findings: []validate.Finding{finding(12, 5, 12, 9, validate.Warning)}}
	if err := Text(&out, res, oneLine("    <add/>"), NewPalette(false)); err != nil {
		t.Fatal(err)
	}
	want := "web.config:12:5: warning: m [classic-http-modules]\n   |\n12 |     <add/>\n   |     ^~~~\n1 problem (1 warning)\n"
	if out.String() != want {
		t.Errorf("got\n%q\nwant\n%q", out.String(), want)
	}
	out.Reset()
	if err := Errors(&out, []Error{{File: "a.config", Message: "permission denied"}, {File: "b.config", Line: 2, Column: 3, Message: "bad"}}, NewPalette(false)); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "iiscfg: a.config: permission denied\niiscfg: b.config:2:3: bad\n" {
		t.Errorf("errors: %q", got)
	}
	if !strings.Contains(func() string {
		var b bytes.Buffer
		_ = Text(&b, res, nil, NewPalette(true))
		return b.String()
	}(), "\x1b[") {
		t.Error("an enabled palette printed no colour")
	}
}

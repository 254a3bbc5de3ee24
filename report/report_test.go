package report

import (
	"bytes"
	"strconv"
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
	var counts [3]int
	for _, f := range fs {
		counts[f.Severity]++
	}
	if got := summary(len(fs), counts); got != "4 problems (1 error, 1 warning, 2 infos)" {
		t.Errorf("summary: %q", got)
	}
}

type oneLine string

func (l oneLine) Line(string, int) (string, bool) { return string(l), true }

func TestTextAndErrors(t *testing.T) {
	var out bytes.Buffer
	res := &Result{Findings: []validate.Finding{finding(12, 5, 12, 9, validate.Warning)}}
	if err := Text(&out, res, oneLine("    <add/>"), NewPalette(false), false); err != nil {
		t.Fatal(err)
	}
	want := "web.config:12:5: warning: m [classic-http-modules]\n   |\n12 |     <add/>\n   |     ^~~~\n1 problem (1 warning); 1 fixable with iiscfg migrate\n"
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
		_ = Text(&b, res, nil, NewPalette(true), false)
		return b.String()
	}(), "\x1b[") {
		t.Error("an enabled palette printed no colour")
	}
}

func TestTextNotesAndHelp(t *testing.T) {
	f := finding(12, 5, 12, 9, validate.Error)
	f.Note, f.Help = "IIS answers 500.22", "run iiscfg migrate"
	var out bytes.Buffer
	if err := Text(&out, &Result{Findings: []validate.Finding{f}}, oneLine("    <add/>"), NewPalette(false), false); err != nil {
		t.Fatal(err)
	}
	want := "web.config:12:5: error: m [classic-http-modules]\n   |\n12 |     <add/>\n   |     ^~~~\n" +
		"   = note: IIS answers 500.22\n   = help: run iiscfg migrate\n1 problem (1 error); 1 fixable with iiscfg migrate\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	// One-line formats keep everything.
	if got := f.OneLine(); got != "m: IIS answers 500.22; fix: run iiscfg migrate" {
		t.Errorf("OneLine: %q", got)
	}
}

func TestTextSummaryLine(t *testing.T) {
	other := finding(1, 1, 1, 2, validate.Warning)
	other.File, other.Rule = "b/web.config", validate.LookupRule("classic-impersonation")
	tests := []struct {
		name     string
		res      Result
		terminal bool
		want     string
	}{
		{"clean, piped: silent", Result{Files: []string{"a", "b"}}, false, ""},
		{"clean, terminal", Result{Files: []string{"a", "b"}}, true, "✓ 2 files checked, no problems\n"},
		{"clean with suppressions", Result{Files: []string{"a"}, Suppressed: []validate.Finding{other}}, false, "✓ 1 file checked, no problems; 1 suppressed\n"},
		{"nothing checked", Result{}, true, ""},
		{"files with problems, fixable counted", Result{Files: []string{"a", "b", "c"}, Findings: []validate.Finding{finding(1, 1, 1, 2, validate.Error), other}}, false,
			"2 problems (1 error, 1 warning) in 2 of 3 files; 1 fixable with iiscfg migrate\n"},
	}
	for _, tc := range tests {
		var out bytes.Buffer
		if err := Text(&out, &tc.res, nil, NewPalette(false), tc.terminal); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if i := strings.LastIndex(strings.TrimSuffix(got, "\n"), "\n"); i >= 0 {
			got = got[i+1:]
		}
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestWindowCutsLongLines(t *testing.T) {
	long := strings.Repeat("a", 200) + "<add preCondition='x'/>" + strings.Repeat("b", 200)
	f := finding(1, 201, 1, 224, validate.Warning)
	line, g := window(long, f, 60)
	if !strings.HasPrefix(line, "…") || !strings.HasSuffix(line, "…") {
		t.Fatalf("window of a long line is not marked as cut: %q", line)
	}
	if n := len([]rune(line)); n != 62 {
		t.Errorf("window is %d characters, want 60 and two marks", n)
	}
	// The caret still points at "<add".
	col := g.Start.Column
	if got := string([]rune(line)[col-1 : col+3]); got != "<add" {
		t.Errorf("caret at %q, want <add", got)
	}
	if u := underline(line, g); len([]rune(u)) > len([]rune(line))-1 {
		t.Errorf("underline runs under the end mark: %q", u)
	}
	// A short line is left alone.
	if got, _ := window("  <add/>", finding(1, 3, 1, 9, validate.Error), 60); got != "  <add/>" {
		t.Errorf("short line changed: %q", got)
	}
}

// TestTextMasksSecretsInQuotedLine: a finding on a line with a connection
// string quotes the line with the value as "***", the caret still under
// the finding; a Verbatim source quotes the line as it is.
func TestTextMasksSecretsInQuotedLine(t *testing.T) {
	line := `<add name="Db" connectionString="Server=db;Password=Hunter2" providrName="x" />`
	col := strings.Index(line, "providrName") + 1
	res := &Result{Findings: []validate.Finding{finding(4, col, 4, col+len(`providrName="x"`), validate.Error)}}
	var out bytes.Buffer
	if err := Text(&out, res, oneLine(line), NewPalette(false), false); err != nil {
		t.Fatal(err)
	}
	masked := `<add name="Db" connectionString="***" providrName="x" />`
	want := "web.config:4:" + strconv.Itoa(col) + ": error: m [classic-http-modules]\n" +
		"  |\n" +
		"4 | " + masked + "\n" +
		"  | " + strings.Repeat(" ", strings.Index(masked, "providrName")) + "^~~~~~~~~~~~~~~\n"
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	out.Reset()
	if err := Text(&out, res, Verbatim{oneLine(line)}, NewPalette(false), false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Hunter2") {
		t.Errorf("Verbatim should quote the line as it is:\n%s", out.String())
	}
	// A finding inside the masked value points at the mask.
	res.Findings[0] = finding(4, strings.Index(line, "Hunter2")+1, 4, strings.Index(line, "Hunter2")+8, validate.Error)
	out.Reset()
	if err := Text(&out, res, oneLine(line), NewPalette(false), false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\n  | "+strings.Repeat(" ", strings.Index(masked, "***"))+"^~~\n") || strings.Contains(out.String(), "Hunter2") {
		t.Errorf("caret should be under the mask:\n%s", out.String())
	}
}

// TestTextQuotesALongLineOncePerLine is the regression test for a line of
// 200,000 attributes with a finding on each: every finding decoded the whole
// line again (minutes); now the line is decoded once. No timing is asserted:
// the size makes the quadratic version run past the test timeout.
func TestTextQuotesALongLineOncePerLine(t *testing.T) {
	const n = 200000
	line := strings.Repeat(`é="x" `, n)
	res := Result{Findings: make([]validate.Finding, n)}
	for i := range res.Findings {
		res.Findings[i] = finding(1, 6*i+1, 1, 6*i+6, validate.Warning)
	}
	var out bytes.Buffer
	if err := Text(&out, &res, oneLine(line), NewPalette(false), false); err != nil {
		t.Fatal(err)
	}
	// The last finding quotes the end of the line with its caret under the
	// last attribute.
	block := strings.Split(out.String()[strings.LastIndex(out.String(), "web.config:1:"):], "\n")
	if block[0] != "web.config:1:1199995: warning: m [classic-http-modules]" {
		t.Fatalf("last finding: %q", block[0])
	}
	quoted := []rune(strings.TrimPrefix(block[2], "1 | "))
	caret := strings.IndexByte(strings.TrimPrefix(block[3], "  | "), '^')
	if quoted[0] != '…' || caret < 0 || string(quoted[caret:]) != `é="x" ` {
		t.Fatalf("last finding quotes %q with the caret at %d", string(quoted), caret)
	}
}

// TestTextMasksALongLineOncePerLine: the same with a secret in every
// attribute; the line is scanned for secrets once, and each finding's
// column finds its place among the masks by a search.
func TestTextMasksALongLineOncePerLine(t *testing.T) {
	const n = 100000
	attr := `password="secret" `
	line := strings.Repeat(attr, n)
	res := Result{Findings: make([]validate.Finding, n)}
	for i := range res.Findings {
		col := len(attr)*i + 1
		res.Findings[i] = finding(1, col, 1, col+len(attr)-1, validate.Warning)
	}
	var out bytes.Buffer
	if err := Text(&out, &res, oneLine(line), NewPalette(false), false); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "secret\"") {
		t.Fatal("a secret is quoted")
	}
	block := strings.Split(out.String()[strings.LastIndex(out.String(), "web.config:1:"):], "\n")
	quoted := []rune(strings.TrimPrefix(block[2], "1 | "))
	underline := strings.TrimPrefix(block[3], "  | ")
	caret := strings.IndexByte(underline, '^')
	if caret < 0 || string(quoted[caret:]) != `password="***" ` || len(underline)-caret != len(`password="***"`) {
		t.Fatalf("last finding quotes %q\nunderlined %q", string(quoted), underline)
	}
}

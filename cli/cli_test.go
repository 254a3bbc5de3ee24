package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

type result struct {
	code           int
	stdout, stderr string
}

func runWith(t *testing.T, stdin string, getenv func(string) string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	code := run(append([]string{"iiscfg"}, args...), &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: getenv})
	return result{code, out.String(), errOut.String()}
}

func runCLI(t *testing.T, args ...string) result { return runWith(t, "", nil, args...) }

// writeTree creates files (path → content) under a temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	return writeTreeIn(t, t.TempDir(), files)
}

// writeTreeIn creates files (path → content) under dir and returns it.
func writeTreeIn(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	cleanConfig    = `<configuration><system.web><compilation debug="false"/></system.web></configuration>`
	modulesConfig  = `<configuration><system.web><httpModules><add name="M" type="T"/></httpModules></system.web></configuration>`
	handlersConfig = `<configuration><system.web><httpHandlers><add verb="*" path="*.x" type="H"/></httpHandlers></system.web></configuration>`
)

func TestExitCodes(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"clean/web.config":   cleanConfig,
		"modules/web.config": modulesConfig,
		"broken/web.config":  "<configuration>",
	})
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"clean", []string{"lint", filepath.Join(dir, "clean")}, ExitOK},
		{"findings", []string{"lint", filepath.Join(dir, "modules")}, ExitFindings},
		{"fail-on none", []string{"lint", "--fail-on", "none", filepath.Join(dir, "modules")}, ExitOK},
		{"fail-on error", []string{"lint", "--fail-on=error", filepath.Join(dir, "modules")}, ExitFindings},
		{"parse error wins", []string{"lint", dir}, ExitInput},
		{"missing path", []string{"lint", filepath.Join(dir, "nope")}, ExitInput},
		{"missing schema dir", []string{"lint", "--schema-dir", filepath.Join(dir, "nope"), dir}, ExitInput},
		{"bad format", []string{"lint", "--format", "yaml", dir}, ExitUsage},
		{"bad fail-on", []string{"lint", "--fail-on", "sometimes", dir}, ExitUsage},
		{"bad runtime", []string{"lint", "--runtime", "v3.5", dir}, ExitUsage},
		{"bad color", []string{"lint", "--color", "rainbow", dir}, ExitUsage},
		{"unknown flag", []string{"lint", "--frobnicate", dir}, ExitUsage},
		{"unknown command", []string{"frobnicate"}, ExitUsage},
		{"flags after paths", []string{"lint", filepath.Join(dir, "modules"), "--fail-on", "none"}, ExitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			if tc.code == ExitUsage && !strings.HasPrefix(r.stderr, "iiscfg: ") {
				t.Errorf("usage error not explained on stderr: %q", r.stderr)
			}
		})
	}
}

func TestParseErrorDoesNotStopOtherFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a/web.config": "<configuration>\n  <system.web>\n</configuration>",
		"b/web.config": modulesConfig,
	})
	r := runCLI(t, "lint", "--format", "json", dir)
	if r.code != ExitInput {
		t.Fatalf("exit %d", r.code)
	}
	var out struct {
		Findings []struct{ File, Rule string }
		Errors   []struct {
			File         string
			Line, Column int
			Message      string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(out.Findings) != 1 || !strings.HasSuffix(out.Findings[0].File, filepath.Join("b", "web.config")) {
		t.Errorf("findings %+v", out.Findings)
	}
	if len(out.Errors) != 1 || out.Errors[0].Line != 3 || out.Errors[0].Column != 1 ||
		out.Errors[0].Message != "end tag </configuration> does not match start tag <system.web> at line 2, column 3" {
		t.Errorf("errors %+v", out.Errors)
	}
}

func TestJSONShape(t *testing.T) {
	r := runWith(t, modulesConfig, nil, "lint", "--format", "json", "--stdin-filename", "app/web.config", "-")
	want := `{
  "version": 1,
  "tool": {
    "name": "iiscfg",
    "version": "(devel)"
  },
  "findings": [
    {
      "file": "app/web.config",
      "line": 1,
      "column": 28,
      "endLine": 1,
      "endColumn": 79,
      "rule": "classic-http-modules",
      "code": "IC101",
      "severity": "error",
      "message": "system.web/httpModules adds \"M\": an Integrated pool answers HTTP 500.22 to every request of the application; fix: iiscfg migrate, validateIntegratedModeConfiguration=\"false\", or a Classic pool"
    }
  ],
  "suppressed": [],
  "errors": []
}
`
	if r.stdout != want {
		t.Errorf("got\n%s\nwant\n%s", r.stdout, want)
	}
	empty := runWith(t, cleanConfig, nil, "lint", "--format", "json", "-")
	if !strings.HasSuffix(empty.stdout, "\"findings\": [],\n  \"suppressed\": [],\n  \"errors\": []\n}\n") || empty.code != 0 {
		t.Errorf("empty report: %q exit %d", empty.stdout, empty.code)
	}
}

func TestWalkPicksConfigFilesOnly(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"WEB.CONFIG":                        modulesConfig,
		"Web.Release.config":                `<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"/>`,
		"sub/ApplicationHost.config":        `<configuration><system.applicationHost/></configuration>`,
		"sub/machine.config":                `<configuration/>`,
		"other.config":                      modulesConfig,
		"web.config.bak":                    modulesConfig,
		"bin/web.config":                    modulesConfig,
		"obj/Debug/web.config":              modulesConfig,
		"node_modules/x/web.config":         modulesConfig,
		".vs/config/applicationhost.config": `<configuration/>`,
	})
	inputs, errs, _ := collectInputs([]string{dir}, "<stdin>")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, in := range inputs {
		rel, _ := filepath.Rel(dir, in.path)
		got = append(got, filepath.ToSlash(rel))
	}
	want := "WEB.CONFIG Web.Release.config sub/ApplicationHost.config sub/machine.config"
	if strings.Join(got, " ") != want {
		t.Errorf("walk found %v, want %s", got, want)
	}
	// A file named explicitly is linted whatever its name.
	r := runCLI(t, "lint", filepath.Join(dir, "other.config"))
	if r.code != ExitFindings {
		t.Errorf("explicit file: exit %d", r.code)
	}
}

func TestSubfolderConfigInheritsFromApplication(t *testing.T) {
	dir := writeTree(t, map[string]string{
		// The application turns validation off; its Views folder inherits that.
		"web.config": `<configuration><system.web><authentication mode="Forms"/></system.web>` +
			`<system.webServer><validation validateIntegratedModeConfiguration="false"/></system.webServer></configuration>`,
		"Views/web.config": handlersConfig,
		// A nested application root (it has an application-only section) does not inherit.
		"Child/web.config": `<configuration><system.web><sessionState mode="Off"/>` +
			`<httpHandlers><add verb="*" path="*.y" type="H"/></httpHandlers></system.web></configuration>`,
		// httpModules in a subfolder are not checked by IIS.
		"Docs/web.config": modulesConfig,
	})
	r := runCLI(t, "lint", "--format", "json", dir)
	var out struct{ Findings []struct{ File, Rule string } }
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	// Views inherits validation="false": no 500.23, but its handler is
	// never served in an Integrated pool.
	want := []struct{ file, rule string }{
		{filepath.Join("Child", "web.config"), "classic-http-handlers"},
		{filepath.Join("Views", "web.config"), "classic-entry-not-migrated"},
	}
	if len(out.Findings) != len(want) {
		t.Fatalf("findings %+v", out.Findings)
	}
	for i, w := range want {
		if f := out.Findings[i]; !strings.HasSuffix(f.File, w.file) || f.Rule != w.rule {
			t.Errorf("finding %d: %+v, want %s in %s", i, f, w.rule, w.file)
		}
	}
}

func TestStdin(t *testing.T) {
	r := runWith(t, handlersConfig, nil, "lint", "--color", "never", "--stdin-filename", "site/web.config", "-")
	if r.code != ExitFindings || !strings.HasPrefix(r.stdout, "site/web.config:1:28: error: ") {
		t.Errorf("exit %d stdout %q", r.code, r.stdout)
	}
	r = runWith(t, "<configuration>", nil, "lint", "-")
	if r.code != ExitInput || !strings.HasPrefix(r.stderr, "iiscfg: <stdin>:1:16: ") {
		t.Errorf("exit %d stderr %q", r.code, r.stderr)
	}
}

func TestColor(t *testing.T) {
	env := func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}
	always := runWith(t, modulesConfig, nil, "lint", "--color", "always", "-")
	if !strings.Contains(always.stdout, "\x1b[") {
		t.Errorf("--color always printed no escape codes")
	}
	for _, r := range []result{
		runWith(t, modulesConfig, nil, "lint", "-"), // auto, not a terminal
		runWith(t, modulesConfig, env, "lint", "-"), // NO_COLOR
		runWith(t, modulesConfig, nil, "lint", "--color=never", "-"),
	} {
		if strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("unexpected colour: %q", r.stdout)
		}
	}
}

func TestVersion(t *testing.T) {
	r := runCLI(t, "version")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 0 || len(lines) != 4 || !strings.HasPrefix(lines[0], "iiscfg ") ||
		!strings.HasPrefix(lines[1], "commit: ") || !strings.HasPrefix(lines[2], "date: ") || !strings.Contains(lines[3], "go1.") {
		t.Errorf("version: %d %q", r.code, r.stdout)
	}
	if flag := runCLI(t, "--version"); flag != r {
		t.Errorf("--version gave %+v, version gave %+v", flag, r)
	}
	if bad := runCLI(t, "version", "extra"); bad.code != ExitUsage || !strings.Contains(bad.stderr, `"extra"`) {
		t.Errorf("version extra: %+v", bad)
	}
}

func TestPermuteArgs(t *testing.T) {
	app := newApp(&env{})
	got, err := permuteArgs(app, []string{"iiscfg", "lint", "a", "--format", "json", "-", "--fail-on=none", "b", "--", "--c"})
	if err != nil {
		t.Fatal(err)
	}
	want := "iiscfg lint --format json --fail-on=none -- a - b --c"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v", got)
	}
}

func TestRulesCommand(t *testing.T) {
	r := runCLI(t, "rules")
	for _, rule := range validate.Rules() {
		if !strings.Contains(r.stdout, rule.Code+"  "+rule.Name) || !strings.Contains(r.stdout, rule.Summary) {
			t.Errorf("rules list lacks %s %s:\n%s", rule.Code, rule.Name, r.stdout)
		}
		doc := runCLI(t, "rules", rule.Name)
		if doc.code != 0 || !strings.Contains(doc.stdout, rule.Doc) {
			t.Errorf("rules %s: exit %d, %q", rule.Name, doc.code, doc.stdout)
		}
	}
	doc := runCLI(t, "rules", "ic103")
	if doc.code != 0 || !strings.HasPrefix(doc.stdout, "IC103 classic-impersonation (error)") || !strings.Contains(doc.stdout, "userName") {
		t.Errorf("rules ic103: %d %q", doc.code, doc.stdout)
	}
	if r := runCLI(t, "rules", "no-such-rule"); r.code != ExitUsage {
		t.Errorf("unknown rule: exit %d", r.code)
	}
}

// countingWriter counts the writes it is given.
type countingWriter struct {
	writes int
	buf    strings.Builder
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.buf.Write(p)
}

// TestReportWritesAreBuffered: a report reaches standard output in large
// writes, not a system call per line (a tree's report has thousands).
func TestReportWritesAreBuffered(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 200; i++ {
		files[fmt.Sprintf("app%03d/web.config", i)] = modulesConfig
	}
	dir := writeTree(t, files)
	for _, format := range []string{"text", "compact", "github", "json"} {
		out := &countingWriter{}
		code := run([]string{"iiscfg", "lint", "--no-config", "--no-gitignore", "--format", format, dir},
			&env{stdin: strings.NewReader(""), stdout: out, stderr: io.Discard, getenv: func(string) string { return "" }})
		if code != ExitFindings {
			t.Fatalf("%s: exit %d", format, code)
		}
		if lines := strings.Count(out.buf.String(), "\n"); lines < 200 || out.writes > lines/50 {
			t.Errorf("%s: %d lines in %d writes", format, lines, out.writes)
		}
	}
}

// TestLiveReportIsTheWholeReport: a walked tree's report, written while
// the files are judged (they come in report order), is byte for byte the
// report of the same files named out of order (written whole, after the
// run): findings, quoted lines, summary, suppressed findings and errors,
// in every format that streams, alone and beside a report file.
func TestLiveReportIsTheWholeReport(t *testing.T) {
	suppressed, err := os.ReadFile(filepath.Join("..", "testdata", "lint", "suppress-disabled.config"))
	if err != nil {
		t.Fatal(err)
	}
	dir := writeTree(t, map[string]string{
		"a/web.config": modulesConfig, "a-b/web.config": handlersConfig, "a/b/web.config": modulesConfig,
		"broken/web.config": "<configuration><system.web>", "clean/web.config": cleanConfig,
		"quiet/web.config": string(suppressed), "z/Web.Release.config": `<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"/>`,
	})
	walked, _, _ := collectInputs([]string{dir}, "")
	var reversed []string
	for i := len(walked) - 1; i >= 0; i-- {
		reversed = append(reversed, walked[i].path)
	}
	if len(reversed) != 7 {
		t.Fatalf("the walk found %d files, want 7", len(reversed))
	}
	lint := func(args ...string) (string, string, int) {
		var stdout, stderr strings.Builder
		code := run(append([]string{"iiscfg", "lint", "--no-config", "--no-gitignore", "--color", "never"}, args...),
			&env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }})
		return stdout.String(), stderr.String(), code
	}
	for _, format := range []string{"text", "compact", "github", "json"} {
		for _, beside := range []bool{false, true} {
			args := []string{"--format", format}
			file := filepath.Join(t.TempDir(), "report.sarif")
			if beside {
				args = append(args, "--format", "sarif="+file)
			}
			liveOut, liveErr, liveCode := lint(append(args, dir)...)
			liveFile, _ := os.ReadFile(file)
			wholeOut, wholeErr, wholeCode := lint(append(args, reversed...)...)
			wholeFile, _ := os.ReadFile(file)
			if liveOut != wholeOut || liveErr != wholeErr || liveCode != wholeCode || string(liveFile) != string(wholeFile) {
				t.Errorf("--format %s (report file: %v): live report\n%s\n%s(exit %d)\nwhole report\n%s\n%s(exit %d)", format, beside, liveOut, liveErr, liveCode, wholeOut, wholeErr, wholeCode)
			}
			if liveCode != ExitInput || !strings.Contains(liveOut+liveErr, "broken") || strings.Count(liveOut, "a-b") == 0 {
				t.Errorf("--format %s: the report misses findings or errors (exit %d):\n%s", format, liveCode, liveOut)
			}
		}
	}
}

// TestLiveReportHoldsNoFindings: while the report is written live, the
// run keeps neither the findings nor the lines they quote (memory does
// not grow with them); a report file beside it makes the run keep them.
func TestLiveReportHoldsNoFindings(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 30; i++ {
		files[fmt.Sprintf("app%02d/web.config", i)] = modulesConfig
	}
	dir := writeTree(t, files)
	for _, keep := range []bool{false, true} {
		outs := []output{{format: "text"}}
		if keep {
			outs = append(outs, output{format: "sarif", file: filepath.Join(t.TempDir(), "r.sarif")})
		}
		var stdout strings.Builder
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: io.Discard, getenv: func(string) string { return "" }}
		live := newLiveReport(outs, &stdout, report.Meta{}, false, false, func(s report.Source) report.Source { return s })
		res, src, err := lintFiles([]string{dir}, "-", schema.V40, nil, newPolicy(), walkOptions{}, false, nil, nil, live, e)
		if err != nil || !live.active {
			t.Fatalf("keep %v: err %v, live %v", keep, err, live.active)
		}
		if err := live.end(res); err != nil {
			t.Fatal(err)
		}
		lines := src.(snippets)
		if got := strings.Count(stdout.String(), "[classic-http-modules]"); got != 30 {
			t.Errorf("keep %v: %d findings written, want 30", keep, got)
		}
		if keep != (len(res.Findings) == 30 && len(lines) == 30) || !keep && (len(res.Findings) > 0 || len(lines) > 0) {
			t.Errorf("keep %v: the run holds %d findings and the lines of %d files", keep, len(res.Findings), len(lines))
		}
	}
}

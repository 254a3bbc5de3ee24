package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/validate"
)

func oddResult() *Result {
	rule := validate.LookupRule("invalid-value")
	return &Result{
		Files: []string{"a,b:c%d.config", "clean.config"},
		Findings: []validate.Finding{{
			File: "a,b:c%d.config", Start: config.Pos{Line: 2, Column: 3}, End: config.Pos{Line: 2, Column: 9},
			Rule: rule, Severity: validate.Warning, Message: "100% wrong,\r\nreally: yes",
		}},
		Errors: []Error{{File: "bad\nname.config", Line: 1, Column: 2, Message: "it: broke, 50%"}},
	}
}

// TestGitHubEscaping: %, \r, \n, : and , in paths and messages are escaped
// as the Actions toolkit escapes them.
func TestGitHubEscaping(t *testing.T) {
	var b bytes.Buffer
	if err := GitHub(&b, oddResult(), Meta{}); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a%2Cb%3Ac%25d.config,line=2,col=3,endLine=2,endColumn=9,title=invalid-value::100%25 wrong,%0D%0Areally: yes\n" +
		"::error file=bad%0Aname.config,title=iiscfg,line=1,col=2::it: broke, 50%25\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

// TestCompact: one line per finding and error; control characters in a
// path (Go-quoted) or a message (escaped) cannot break a line.
func TestCompact(t *testing.T) {
	var b bytes.Buffer
	if err := Compact(&b, oddResult(), Meta{}); err != nil {
		t.Fatal(err)
	}
	want := "a,b:c%d.config:2:3: warning: 100% wrong,\\r\\nreally: yes [invalid-value]\n\"bad\\nname.config\":1:2: error: it: broke, 50%\n"
	if b.String() != want {
		t.Errorf("got %q", b.String())
	}
}

// TestXMLFormatsParse: checkstyle and JUnit are well-formed XML whose
// counts and texts survive a round trip, control characters included.
func TestXMLFormatsParse(t *testing.T) {
	var cs bytes.Buffer
	if err := Checkstyle(&cs, oddResult(), Meta{}); err != nil {
		t.Fatal(err)
	}
	var back checkstyleReport
	if err := xml.Unmarshal(cs.Bytes(), &back); err != nil {
		t.Fatalf("checkstyle: %v\n%s", err, cs.String())
	}
	if len(back.Files) != 2 || back.Files[0].Errors[0].Message != "100% wrong,\r\nreally: yes" || back.Files[1].Errors[0].Source != "iiscfg.input" {
		t.Errorf("checkstyle round trip: %+v", back)
	}
	var ju bytes.Buffer
	if err := JUnit(&ju, oddResult(), Meta{}); err != nil {
		t.Fatal(err)
	}
	var suites junitSuites
	if err := xml.Unmarshal(ju.Bytes(), &suites); err != nil {
		t.Fatalf("junit: %v\n%s", err, ju.String())
	}
	if suites.Tests != 3 || suites.Failures != 1 || suites.Errors != 1 || len(suites.Suites) != 3 {
		t.Errorf("junit counts: %+v", suites)
	}
	if c := suites.Suites[2].Cases; suites.Suites[2].Name != "clean.config" || len(c) != 1 || c[0].Failure != nil || c[0].Error != nil {
		t.Errorf("a clean file is one passing test case: %+v", suites.Suites[2])
	}
}

// TestJUnitSuitesSorted (review R11): test suites are ordered by file name,
// as the other formats order files, whatever order the files were judged
// in (it followed the arguments).
func TestJUnitSuitesSorted(t *testing.T) {
	r := &Result{Files: []string{"z/web.config", "b/web.config", "m/web.config"},
		Errors: []Error{{File: "a/web.config", Message: "broken"}}}
	var b bytes.Buffer
	if err := JUnit(&b, r, Meta{}); err != nil {
		t.Fatal(err)
	}
	var suites junitSuites
	if err := xml.Unmarshal(b.Bytes(), &suites); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range suites.Suites {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, " "); got != "a/web.config b/web.config m/web.config z/web.config" {
		t.Errorf("suites in order %s", got)
	}
}

func TestSARIFArtifacts(t *testing.T) {
	abs, absURI := "/", "file:///" // an absolute path, and its URI
	if runtime.GOOS == "windows" {
		abs, absURI = `C:\`, "file:///C:/"
	}
	for _, tc := range []struct{ path, wd, uri, base string }{
		{"web.config", abs + "repo", "web.config", "%SRCROOT%"},
		{"./site/my app/web.config", abs + "repo", "site/my%20app/web.config", "%SRCROOT%"},
		{filepath.Join(abs, "repo", "site", "web.config"), abs + "repo", "site/web.config", "%SRCROOT%"},
		{filepath.Join(abs, "elsewhere", "web.config"), abs + "repo", absURI + "elsewhere/web.config", ""},
		{"100%.config", abs + "repo", "100%25.config", "%SRCROOT%"},
	} {
		got := artifact(tc.path, tc.wd)
		if got.URI != tc.uri || got.URIBaseID != tc.base {
			t.Errorf("%s: got %+v, want %s %s", tc.path, got, tc.uri, tc.base)
		}
	}
	// A Windows path outside the working directory (filepath.IsAbs only
	// takes C:\ on Windows, so fileURI is tested directly).
	for path, want := range map[string]string{
		"C:/inetpub/my site/web.config": "file:///C:/inetpub/my%20site/web.config",
		"/srv/web.config":               "file:///srv/web.config",
	} {
		if got := fileURI(path); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", path, got, want)
		}
	}
	var b bytes.Buffer
	if err := SARIF(&b, oddResult(), Meta{ExitCode: 3, Rules: validate.Rules()}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				ExitCode            int  `json:"exitCode"`
			} `json:"invocations"`
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	r := run.Results[0]
	if r.RuleID != "IC203" || run.Tool.Driver.Rules[r.RuleIndex].ID != "IC203" || r.Level != "warning" {
		t.Errorf("result: %+v", r)
	}
	if inv := run.Invocations[0]; inv.ExecutionSuccessful || inv.ExitCode != 3 {
		t.Errorf("invocation: %+v", inv)
	}
	if !strings.Contains(b.String(), `"columnKind": "unicodeCodePoints"`) {
		t.Error("columnKind missing")
	}
}

// TestJSONStreamIsEncodingJSON: the JSON report, written element by
// element, is byte for byte what encoding/json writes for the whole
// report (indented by two, HTML characters as they are): empty lists,
// one element, several, and odd strings.
func TestJSONStreamIsEncodingJSON(t *testing.T) {
	type whole struct {
		Version    int           `json:"version"`
		Tool       jsonTool      `json:"tool"`
		Findings   []jsonFinding `json:"findings"`
		Suppressed []jsonFinding `json:"suppressed"`
		Errors     []jsonError   `json:"errors"`
	}
	odd := oddResult()
	sup := odd.Findings[0]
	sup.Suppressed, sup.Justification, sup.Message = true, "<reason> & \"quotes\" \u2028 é", "x\ty"
	many := &Result{Errors: append(odd.Errors, odd.Errors...), Suppressed: []validate.Finding{sup, sup}}
	for i := 0; i < 5; i++ {
		many.Findings = append(many.Findings, odd.Findings...)
	}
	for name, r := range map[string]*Result{"empty": {}, "odd": odd, "many": many, "suppressed only": {Suppressed: []validate.Finding{sup}}} {
		m := Meta{ToolVersion: "v1.2.3 <devel>"}
		want := whole{Version: JSONVersion, Tool: jsonTool{"iiscfg", m.ToolVersion}, Findings: []jsonFinding{}, Suppressed: []jsonFinding{}, Errors: []jsonError{}}
		for _, f := range r.Findings {
			want.Findings = append(want.Findings, jsonFindingOf(f))
		}
		for _, f := range r.Suppressed {
			want.Suppressed = append(want.Suppressed, jsonFindingOf(f))
		}
		for _, e := range r.Errors {
			want.Errors = append(want.Errors, jsonError(e))
		}
		var wantBuf bytes.Buffer
		enc := json.NewEncoder(&wantBuf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(want); err != nil {
			t.Fatal(err)
		}
		// Fed whole, and one finding at a time.
		var whole1, stream bytes.Buffer
		if err := JSON(&whole1, r, m); err != nil {
			t.Fatal(err)
		}
		s := NewStream("json", &stream, m, Palette{}, false)
		for i := range r.Findings {
			if err := s.Findings(r.Findings[i:i+1], nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.End(r); err != nil {
			t.Fatal(err)
		}
		for how, got := range map[string]string{"whole": whole1.String(), "streamed": stream.String()} {
			if got != wantBuf.String() {
				t.Errorf("%s, %s:\n%s\nwant\n%s", name, how, got, wantBuf.String())
			}
		}
	}
}

// TestStreamsMatchWholeReports: text, compact and GitHub written a file at
// a time are the reports written whole.
func TestStreamsMatchWholeReports(t *testing.T) {
	r := oddResult()
	second := r.Findings[0]
	second.File, second.Severity = "z.config", validate.Error
	r.Findings = append(r.Findings, second, second)
	r.Files = append(r.Files, "z.config")
	whole := map[string]func(*bytes.Buffer) error{
		"text":    func(b *bytes.Buffer) error { return Text(b, r, oneLine("  <add/>"), NewPalette(true), false) },
		"compact": func(b *bytes.Buffer) error { return Compact(b, r, Meta{}) },
		"github":  func(b *bytes.Buffer) error { return GitHub(b, r, Meta{}) },
	}
	for format, write := range whole {
		var want, got bytes.Buffer
		if err := write(&want); err != nil {
			t.Fatal(err)
		}
		s := NewStream(format, &got, Meta{}, NewPalette(true), false)
		if err := s.Findings(r.Findings[:1], oneLine("  <add/>")); err != nil {
			t.Fatal(err)
		}
		if err := s.Findings(r.Findings[1:], oneLine("  <add/>")); err != nil {
			t.Fatal(err)
		}
		if err := s.End(&Result{Files: r.Files, Errors: r.Errors}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() || !strings.Contains(want.String(), "z.config") {
			t.Errorf("%s streamed:\n%q\nwhole:\n%q", format, got.String(), want.String())
		}
	}
	if NewStream("sarif", io.Discard, Meta{}, Palette{}, false) != nil {
		t.Error("SARIF has no stream: its invocation (exit code, errors) comes before its results")
	}
}

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Regression (issue 11): a second --write --backup (one section, then the
// other) replaced the true original in web.config.bak with the half-migrated
// file, and a symbolic link at the backup's name was written through.
func TestMigrateBackupsKeepTheOriginal(t *testing.T) {
	const classicApp = `<configuration><system.web><httpModules><add name="M" type="T"/></httpModules><httpHandlers><add verb="*" path="*.x" type="H"/></httpHandlers></system.web></configuration>`
	dir := writeTree(t, map[string]string{"web.config": classicApp, "important": "precious"})
	path := filepath.Join(dir, "web.config")
	if err := os.Symlink(filepath.Join(dir, "important"), path+".bak"); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "migrate", "--write", "--backup", "--section", "httpModules", path)
	if r.code != ExitOK || !strings.Contains(r.stderr, "original kept as "+path+".bak.1") {
		t.Fatalf("first run: %d %s", r.code, r.stderr)
	}
	half, _ := os.ReadFile(path)
	r = runCLI(t, "migrate", "--write", "--backup", path)
	if r.code != ExitOK || !strings.Contains(r.stderr, "original kept as "+path+".bak.2") {
		t.Fatalf("second run: %d %s", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "important")); string(data) != "precious" {
		t.Errorf("the backup was written through a link: %q", data)
	}
	if data, _ := os.ReadFile(path + ".bak.1"); string(data) != classicApp {
		t.Errorf(".bak.1 holds %q, want the original", data)
	}
	if data, _ := os.ReadFile(path + ".bak.2"); string(data) != string(half) {
		t.Errorf(".bak.2 holds %q, want the file as the first run left it", data)
	}
}

// Regression (issue 11): a symbolic link named web.config was replaced by a
// regular file, and its target stayed unmigrated.
func TestMigrateWritesALinksTarget(t *testing.T) {
	dir := writeTree(t, map[string]string{"shared/app.config": classicApp})
	target := filepath.Join(dir, "shared", "app.config")
	link := filepath.Join(dir, "web.config")
	if err := os.Symlink(filepath.Join("shared", "app.config"), link); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "migrate", "--write", link)
	if r.code != ExitOK || !strings.Contains(r.stderr, "note: "+link+" is a symbolic link; wrote its target "+target) {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if r := runCLI(t, "migrate", "--check", target); r.code != ExitOK {
		t.Errorf("the target was not migrated: %d", r.code)
	}
}

// Regression (issue 11): lint --output web.config web.config replaced the
// configuration with the report.
func TestReportNeverOverwritesAnInput(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": warnAndError})
	path := filepath.Join(dir, "web.config")
	alias := filepath.Join(dir, "alias.json")
	if err := os.Link(path, alias); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"lint", "--output", path, path}, "it is the input " + path},
		{[]string{"lint", "--format", "json=" + alias, path}, "it is the input " + path},
		{[]string{"lint", "--format", "text", "--format", "sarif=" + filepath.Join(dir, ".", "web.config"), dir}, "that is a configuration file's name"},
	} {
		args := tc.args
		r := runCLI(t, args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, %s", args, r.code, r.stderr)
		}
		if data, _ := os.ReadFile(path); string(data) != warnAndError {
			t.Fatalf("%q replaced the input", args)
		}
	}
}

// A report file that is a symbolic link (committed to an untrusted pull
// request, say) is replaced; its target is not written.
func TestReportReplacesALink(t *testing.T) {
	dir := writeTree(t, map[string]string{"site/web.config": warnAndError, "victim": "precious"})
	out := filepath.Join(dir, "report.json")
	if err := os.Symlink(filepath.Join(dir, "victim"), out); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "lint", "--format", "json="+out, filepath.Join(dir, "site"))
	if r.code != ExitFindings {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "victim")); string(data) != "precious" {
		t.Errorf("the report was written through the link")
	}
	if st, err := os.Lstat(out); err != nil || !st.Mode().IsRegular() {
		t.Errorf("the report is not a regular file: %v", err)
	}
}

// Regression (issue 11): a repository's .iiscfg.yaml could make CI write a
// report anywhere.
func TestConfigReportPathsStayInTheRepository(t *testing.T) {
	outside := t.TempDir()
	for name, yaml := range map[string]string{
		"absolute":   "format: [json=" + filepath.Join(outside, "x.json") + "]\n",
		"dot-dot":    "format:\n  - text\n  - sarif=../x.sarif\n",
		"output":     "output: ../../x.txt\n",
		"via a link": "format: [json=out/x.json]\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{".git/HEAD": "ref: refs/heads/main\n", ".iiscfg.yaml": yaml, "web.config": warnAndError})
			if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			r := runCLI(t, "lint", ".")
			if r.code != ExitUsage || !strings.Contains(r.stderr, "is outside this file's folder") {
				t.Errorf("exit %d, %s", r.code, r.stderr)
			}
			if entries, _ := os.ReadDir(outside); len(entries) != 0 {
				t.Errorf("written outside: %v", entries)
			}
		})
	}
	// Inside the folder, and on the command line anywhere, is fine.
	dir := writeTree(t, map[string]string{".git/HEAD": "ref: refs/heads/main\n", ".iiscfg.yaml": "format: [text, json=reports/x.json]\n", "reports/.keep": "", "web.config": warnAndError})
	t.Chdir(dir)
	if r := runCLI(t, "lint", "."); r.code != ExitFindings {
		t.Errorf("inside: %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "reports", "x.json")); err != nil {
		t.Error(err)
	}
	if r := runCLI(t, "lint", "--no-config", "--format", "json="+filepath.Join(outside, "y.json"), "."); r.code != ExitFindings {
		t.Errorf("command line: %d %s", r.code, r.stderr)
	}
}

// Inputs above --max-size (default 64 MiB) are refused before they are read.
func TestMaxSize(t *testing.T) {
	big := "<configuration>" + strings.Repeat("<!-- padding -->", 200) + "</configuration>"
	dir := writeTree(t, map[string]string{"web.config": big})
	path := filepath.Join(dir, "web.config")
	if r := runCLI(t, "lint", path); r.code != ExitOK {
		t.Errorf("under the default limit: %d %s", r.code, r.stderr)
	}
	r := runCLI(t, "lint", "--max-size", "2K", path)
	if r.code != ExitInput || !strings.Contains(r.stderr, "is 3.2 KiB, larger than the 2 KiB limit; not read (--max-size raises it)") {
		t.Errorf("--max-size 2K: %d %s", r.code, r.stderr)
	}
	t.Setenv("IISCFG_MAX_SIZE", "1k")
	r = runWith(t, big, nil, "migrate", "-")
	if r.code != ExitInput || !strings.Contains(r.stderr, "larger than the 1 KiB limit") {
		t.Errorf("IISCFG_MAX_SIZE on standard input: %d %s", r.code, r.stderr)
	}
	t.Setenv("IISCFG_MAX_SIZE", "")
	for _, bad := range []string{"lots", "-5", "0", "12X"} {
		if r := runCLI(t, "diff", "--max-size", bad, path, path); r.code != ExitUsage || !strings.Contains(r.stderr, "--max-size: ") {
			t.Errorf("--max-size %s: %d %s", bad, r.code, r.stderr)
		}
	}
}

// Regression (issue 11): 55,000 distinct lines made the text diff panic
// (go-diff's line-to-rune mapping overflowed).
func TestTextDiffManyLines(t *testing.T) {
	var a, b strings.Builder
	a.WriteString("<configuration><appSettings>\n")
	b.WriteString("<configuration><appSettings>\n")
	for i := 0; i < 70_000; i++ {
		fmt.Fprintf(&a, "<add key=\"k%d\" value=\"v\" />\n", i)
		if i%3 == 0 {
			fmt.Fprintf(&b, "<add key=\"k%d\" value=\"v\" />\n", i)
		} else {
			fmt.Fprintf(&b, "<add key=\"k%d\" value=\"w\" />\n", i)
		}
	}
	a.WriteString("</appSettings></configuration>\n")
	b.WriteString("</appSettings></configuration>\n")
	dir := writeTree(t, map[string]string{"a.config": a.String(), "b.config": b.String()})
	r := runCLI(t, "diff", "--mode", "text", filepath.Join(dir, "a.config"), filepath.Join(dir, "b.config"))
	if r.code != ExitFindings || strings.Count(r.stdout, "\n+<add") != 46_666 {
		t.Errorf("exit %d, %d insertions; stderr %s", r.code, strings.Count(r.stdout, "\n+<add"), r.stderr)
	}
}

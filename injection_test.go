package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestPathCannotInjectWorkflowCommand: a folder named with a newline and a
// GitHub Actions workflow command (a pull request can add one) does not
// start a line of the log in any format: the line formats print the path
// Go-quoted, the others escape it.
func TestPathCannotInjectWorkflowCommand(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold a newline")
	}
	root := t.TempDir()
	evil := filepath.Join(root, "x\n::error title=INJECTED::pwned")
	if err := os.Mkdir(evil, 0o755); err != nil {
		t.Skipf("file system refuses the name: %v", err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(evil, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("web.config", "<configuration>\n<system.web><compilation debug=\"true\" bogus=\"1\"/></system.web>\n</configuration>\n")
	write("broken.config", "<configuration>\n<appSettings>\n</configuration>\n")
	for _, f := range []string{"text", "compact", "json", "sarif", "github", "checkstyle", "junit"} {
		out := runCLI(t, "", "lint", "--no-config", "--color", "never", "--format", f, filepath.Join(evil, "web.config"), filepath.Join(evil, "broken.config"))
		if !strings.Contains(out, "bogus") || !strings.Contains(out, "INJECTED") {
			t.Fatalf("%s: the case does not reach the finding:\n%s", f, out)
		}
		out = out[strings.Index(out, "--- stdout"):] // the command line above echoes the arguments
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "::error title=INJECTED") {
				t.Errorf("%s: a path starts a workflow command:\n%s", f, out)
			}
		}
	}
	// Diff headers name the files: semantic ("old → new") and unified
	// ("--- a/..." quoted as git quotes such a name).
	write("new.config", "<configuration>\n<system.web><compilation debug=\"false\"/></system.web>\n</configuration>\n")
	for _, mode := range []string{"semantic", "text"} {
		out := runCLI(t, "", "diff", "--color", "never", "--mode", mode, filepath.Join(evil, "web.config"), filepath.Join(evil, "new.config"))
		out = out[strings.Index(out, "--- stdout"):]
		if !strings.Contains(out, "INJECTED") || strings.Contains(out, "\n::error title=INJECTED") {
			t.Errorf("diff --mode %s prints the path raw:\n%s", mode, out)
		}
	}
	// transform's warnings name the transform and the source.
	write("Web.Release.config", `<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"><appSettings><add key="k" xdt:Transform="Remove" xdt:Locator="Match(key)"/></appSettings></configuration>`)
	out := runCLI(t, "", "transform", "--color", "never", filepath.Join(evil, "web.config"), filepath.Join(evil, "Web.Release.config"))
	if out = out[strings.Index(out, "--- stdout"):]; !strings.Contains(out, "warning") || strings.Contains(out, "\n::error title=INJECTED") {
		t.Errorf("transform prints the path raw:\n%s", out)
	}
	// The walk's notes name paths too.
	out = runCLI(t, "", "lint", "--no-config", "--color", "never", "--format", "compact", root)
	if out = out[strings.Index(out, "--- stdout"):]; !strings.Contains(out, "INJECTED") || strings.Contains(out, "\n::error title=INJECTED") {
		t.Errorf("walk prints the path raw:\n%s", out)
	}
}

// TestMigrateRequiresAppsCannotInjectWorkflowCommand: migrate (its status
// lines, the --check list, the --write and --backup notes), requires and
// apps print such a name quoted too, and so do apps and migrate --all for
// the site, pool and physical path names of an applicationHost.config
// ("&#10;" is a newline once parsed).
func TestMigrateRequiresAppsCannotInjectWorkflowCommand(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold a newline")
	}
	const needsMigrate = "<configuration>\n<system.web><httpModules><add name=\"M\" type=\"A.M\"/></httpModules></system.web>\n" +
		"<system.webServer><rewrite><rules><rule name=\"r\"><match url=\"x\"/><action type=\"Rewrite\" url=\"http://b/\"/></rule></rules></rewrite></system.webServer>\n</configuration>\n"
	root := t.TempDir()
	mkEvil := func(parent string) string {
		dir := filepath.Join(parent, "x\n::error title=INJECTED::pwned")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Skipf("file system refuses the name: %v", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "web.config"), []byte(needsMigrate), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	checked := mkEvil(filepath.Join(root, "check"))
	written := mkEvil(filepath.Join(root, "write"))
	tabbed := filepath.Join(root, "tab\tname")
	if err := os.Mkdir(tabbed, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tabbed, "web.config"), []byte(needsMigrate), 0o644); err != nil {
		t.Fatal(err)
	}
	apphost := filepath.Join(root, "applicationHost.config")
	if err := os.WriteFile(apphost, []byte(`<configuration><system.applicationHost>
<applicationPools><add name="P&#10;::error title=INJECTED::pool"/></applicationPools>
<sites><site name="S&#10;::error title=INJECTED::site" id="1"><application path="/" applicationPool="P&#10;::error title=INJECTED::pool">
<virtualDirectory path="/" physicalPath="d&#10;::error title=INJECTED::phys"/></application></site></sites>
</system.applicationHost></configuration>
`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string // what shows that the case reached the name
	}{
		{"migrate", []string{"migrate", "--no-config", "--color", "never", filepath.Join(checked, "web.config")}, "would migrate"},
		{"migrate --check", []string{"migrate", "--no-config", "--color", "never", "--check", filepath.Join(checked, "web.config")}, "pwned/web.config\"\n--- stderr"},
		{"migrate --check folder", []string{"migrate", "--no-config", "--no-gitignore", "--color", "never", "--check", filepath.Join(root, "check")}, "would migrate"},
		{"migrate --write --backup", []string{"migrate", "--no-config", "--color", "never", "--write", "--backup", filepath.Join(written, "web.config")}, "original kept as"},
		{"migrate unchanged", []string{"migrate", "--no-config", "--color", "never", filepath.Join(written, "web.config")}, "unchanged"},
		{"requires", []string{"requires", "--no-config", "--no-gitignore", filepath.Join(root, "check")}, "<rewrite>"},
		{"apps", []string{"apps", "--no-config", "--apphost", apphost}, "missing folder"},
		{"migrate --all", []string{"migrate", "--no-config", "--color", "never", "--apphost", apphost, "--all"}, "skipped"},
	} {
		out := runCLI(t, "", tc.args...)
		out = out[strings.Index(out, "--- stdout"):] // the command line above echoes the arguments
		if !strings.Contains(out, "INJECTED") || !strings.Contains(out, tc.want) {
			t.Errorf("%s: the case does not reach the name:\n%s", tc.name, out)
			continue
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "::error title=INJECTED") {
				t.Errorf("%s: a name starts a workflow command:\n%s", tc.name, out)
				break
			}
		}
	}
	// A tab is quoted as well: it is no part of a name anyone means.
	out := runCLI(t, "", "migrate", "--no-config", "--color", "never", filepath.Join(tabbed, "web.config"))
	if stderr := out[strings.Index(out, "--- stderr"):]; !strings.Contains(stderr, `tab\tname/web.config": would migrate`) {
		t.Errorf("migrate prints a tab in a name raw:\n%s", out)
	}
}

// TestConfigFileValueCannotInjectWorkflowCommand: an error about a value of
// the repository's .iiscfg.yaml ("\n" in a quoted YAML string is a
// newline) does not start a line of the log either.
func TestConfigFileValueCannotInjectWorkflowCommand(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		".git/HEAD":    "ref: refs/heads/main\n",
		".iiscfg.yaml": "apphost: \"../x\\n::error title=INJECTED::pwned\"\n",
		"web.config":   "<configuration/>\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	out := runCLI(t, "", "lint")
	if !strings.Contains(out, "INJECTED") || !strings.Contains(out, "outside this file's folder") || strings.Contains(out, "\n::error title=INJECTED") {
		t.Errorf("a configuration file's value is printed raw:\n%s", out)
	}
}

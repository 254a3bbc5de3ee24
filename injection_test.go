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

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	xdtNS          = `xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"`
	deployedSource = "<configuration>\n  <appSettings>\n    <add key=\"Env\" value=\"dev\" />\n  </appSettings>\n</configuration>\n"
	releaseXDT     = `<configuration ` + xdtNS + `><appSettings><add key="Env" value="prod" xdt:Transform="SetAttributes" xdt:Locator="Match(key)"/></appSettings></configuration>`
	noMatchXDT     = `<configuration ` + xdtNS + `><appSettings><add key="Nope" value="x" xdt:Transform="SetAttributes" xdt:Locator="Match(key)"/></appSettings></configuration>`
	missingXDT     = `<configuration ` + xdtNS + `><system.webServer><rewrite><rules><rule name="r" xdt:Transform="Insert"/></rules></rewrite></system.webServer></configuration>`
)

func TestTransformCommand(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": deployedSource, "Web.Release.config": releaseXDT,
		"Web.NoMatch.config": noMatchXDT, "Web.Missing.config": missingXDT})
	src, rel := filepath.Join(dir, "web.config"), filepath.Join(dir, "Web.Release.config")
	want := strings.Replace(deployedSource, `value="dev"`, `value="prod"`, 1)

	r := runCLI(t, "transform", src, rel)
	if r.code != 0 || r.stdout != want || r.stderr != "" {
		t.Errorf("transform: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// Flags after the files; -o writes exactly the result and prints nothing.
	out := filepath.Join(dir, "out.config")
	if r := runCLI(t, "transform", src, rel, "-o", out); r.code != 0 || r.stdout != "" {
		t.Errorf("-o: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != want {
		t.Errorf("-o wrote %q", got)
	}
	r = runCLI(t, "transform", "--diff", src, rel)
	if r.code != 0 || !strings.Contains(r.stdout, "-    <add key=\"Env\" value=\"dev\" />\n+    <add key=\"Env\" value=\"prod\" />") {
		t.Errorf("--diff: code %d\n%s", r.code, r.stdout)
	}
	r = runCLI(t, "transform", "--semantic", "--color", "never", src, rel)
	if r.code != 0 || !strings.Contains(r.stdout, "dev") || !strings.Contains(r.stdout, "prod") {
		t.Errorf("--semantic: code %d\n%s", r.code, r.stdout)
	}

	// A warning: applied, exit 0; with --strict exit 1.
	nomatch := filepath.Join(dir, "Web.NoMatch.config")
	r = runCLI(t, "transform", src, nomatch)
	if r.code != 0 || r.stdout != deployedSource || !strings.Contains(r.stderr, "Web.NoMatch.config:1:") || !strings.Contains(r.stderr, "warning: no element") {
		t.Errorf("no match: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "transform", "--strict", src, nomatch); r.code != 1 {
		t.Errorf("--strict with a warning: code %d, want 1", r.code)
	}

	// An Insert whose parent is missing: exit 3, nothing printed or written.
	out2 := filepath.Join(dir, "never.config")
	r = runCLI(t, "transform", src, filepath.Join(dir, "Web.Missing.config"), "-o", out2)
	if r.code != 3 || r.stdout != "" || !strings.Contains(r.stderr, "Web.Missing.config:1:") {
		t.Errorf("missing parent: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Errorf("a failed transform wrote %s", out2)
	}

	// -o into a folder that does not exist: exit 3, said on stderr.
	if r := runCLI(t, "transform", src, rel, "-o", filepath.Join(dir, "absent", "out.config")); r.code != 3 || !strings.Contains(r.stderr, "out.config") {
		t.Errorf("-o in a missing folder: code %d, stderr %q", r.code, r.stderr)
	}

	for _, args := range [][]string{{"transform", src}, {"transform", "--diff", "--semantic", src, rel}} {
		if r := runCLI(t, args...); r.code != 2 {
			t.Errorf("%v: code %d, want 2 (usage)", args, r.code)
		}
	}
	if r := runCLI(t, "transform", src, filepath.Join(dir, "absent.config")); r.code != 3 || !strings.Contains(r.stderr, "absent.config") {
		t.Errorf("absent transform: code %d, stderr %q", r.code, r.stderr)
	}
}

// TestLintDeployedFromConfigFile: configuration: and transforms: in
// .iiscfg.yaml judge web.config as deployed, like the flags.
func TestLintDeployedFromConfigFile(t *testing.T) {
	insertDuplicate := `<configuration ` + xdtNS + `><appSettings/><system.webServer><modules><add name="M" type="T" xdt:Transform="Insert"/></modules></system.webServer></configuration>`
	source := `<configuration><appSettings/><system.webServer><modules><add name="M" type="T"/></modules></system.webServer></configuration>`
	for _, setting := range []string{"configuration: Release\n", "transforms: [app/Web.Release.config]\n"} {
		dir := writeTree(t, map[string]string{"app/web.config": source, "app/Web.Release.config": insertDuplicate, ".iiscfg.yaml": setting})
		r := runCLI(t, "lint", "--config", filepath.Join(dir, ".iiscfg.yaml"), "--format", "compact", filepath.Join(dir, "app", "web.config"))
		if r.code != 1 || !strings.Contains(r.stdout, "Web.Release.config:1:") || !strings.Contains(r.stdout, "duplicate-collection-key") {
			t.Errorf("%q: code %d\n%s%s", setting, r.code, r.stdout, r.stderr)
		}
		// Without the setting the file as it is has no finding.
		if r := runCLI(t, "lint", "--no-config", filepath.Join(dir, "app", "web.config")); r.code != 0 {
			t.Errorf("as it is: code %d\n%s", r.code, r.stdout)
		}
	}
	t.Setenv("IISCFG_CONFIGURATION", "Release")
	dir := writeTree(t, map[string]string{"web.config": source, "Web.Release.config": insertDuplicate})
	if r := runCLI(t, "lint", "--no-config", filepath.Join(dir, "web.config")); r.code != 1 {
		t.Errorf("IISCFG_CONFIGURATION=Release: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

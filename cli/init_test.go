package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleLine is a commented example in the init template: "# key: ..." or
// "#   - item" / "#   key: value" (prose comments are "# Words ...").
var exampleLine = regexp.MustCompile(`^# ?([a-z][a-z-]*:( |$)|  +\S)`)

// The template stays valid YAML, and a valid configuration, once its
// examples are uncommented (issue 14, defect 6).
func TestInitTemplateUncommented(t *testing.T) {
	var out []string
	n := 0
	for _, line := range strings.Split(defaultConfig, "\n") {
		if exampleLine.MatchString(line) {
			line = strings.TrimPrefix(strings.TrimPrefix(line, "#"), " ")
			n++
		}
		out = append(out, line)
	}
	if n < 10 {
		t.Fatalf("only %d example lines found; has the template's layout changed?", n)
	}
	path := filepath.Join(t.TempDir(), "uncommented.yaml")
	if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(path)
	if err != nil {
		t.Fatalf("uncommented template: %v\n%s", err, strings.Join(out, "\n"))
	}
	if len(cfg.exclude) == 0 || len(cfg.apps) == 0 || len(cfg.rules) == 0 || len(cfg.overrides) == 0 {
		t.Errorf("uncommented examples not read: %+v", cfg)
	}
	if _, err := loadConfig(writeTree(t, map[string]string{"c.yaml": defaultConfig}) + "/c.yaml"); err != nil {
		t.Errorf("template as written: %v", err)
	}
}

// YAML syntax errors are path:line:col: message at the offending line, not
// where yaml.v3 says its block started.
func TestConfigSyntaxErrorPosition(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"list.yaml":  "# comment\nfail-on: error\nexclude: []\n  - \"**/obj/**\"\nruntime: v4.0\n",
		"flow.yaml":  "fail-on: error\nformat: [text\n",
		"web.config": cleanConfig,
	})
	for name, want := range map[string]string{
		"list.yaml": "list.yaml:4:3: ",
		"flow.yaml": "flow.yaml:2:1: ",
	} {
		r := runCLI(t, "lint", "--config", filepath.Join(dir, name), dir)
		if r.code != ExitUsage || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", name, r.code, r.stderr, want)
		}
	}
}

// "iiscfg init -" prints the template instead of writing a file named "-".
func TestInitDash(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	r := runCLI(t, "init", "-")
	if r.code != ExitOK || r.stdout != defaultConfig {
		t.Errorf("init -: exit %d, stdout %q", r.code, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("init - wrote a file named -")
	}
}

// An apphost in the configuration file does not turn "lint web.config"
// into a site lookup (issue 14, defect 5).
func TestConfigApphostLeavesNamedFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".iiscfg.yaml": "apphost: deploy/applicationHost.config\n",
		"web.config":   modulesConfig,
	})
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	r := runCLI(t, "lint", "--color", "never", "web.config")
	if r.code != ExitFindings || !strings.Contains(r.stdout, "[classic-http-modules]") {
		t.Errorf("lint web.config: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	// With no arguments the file's apphost is used (and here is missing).
	if r := runCLI(t, "lint"); r.code != ExitInput || !strings.Contains(r.stderr, "applicationHost.config") {
		t.Errorf("lint: exit %d, %q", r.code, r.stderr)
	}
}

package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOptInRuleSet: the security rules run only when selected, by the set's
// name on --enable or --only, or in the configuration file (also per glob);
// --disable of one rule keeps the rest of the set.
func TestOptInRuleSet(t *testing.T) {
	const debugOn = `<configuration><system.web><compilation debug="true" /><trace enabled="true" /></system.web></configuration>`
	dir := writeTree(t, map[string]string{
		".git/HEAD":               "ref: refs/heads/main\n",
		"app/web.config":          debugOn,
		"prod/web.config":         debugOn,
		"other/.iiscfg.yaml":      "rules:\n  security: warning\n",
		"other/web.config":        debugOn,
		"globbed/.iiscfg.yaml":    "overrides:\n  - files: ['prod/**']\n    rules:\n      security: on\n",
		"globbed/prod/web.config": debugOn,
		"globbed/dev/web.config":  debugOn,
	})
	t.Chdir(dir)
	has := func(out, rule string) bool {
		return strings.Contains(out, "["+rule+"]") || strings.Contains(out, " "+rule+" ")
	}

	if r := runCLI(t, "lint", "--format", "compact", "app"); r.code != ExitOK || has(r.stdout, "debug-compilation") {
		t.Errorf("default: exit %d\n%s", r.code, r.stdout)
	}
	r := runCLI(t, "lint", "--format", "compact", "--enable", "security", "app")
	if r.code != ExitFindings || !has(r.stdout, "debug-compilation") || !has(r.stdout, "trace-enabled") {
		t.Errorf("--enable security: exit %d\n%s", r.code, r.stdout)
	}
	r = runCLI(t, "lint", "--format", "compact", "--enable", "SECURITY", "--disable", "trace-enabled", "app")
	if !has(r.stdout, "debug-compilation") || has(r.stdout, "trace-enabled") {
		t.Errorf("--enable SECURITY --disable trace-enabled:\n%s", r.stdout)
	}
	r = runCLI(t, "lint", "--format", "compact", "--only", "security", "app")
	if !has(r.stdout, "debug-compilation") {
		t.Errorf("--only security:\n%s", r.stdout)
	}
	if r := runCLI(t, "lint", "--enable", "securty", "app"); r.code != ExitUsage {
		t.Errorf("--enable securty: exit %d, want %d", r.code, ExitUsage)
	}

	t.Chdir(filepath.Join(dir, "other"))
	if r := runCLI(t, "lint", "--format", "compact", "."); !has(r.stdout, "debug-compilation") {
		t.Errorf("rules: {security: warning}:\n%s", r.stdout)
	}
	t.Chdir(filepath.Join(dir, "globbed"))
	r = runCLI(t, "lint", "--format", "compact", ".")
	if !strings.Contains(r.stdout, "prod/web.config") || strings.Contains(r.stdout, "dev/web.config") {
		t.Errorf("overrides for prod/** only:\n%s", r.stdout)
	}
}

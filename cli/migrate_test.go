package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const classicApp = "<configuration>\n  <system.web>\n    <httpModules>\n      <add name=\"M\" type=\"T\" />\n    </httpModules>\n  </system.web>\n</configuration>\n"

func TestMigrateModes(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": classicApp})
	path := filepath.Join(dir, "web.config")

	dry := runCLI(t, "migrate", "--color", "never", path)
	if dry.code != ExitOK || !strings.Contains(dry.stdout, "+      <add name=\"M\" type=\"T\" preCondition=\"managedHandler\" />") ||
		!strings.Contains(dry.stderr, `would migrate section "system.web/httpModules".`) {
		t.Errorf("dry run: %d\n%s\n%s", dry.code, dry.stdout, dry.stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != classicApp {
		t.Fatal("the dry run wrote the file")
	}
	if r := runCLI(t, "migrate", "--check", path); r.code != ExitFindings {
		t.Errorf("--check with changes: exit %d", r.code)
	}
	out := runCLI(t, "migrate", "--stdout", path)
	if out.code != ExitOK || !strings.HasPrefix(out.stdout, "<configuration>") || !strings.Contains(out.stdout, "<validation validateIntegratedModeConfiguration=\"false\" />") {
		t.Errorf("--stdout: %d %q", out.code, out.stdout)
	}
	w := runCLI(t, "migrate", "--write", "--backup=.orig", path)
	if w.code != ExitOK {
		t.Fatalf("--write: %d %s", w.code, w.stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != out.stdout {
		t.Error("--write wrote something else than --stdout printed")
	}
	if data, _ := os.ReadFile(path + ".orig"); string(data) != classicApp {
		t.Error("--backup=.orig did not keep the original")
	}
	if r := runCLI(t, "migrate", "--check", path); r.code != ExitOK || r.stdout != "" {
		t.Errorf("--check after --write: %d %q", r.code, r.stdout)
	}
}

func TestMigrateRefusals(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": classicApp, "broken/web.config": "<configuration><system.web>"})
	path := filepath.Join(dir, "web.config")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"write stdin", []string{"migrate", "--write", "-"}, ExitUsage, "--write cannot write to standard input"},
		{"stdout two inputs", []string{"migrate", "--stdout", path, path + "x"}, ExitUsage, "--stdout takes exactly one input"},
		{"write and stdout", []string{"migrate", "--write", "--stdout", path}, ExitUsage, "--write and --stdout do not go together"},
		{"backup without write", []string{"migrate", "--backup", path}, ExitUsage, "--backup needs --write"},
		{"unsupported section", []string{"migrate", "--section", "system.web/identity", path}, ExitUsage, `Migration is not supported for section "system.web/identity".`},
		{"bad compat", []string{"migrate", "--compat", "iis6", path}, ExitUsage, "--compat must be best or appcmd"},
		{"unparsable", []string{"migrate", "--write", filepath.Join(dir, "broken")}, ExitInput, "unexpected end of file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runWith(t, classicApp, nil, tc.args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, tc.code, tc.msg)
			}
		})
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "broken", "web.config")); string(data) != "<configuration><system.web>" {
		t.Error("an unparsable file was written")
	}
	if data, _ := os.ReadFile(path); string(data) != classicApp {
		t.Error("a refused run wrote the file")
	}
}

func TestMigrateReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		// Root may write anyway, but iiscfg checks the mode itself.
		t.Log("running as root")
	}
	dir := writeTree(t, map[string]string{"web.config": classicApp})
	path := filepath.Join(dir, "web.config")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "migrate", "--write", path)
	if r.code != ExitInput || !strings.Contains(r.stderr, "not written: the file is read-only") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != classicApp {
		t.Error("a read-only file was changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestMigrateKeepsFileMode(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": classicApp})
	path := filepath.Join(dir, "web.config")
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "migrate", "--write", path); r.code != ExitOK {
		t.Fatal(r.stderr)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
}

// A subfolder's web.config is migrated after its application's, against
// what the application's file now says: the subfolder inherits the new
// handler, so migrating the same mapping there adds nothing.
func TestMigrateTreeParentsFirst(t *testing.T) {
	handler := `<httpHandlers><add verb="*" path="*.x" type="H"/></httpHandlers>`
	dir := writeTree(t, map[string]string{
		"web.config":     `<configuration><system.web><authentication mode="Forms"/>` + handler + `</system.web></configuration>`,
		"sub/web.config": `<configuration><system.web>` + handler + `</system.web></configuration>`,
	})
	r := runCLI(t, "migrate", "--write", dir)
	if r.code != ExitOK {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	sub, _ := os.ReadFile(filepath.Join(dir, "sub", "web.config"))
	if strings.Contains(string(sub), "system.webServer") {
		t.Errorf("the subfolder got a handler its application already gives it:\n%s", sub)
	}
	if r := runCLI(t, "lint", dir); r.code != ExitOK {
		t.Errorf("lint after migrate: %d\n%s", r.code, r.stdout)
	}
}

func TestMigrateSkipsOtherKinds(t *testing.T) {
	dir := writeTree(t, map[string]string{"Web.Release.config": `<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"/>`})
	r := runCLI(t, "migrate", filepath.Join(dir, "Web.Release.config"))
	if r.code != ExitOK || !strings.Contains(r.stderr, "a transform, not an application's web.config; nothing to migrate") {
		t.Errorf("%d %q", r.code, r.stderr)
	}
}

// TestMigrateWalkExcludes: migrate walks folders as lint does, leaving out
// what --exclude (or the configuration file) excludes.
func TestMigrateWalkExcludes(t *testing.T) {
	modules := `<configuration><system.web><httpModules><add name="M" type="T"/></httpModules></system.web></configuration>`
	dir := writeTree(t, map[string]string{
		".git/HEAD":              "x",
		".iiscfg.yaml":           "exclude: [\"generated/**\"]\n",
		"site/web.config":        modules,
		"vendor/x/web.config":    modules,
		"generated/y/web.config": modules,
	})
	t.Chdir(dir)
	r := runCLI(t, "migrate", "--check", "--exclude", "vendor/**", ".")
	if r.code != ExitFindings || !strings.Contains(r.stderr, "1 file would change") || strings.Contains(r.stdout, "vendor") || strings.Contains(r.stdout, "generated") {
		t.Errorf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// TestMigrateNestedAppLeavesParentEntries: a declared application whose
// httpModules come only from its site's web.config is left unchanged, with
// a warning to migrate the parent: copying the parent's entries into it
// made them duplicates (HTTP 500.19) once the parent was migrated (review2
// F7). Migrated child first, then parent, the site lints clean.
func TestMigrateNestedAppLeavesParentEntries(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".iiscfg.yaml":   "apps: [api]\n",
		"web.config":     "<configuration>\n<system.web><httpModules><add name=\"Mod\" type=\"A.M\"/></httpModules></system.web>\n</configuration>\n",
		"api/web.config": "<configuration>\n<appSettings/>\n</configuration>\n",
	})
	t.Chdir(dir)
	r := runCLI(t, "migrate", "--no-gitignore", "--write", filepath.Join("api", "web.config"))
	if r.code != ExitOK || !strings.Contains(r.stderr, "note: system.web/httpModules entries inherited from the parent application's web.config are left to its migration") {
		t.Fatalf("child: exit %d\n%s", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "api", "web.config")); string(data) != "<configuration>\n<appSettings/>\n</configuration>\n" {
		t.Fatalf("child changed:\n%s", data)
	}
	// appcmd's own algorithm copies the effective collection, inherited
	// entries included.
	if r := runCLI(t, "migrate", "--no-gitignore", "--compat", "appcmd", "--stdout", filepath.Join("api", "web.config")); !strings.Contains(r.stdout, `<add name="Mod" type="A.M"`) {
		t.Errorf("--compat appcmd: want the inherited entry copied\n%s%s", r.stdout, r.stderr)
	}
	if r := runCLI(t, "migrate", "--no-gitignore", "--write", "web.config"); r.code != ExitOK {
		t.Fatalf("parent: exit %d\n%s", r.code, r.stderr)
	}
	if r := runCLI(t, "lint", "--no-gitignore", "--format", "compact", "."); r.code != ExitOK {
		t.Errorf("after migrating child then parent: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestMigrateNestedAppClearingInheritedGetsItsOwn: a nested application
// whose own modules and handlers <clear/> (or <remove>) what it inherits
// would not inherit its parent's migrated entries, so it gets its own
// copies (review3: it silently lost the module and the handler).
func TestMigrateNestedAppClearingInheritedGetsItsOwn(t *testing.T) {
	parent := "<configuration>\n<system.web><httpModules><add name=\"Mod\" type=\"A.M\"/></httpModules>" +
		"<httpHandlers><add path=\"x.axd\" verb=\"*\" type=\"A.H\"/></httpHandlers></system.web>\n</configuration>\n"
	for name, child := range map[string]string{
		"clear":  "<configuration>\n<system.webServer><modules><clear/></modules><handlers><clear/></handlers></system.webServer>\n</configuration>\n",
		"remove": "<configuration>\n<system.webServer><modules><remove name=\"Mod\"/></modules><handlers><remove name=\"x.axd_*\"/></handlers></system.webServer>\n</configuration>\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{".iiscfg.yaml": "apps: [api]\n", "web.config": parent, "api/web.config": child})
			t.Chdir(dir)
			r := runCLI(t, "migrate", "--no-gitignore", "--stdout", filepath.Join("api", "web.config"))
			if !strings.Contains(r.stdout, `<add name="Mod" type="A.M"`) || !strings.Contains(r.stdout, `name="x.axd_*"`) || strings.Contains(r.stderr, "left to its migration") {
				t.Errorf("want the inherited entries copied:\n%s%s", r.stdout, r.stderr)
			}
		})
	}
}

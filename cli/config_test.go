package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A web.config with one warning (dead-precondition) and one error
// (classic-http-modules).
const warnAndError = `<configuration>
  <system.web><httpModules><add name="M" type="T"/></httpModules></system.web>
  <system.webServer><modules><add name="N" type="U" preCondition="runtimeVersionv2.0"/></modules></system.webServer>
</configuration>`

// TestConfigPrecedence: flags win over IISCFG_* variables, which win over
// the configuration file, which wins over the defaults; --verbose says so.
func TestConfigPrecedence(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".git/HEAD":    "ref: refs/heads/main\n", // the repository root: the lookup stops here
		".iiscfg.yaml": "fail-on: none\nruntime: v2.0\nrules:\n  classic-http-modules: off\n",
		// In the file's v2.0 pool, a v4.0 module is dead: a warning.
		"app/web.config": strings.Replace(warnAndError, "runtimeVersionv2.0", "runtimeVersionv4.0", 1),
	})
	t.Chdir(filepath.Join(dir, "app"))

	// The file, found in a parent folder: fail-on none, the error rule off.
	r := runCLI(t, "lint", "--verbose", "--color", "never", ".")
	if r.code != ExitOK || strings.Contains(r.stdout, "classic-http-modules") || !strings.Contains(r.stdout, "dead-precondition") {
		t.Errorf("file settings: exit %d\n%s", r.code, r.stdout)
	}
	for _, want := range []string{"configuration file " + filepath.Join(dir, ".iiscfg.yaml"), "fail-on = none (file)", "runtime = v2.0 (file)",
		"rule classic-http-modules = off (file)", "color = never (flag)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("--verbose lacks %q:\n%s", want, r.stderr)
		}
	}
	// The environment wins over the file; a flag over both.
	t.Setenv("IISCFG_FAIL_ON", "warning")
	if r := runCLI(t, "lint", "--verbose", "."); r.code != ExitFindings || !strings.Contains(r.stderr, "fail-on = warning (environment)") {
		t.Errorf("environment: exit %d\n%s", r.code, r.stderr)
	}
	if r := runCLI(t, "lint", "--verbose", "--fail-on", "none", "."); r.code != ExitOK || !strings.Contains(r.stderr, "fail-on = none (flag)") {
		t.Errorf("flag: exit %d\n%s", r.code, r.stderr)
	}
	// --enable turns on a rule the file turns off; --no-config ignores the file.
	if r := runCLI(t, "lint", "--enable", "classic-http-modules", "."); !strings.Contains(r.stdout, "classic-http-modules") {
		t.Errorf("--enable: %s", r.stdout)
	}
	if r := runCLI(t, "lint", "--no-config", "--verbose", "."); !strings.Contains(r.stdout, "classic-http-modules") || !strings.Contains(r.stderr, "no configuration file") {
		t.Errorf("--no-config: %s\n%s", r.stdout, r.stderr)
	}
}

func TestConfigErrors(t *testing.T) {
	for name, tc := range map[string]struct{ yaml, want string }{
		"unknown key":      {"fail-on: error\nfial-on: warning\n", ".iiscfg.yaml:2:1: unknown setting \"fial-on\""},
		"bad value":        {"fail-on: sometimes\n", ".iiscfg.yaml:1:10: fail-on must be error, warning, info or none, not \"sometimes\""},
		"unknown rule":     {"rules:\n  no-such-rule: off\n", ".iiscfg.yaml:2:3: no rule \"no-such-rule\""},
		"bad severity":     {"rules:\n  IC101: loud\n", ".iiscfg.yaml:2:10: rule classic-http-modules: \"loud\" is not off, on, error, warning or info"},
		"bad glob":         {"exclude: ['a/[b']\n", ".iiscfg.yaml:1:10: bad glob \"a/[b\""},
		"override without": {"overrides:\n  - rules: {IC101: off}\n", ".iiscfg.yaml:2:5: an override needs files"},
		"not a mapping":    {"- a\n- b\n", ".iiscfg.yaml:1:1: the configuration must be a mapping of settings"},
		"bad yaml":         {"fail-on: [\n", ".iiscfg.yaml:1:1: did not find expected node content"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{".git/HEAD": "x", ".iiscfg.yaml": tc.yaml, "web.config": "<configuration/>"})
			t.Chdir(dir)
			r := runCLI(t, "lint", ".")
			if r.code != ExitUsage || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q, want %q", r.code, r.stderr, tc.want)
			}
		})
	}
	// A file named with --config that does not exist is an input error.
	if r := runCLI(t, "lint", "--config", filepath.Join(t.TempDir(), "nope.yaml"), "."); r.code != ExitInput {
		t.Errorf("missing --config: exit %d", r.code)
	}
}

// TestConfigOverridesAndExclude: rules per glob, and files left out.
func TestConfigOverridesAndExclude(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".git/HEAD": "x",
		".iiscfg.yaml": `exclude: ["vendor/**"]
overrides:
  - files: ["legacy/**/web.config"]
    rules:
      classic-http-modules: info
      dead-precondition: off
`,
		"site/web.config":        warnAndError,
		"legacy/app/web.config":  warnAndError,
		"vendor/cms/web.config":  warnAndError,
		"generated/x/web.config": warnAndError,
	})
	t.Chdir(dir)
	r := runCLI(t, "lint", "--format", "compact", "--exclude", "generated/**", ".")
	got := r.stdout
	for _, want := range []string{
		"site/web.config:2:15: error:", "site/web.config:3:53: warning:",
		"legacy/app/web.config:2:15: info:",
	} {
		if !strings.Contains(got, filepath.FromSlash(want)) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{"legacy/app/web.config:3", "vendor", "generated"} {
		if strings.Contains(got, filepath.FromSlash(unwanted)) {
			t.Errorf("has %q:\n%s", unwanted, got)
		}
	}
	// A file named on the command line is linted even when excluded.
	if r := runCLI(t, "lint", "--format", "compact", filepath.Join("vendor", "cms", "web.config")); !strings.Contains(r.stdout, "vendor") {
		t.Errorf("an explicit file was excluded: %s", r.stdout)
	}
}

func TestInitWritesALoadableDefault(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if r := runCLI(t, "init"); r.code != ExitOK || !strings.Contains(r.stderr, "wrote .iiscfg.yaml") {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	cfg, err := loadConfig(ConfigFileName)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.flags["fail-on"][0] != "warning" || cfg.flags["runtime"][0] != "v4.0" || len(cfg.rules) != 0 || cfg.flags["no-gitignore"] != nil {
		t.Errorf("the default file does not hold the defaults: %+v", cfg)
	}
	if r := runCLI(t, "init"); r.code != ExitUsage {
		t.Errorf("init over an existing file: exit %d", r.code)
	}
	if r := runCLI(t, "init", "--force"); r.code != ExitOK {
		t.Errorf("init --force: exit %d", r.code)
	}
}

// TestGitignore: inside a git checkout, what .gitignore ignores is not
// linted (unless --no-gitignore).
func TestGitignore(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	dir := writeTree(t, map[string]string{
		".gitignore":              "publish/\n",
		"site/web.config":         warnAndError,
		"publish/site/web.config": warnAndError,
	})
	cmd := exec.Command(git, "init", "-q", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	t.Chdir(dir)
	if r := runCLI(t, "lint", "--format", "compact", "."); strings.Contains(r.stdout, "publish") || !strings.Contains(r.stdout, "site") {
		t.Errorf("gitignore not honoured:\n%s", r.stdout)
	}
	if r := runCLI(t, "lint", "--format", "compact", "--no-gitignore", "."); !strings.Contains(r.stdout, "publish") {
		t.Errorf("--no-gitignore:\n%s", r.stdout)
	}
}

// TestSymlinkLoop: a link back to a parent folder is noted, not followed
// for ever; a link to another folder inside the walk is followed, and the
// file it reaches twice is linted once.
func TestSymlinkLoop(t *testing.T) {
	dir := writeTree(t, map[string]string{"a/web.config": warnAndError, "shared/b/web.config": warnAndError})
	if err := os.Symlink(dir, filepath.Join(dir, "a", "loop")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "shared"), filepath.Join(dir, "a", "shared")); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "lint", "--format", "compact", dir)
	if !strings.Contains(r.stderr, "symbolic link loop") {
		t.Errorf("no note of the loop: %s", r.stderr)
	}
	if strings.Count(r.stdout, "b"+string(filepath.Separator)+"web.config:2:") != 1 {
		t.Errorf("the linked folder's file should be linted once:\n%s", r.stdout)
	}
}

// TestSymlinkOutOfWalkNotFollowed: a link (to a folder or to a web.config)
// that leads out of the walked folder is noted and not followed, so a pull
// request cannot make a CI walk read files elsewhere on the runner. Named
// on the command line, the file is read.
func TestSymlinkOutOfWalkNotFollowed(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"outside/web.config":  "<configuration>\n<system.web><compilation note=\"OUTSIDE-DATA\"/></system.web>\n</configuration>\n",
		"repo/app/readme.txt": "",
		"repo/web.config":     "<configuration/>\n",
	})
	if err := os.Symlink(filepath.Join(dir, "outside"), filepath.Join(dir, "repo", "app", "ext")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join("..", "..", "outside", "web.config"), filepath.Join(dir, "repo", "app", "web.config")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(dir, "repo"))
	r := runCLI(t, "lint", "--color", "never", "--no-gitignore", ".")
	if strings.Contains(r.stdout+r.stderr, "OUTSIDE") || strings.Contains(r.stdout, "ext") || strings.Contains(r.stdout, "app"+string(filepath.Separator)+"web.config") {
		t.Errorf("a link out of the walk was followed:\n%s\n%s", r.stdout, r.stderr)
	}
	for _, link := range []string{"app/ext", "app/web.config"} {
		if !strings.Contains(r.stderr, filepath.FromSlash(link)+": symbolic link to ") || !strings.Contains(r.stderr, "not followed") {
			t.Errorf("no note for %s: %s", link, r.stderr)
		}
	}
	if r := runCLI(t, "lint", "--color", "never", filepath.Join("app", "web.config")); !strings.Contains(r.stdout, "OUTSIDE") || strings.Contains(r.stderr, "not followed") {
		t.Errorf("a named link should be read: exit %d\n%s", r.code, r.stderr)
	}
}

// TestSymlinkLoopRelativeRoot: with a relative walk root (the default
// "."), a link back to the root is a loop and a folder reached by two
// names is linted once — the links' targets were compared as relative
// paths before.
func TestSymlinkLoopRelativeRoot(t *testing.T) {
	modules := "<configuration>\n<system.web><httpModules><add name=\"M\" type=\"A.M\"/></httpModules></system.web>\n</configuration>\n"
	dir := writeTree(t, map[string]string{"loop/Views/web.config": modules, "alias/app/web.config": modules})
	if err := os.Symlink("..", filepath.Join(dir, "loop", "Views", "loop")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink("app", filepath.Join(dir, "alias", "alias")); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"loop", "alias"} {
		t.Run(root, func(t *testing.T) {
			t.Chdir(filepath.Join(dir, root))
			rel := runCLI(t, "lint", "--format", "compact", "--no-gitignore", ".")
			abs := runCLI(t, "lint", "--format", "compact", "--no-gitignore", filepath.Join(dir, root))
			if strings.Count(rel.stdout, "web.config:") != 1 || strings.Contains(rel.stdout, "duplicate-collection-key") {
				t.Errorf("relative root: one file, one finding wanted:\n%s\n%s", rel.stdout, rel.stderr)
			}
			if strings.Count(rel.stdout, "\n") != strings.Count(abs.stdout, "\n") || rel.code != abs.code {
				t.Errorf("relative and absolute roots differ:\n%s\n---\n%s", rel.stdout, abs.stdout)
			}
		})
	}
}

// TestConfigServerSettings: apps and migrate read the server's settings
// (apphost, path-map) from the configuration file, relative to its folder;
// a plain diff ignores them.
func TestConfigServerSettings(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".git/HEAD":    "x",
		".iiscfg.yaml": "apphost: deploy/applicationHost.config\npath-map: ['C:\\site=site']\n",
		"deploy/applicationHost.config": `<configuration><system.applicationHost><applicationPools><add name="P"/></applicationPools>
<sites><site name="S" id="1"><application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="C:\site"/></application></site></sites>
</system.applicationHost></configuration>`,
		"site/web.config": warnAndError,
		"a.config":        "<configuration/>",
		"b.config":        "<configuration/>",
	})
	t.Chdir(filepath.Join(dir, "deploy"))
	if r := runCLI(t, "apps"); r.code != ExitOK || !strings.Contains(r.stdout, "needs migrate") {
		t.Errorf("apps: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "migrate", "--check", "S/"); r.code != ExitFindings {
		t.Errorf("migrate --check S/: exit %d\n%s", r.code, r.stderr)
	}
	if r := runCLI(t, "diff", filepath.Join("..", "a.config"), filepath.Join("..", "b.config")); r.code != ExitOK {
		t.Errorf("diff with a configuration that names an apphost: exit %d %s", r.code, r.stderr)
	}
}

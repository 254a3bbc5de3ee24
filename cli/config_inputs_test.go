package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Regression (issue 11): a repository's .iiscfg.yaml could make CI read
// any file of the machine (an applicationHost.config, a root web.config, a
// schema folder, transforms, a --path-map folder) and echo it in errors or
// findings. Input paths from a configuration file stay below its folder,
// links resolved; the command line may name any path.
func TestConfigInputPathsStayInTheRepository(t *testing.T) {
	outside := t.TempDir()
	secret := "<configuration><appSettings><add key='k' value='TOPSECRET' & /></appSettings></configuration>"
	for _, name := range []string{"applicationHost.config", "web.config", "Web.Release.config", "schema/x_schema.xml", "site/web.config"} {
		p := filepath.Join(outside, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(secret), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	host := filepath.Join(outside, "applicationHost.config")
	for name, tc := range map[string]struct {
		yaml string
		args []string
	}{
		"apphost absolute":         {"apphost: " + host + "\n", []string{"lint"}},
		"apphost for apps":         {"apphost: " + host + "\n", []string{"apps"}},
		"apphost a link to a file": {"apphost: host.config\n", []string{"lint"}},
		"root-web-config dot-dot":  {"root-web-config: DOTDOT/web.config\n", []string{"lint", "web.config"}},
		"root-web-config via link": {"root-web-config: out/web.config\n", []string{"lint", "web.config"}},
		"root-web-config, migrate": {"root-web-config: " + filepath.Join(outside, "web.config") + "\n", []string{"migrate", "web.config"}},
		"schema-dir":               {"schema-dir: out/schema\n", []string{"lint", "web.config"}},
		"schema-dir file via link": {"schema-dir: schema\n", []string{"lint", "web.config"}},
		"transforms":               {"transforms: [" + filepath.Join(outside, "Web.Release.config") + "]\n", []string{"lint", "web.config"}},
		"path-map to a folder":     {"apphost: applicationHost.config\npath-map: ['C:\\site=" + filepath.Join(outside, "site") + "']\n", []string{"lint"}},
		"path-map through a link":  {"apphost: applicationHost.config\npath-map: ['C:\\site=out/site']\n", []string{"migrate", "--all"}},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			up, err := filepath.Rel(dir, outside)
			if err != nil || !strings.HasPrefix(up, "..") {
				t.Fatal(up, err)
			}
			dir = writeTreeIn(t, dir, map[string]string{
				".git/HEAD":    "ref: refs/heads/main\n",
				".iiscfg.yaml": strings.ReplaceAll(tc.yaml, "DOTDOT", filepath.ToSlash(up)),
				"web.config":   cleanConfig,
				"applicationHost.config": `<configuration><system.applicationHost><sites><site name="S" id="1">
<application path="/"><virtualDirectory path="/" physicalPath="C:\site" /></application></site></sites></system.applicationHost></configuration>`,
			})
			if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(host, filepath.Join(dir, "host.config")); err != nil {
				t.Fatal(err)
			}
			// The folder is inside; a file in it is a link to the machine's (review2 F4).
			if err := os.Mkdir(filepath.Join(dir, "schema"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Join(outside, "schema", "x_schema.xml"), filepath.Join(dir, "schema", "evil_schema.xml")); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			args := tc.args
			r := runCLI(t, args...)
			if r.code != ExitUsage || !strings.Contains(r.stderr, "is outside this file's folder") {
				t.Errorf("exit %d, %s", r.code, r.stderr)
			}
			if strings.Contains(r.stdout+r.stderr, "TOPSECRET") {
				t.Errorf("a file outside the repository was echoed: %s%s", r.stdout, r.stderr)
			}
		})
	}
	// Inside the folder is fine, and the command line may name any path.
	dir := writeTree(t, map[string]string{".git/HEAD": "ref: refs/heads/main\n", ".iiscfg.yaml": "root-web-config: root/web.config\n",
		"root/web.config": cleanConfig, "web.config": cleanConfig})
	t.Chdir(dir)
	if r := runCLI(t, "lint", "web.config"); r.code != ExitOK {
		t.Errorf("inside: %d %s", r.code, r.stderr)
	}
	// A schema file that is a link to another file of the repository is read.
	schemaText := "<configSchema><sectionSchema name=\"system.webServer/contoso\"><attribute name=\"enabled\" type=\"bool\"/></sectionSchema></configSchema>"
	dir = writeTree(t, map[string]string{".git/HEAD": "ref: refs/heads/main\n", ".iiscfg.yaml": "schema-dir: schema\n", "shared/contoso.xml": schemaText,
		"schema/.keep": "", "web.config": "<configuration><system.webServer><contoso enabled=\"maybe\"/></system.webServer></configuration>"})
	if err := os.Symlink(filepath.Join("..", "shared", "contoso.xml"), filepath.Join(dir, "schema", "contoso_schema.xml")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if r := runCLI(t, "lint", "web.config"); r.code != ExitFindings || !strings.Contains(r.stdout, "maybe") {
		t.Errorf("schema file linked inside: %d %s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "lint", "--root-web-config", filepath.Join(outside, "web.config"), "web.config"); r.code != ExitInput {
		t.Errorf("command line: %d %s", r.code, r.stderr)
	}
}

// Regression (review R2b): an applicationHost.config named by the
// configuration file is the repository's, so its physical paths could
// point anywhere (physicalPath="/etc/app", a link in the repository, a
// web.config that is a link): lint, apps and migrate read and quoted the
// web.config there. The folders and files it names stay below the
// configuration file's folder, links resolved; the command line's
// --apphost may name any folder.
func TestConfigApphostPhysicalPathsStayInTheRepository(t *testing.T) {
	host := func(physical string) string {
		return `<configuration><system.applicationHost><applicationPools><add name="P" /></applicationPools><sites><site name="S" id="1">
<application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="` + physical + `" /></application></site></sites></system.applicationHost></configuration>`
	}
	for name, physical := range map[string]string{
		"absolute physical path":  "OUTSIDE",
		"dot-dot physical path":   "site/../../outside",
		"a link in the repo":      "out",
		"a web.config that links": "linked",
	} {
		for _, args := range [][]string{{"lint"}, {"apps"}, {"migrate", "--all"}, {"lint", "--no-config", "--apphost", "applicationHost.config"}, {"apps", "--no-config", "--apphost", "applicationHost.config"}} {
			t.Run(name+"/"+strings.Join(args, " "), func(t *testing.T) {
				base := t.TempDir()
				outside := writeTreeIn(t, filepath.Join(base, "outside"), map[string]string{
					"web.config": "<configuration>\n<system.web><compilation note=\"OUTSIDE-DATA\"/></system.web>\n</configuration>\n"})
				dir := filepath.Join(base, "repo")
				physical := strings.ReplaceAll(physical, "OUTSIDE", outside)
				if !filepath.IsAbs(physical) {
					physical = filepath.Join(dir, filepath.FromSlash(physical))
				}
				writeTreeIn(t, dir, map[string]string{
					".git/HEAD":              "ref: refs/heads/main\n",
					".iiscfg.yaml":           "apphost: applicationHost.config\n",
					"applicationHost.config": host(physical),
					"site/.keep":             "",
					"linked/.keep":           "",
				})
				if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(filepath.Join(outside, "web.config"), filepath.Join(dir, "linked", "web.config")); err != nil {
					t.Fatal(err)
				}
				t.Chdir(dir)
				r := runCLI(t, args...)
				fromFile := !slices.Contains(args, "--no-config")
				if args[0] == "apps" {
					// apps shows no file's content; its row says whether the
					// folder was read (a folder that is a link panicked before).
					// A web.config that links out is not read, and not called
					// unparsable (review2 F3).
					if notRead := strings.Contains(r.stdout, "missing folder") || strings.Contains(r.stdout, "web.config cannot be read"); notRead != fromFile || strings.Contains(r.stdout, "does not parse") {
						t.Errorf("apps: exit %d %s%s", r.code, r.stdout, r.stderr)
					}
					return
				}
				if read := strings.Contains(r.stdout+r.stderr, "OUTSIDE-DATA") || strings.Contains(r.stdout+r.stderr, "unknown-attribute"); read == fromFile {
					t.Errorf("from the configuration file: %v, outside file read: %v\n%s%s", fromFile, read, r.stdout, r.stderr)
				}
				if fromFile && !strings.Contains(r.stderr, "outside the folder of the configuration file that names applicationHost.config; not read") {
					t.Errorf("no note: exit %d %s%s", r.code, r.stdout, r.stderr)
				}
			})
		}
	}
}

// Regression (review R2c): a .iiscfg.yaml found by looking up from the
// working folder may be a link a pull request commits (to /etc/shadow):
// it was followed and its first line echoed as an unknown setting. A
// discovered link is not followed (a note says so); --config may name
// one; an unknown key that cannot be a name is never quoted.
func TestDiscoveredConfigFileLinkNotFollowed(t *testing.T) {
	outside := t.TempDir()
	shadow := filepath.Join(outside, "shadow")
	if err := os.WriteFile(shadow, []byte("root:$6$SECRETHASH$abc:19000:0:99999:7:::\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := writeTree(t, map[string]string{".git/HEAD": "ref: refs/heads/main\n", "web.config": cleanConfig})
	if err := os.Symlink(shadow, filepath.Join(dir, ".iiscfg.yaml")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	r := runCLI(t, "lint", "--no-gitignore")
	if r.code != ExitOK || !strings.Contains(r.stderr, ".iiscfg.yaml is a symbolic link; not read (name it with --config to use it)") {
		t.Errorf("discovered link: exit %d %s", r.code, r.stderr)
	}
	r = runCLI(t, "lint", "--no-gitignore", "--config", ".iiscfg.yaml")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "unknown setting (a key that cannot be a name; not shown)") {
		t.Errorf("named link: exit %d %s", r.code, r.stderr)
	}
	for _, r := range []result{r, runCLI(t, "lint", "--no-gitignore")} {
		if strings.Contains(r.stdout+r.stderr, "SECRETHASH") {
			t.Errorf("the linked file was echoed: %s%s", r.stdout, r.stderr)
		}
	}
	// A key that could be a setting's name is still quoted.
	writeTreeIn(t, outside, map[string]string{"c.yaml": "fail-ob: error\n"})
	if r := runCLI(t, "lint", "--config", filepath.Join(outside, "c.yaml")); !strings.Contains(r.stderr, `unknown setting "fail-ob"`) {
		t.Errorf("a name-like key: %s", r.stderr)
	}
}

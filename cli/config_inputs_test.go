package cli

import (
	"os"
	"path/filepath"
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
	if r := runCLI(t, "lint", "--root-web-config", filepath.Join(outside, "web.config"), "web.config"); r.code != ExitInput {
		t.Errorf("command line: %d %s", r.code, r.stderr)
	}
}

// writeTreeIn creates files (path → content) under dir and returns it.
func writeTreeIn(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

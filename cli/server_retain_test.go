package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The server commands forget an application's files when the next one
// starts; a folder two sites share is then read again, and its error must
// still be reported once (here a web.config that links out of the
// repository of the configuration file that names applicationHost.config).
func TestServerFileErrorsOnceWhenReadAgain(t *testing.T) {
	base := t.TempDir()
	outside := writeTreeIn(t, filepath.Join(base, "outside"), map[string]string{"web.config": cleanConfig})
	dir := filepath.Join(base, "repo")
	site := func(name, folder string) string {
		return `<site name="` + name + `" id="1"><application path="/"><virtualDirectory path="/" physicalPath="` + filepath.Join(dir, folder) + `" /></application></site>`
	}
	writeTreeIn(t, dir, map[string]string{
		".git/HEAD":    "ref: refs/heads/main\n",
		".iiscfg.yaml": "apphost: applicationHost.config\n",
		"applicationHost.config": `<configuration><system.applicationHost><applicationPools><add name="DefaultAppPool" /></applicationPools><sites>` +
			site("S", "shared") + site("T", "other") + site("U", "shared") +
			`<applicationDefaults applicationPool="DefaultAppPool" /></sites></system.applicationHost></configuration>`,
		"shared/.keep":     "",
		"other/web.config": cleanConfig,
	})
	if err := os.Symlink(filepath.Join(outside, "web.config"), filepath.Join(dir, "shared", "web.config")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, args := range [][]string{{"lint"}, {"apps"}, {"migrate", "--all"}} {
		r := runCLI(t, args...)
		if n := strings.Count(r.stderr, "a link leading outside the folder"); n != 1 && args[0] != "migrate" || n != 3 && args[0] == "migrate" {
			t.Errorf("%v: the error %d times, want once (and in each of two applications' notes for migrate): exit %d\n%s", args, n, r.code, r.stderr)
		}
		if strings.Contains(r.stderr, "does not parse") {
			t.Errorf("%v: a file that was not read said not to parse:\n%s", args, r.stderr)
		}
	}
}

// The same with a web.config that does not parse, --apphost on the
// command line.
func TestServerParseErrorsOnceWhenReadAgain(t *testing.T) {
	dir := t.TempDir()
	site := func(name, folder string) string {
		return `<site name="` + name + `" id="1"><application path="/"><virtualDirectory path="/" physicalPath="` + filepath.Join(dir, folder) + `" /></application></site>`
	}
	writeTreeIn(t, dir, map[string]string{
		"applicationHost.config": `<configuration><system.applicationHost><applicationPools><add name="DefaultAppPool" /></applicationPools><sites>` +
			site("S", "shared") + site("T", "other") + site("U", "shared") +
			`<applicationDefaults applicationPool="DefaultAppPool" /></sites></system.applicationHost></configuration>`,
		"shared/web.config": "<configuration>",
		"other/web.config":  cleanConfig,
	})
	for _, args := range [][]string{{"lint"}, {"apps"}, {"migrate", "--all"}} {
		r := runCLI(t, append(args, "--no-config", "--apphost", filepath.Join(dir, "applicationHost.config"))...)
		if n := strings.Count(r.stderr, filepath.Join(dir, "shared", "web.config")+":1:"); n != 1 {
			t.Errorf("%v: the error %d times, want once: exit %d\n%s", args, n, r.code, r.stderr)
		}
	}
}

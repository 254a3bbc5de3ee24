package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestRequiresServerSources: requires takes the server from --server,
// IISCFG_SERVER and server: in .iiscfg.yaml, as lint does, and exits 1
// only when a named server lacks an add-on.
func TestRequiresServerSources(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".git/HEAD":       "ref: refs/heads/main\n",
		".iiscfg.yaml":    "fail-on: error\nserver: iis10+aspnetcore\n",
		"site/web.config": addOnSite, // rewrite, aspNetCore; webSocket switched off
	})
	t.Chdir(dir)
	r := runCLI(t, "requires", "site")
	if r.code != ExitFindings || !strings.HasPrefix(r.stdout, "URL Rewrite 2 ") || strings.Contains(r.stdout, "ASP.NET Core") ||
		!strings.Contains(r.stdout, "iis10+aspnetcore has 1 of the 2 add-ons 1 file needs, lacks 1") {
		t.Errorf("server: from the file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "requires", "--no-config", "site"); r.code != ExitOK || !strings.Contains(r.stdout, "1 file needs 2 add-ons") {
		t.Errorf("--no-config: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	t.Setenv("IISCFG_SERVER", "azure-app-service")
	r = runCLI(t, "requires", "--format", "json", "site")
	var doc struct {
		Server   string
		Requires []struct{ Key, Server string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || r.code != ExitOK || doc.Server != "azure-app-service" || len(doc.Requires) != 0 {
		t.Errorf("IISCFG_SERVER over the file: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	if r := runCLI(t, "requires", "--server", "iis10", "site"); r.code != ExitFindings || !strings.Contains(r.stdout, "ASP.NET Core Module V2") {
		t.Errorf("--server over IISCFG_SERVER: exit %d\n%s", r.code, r.stdout)
	}
}

func TestRequiresUsage(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": addOnSite})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xml"}, `--format must be text or json, not "xml"`},
		{[]string{"--server", "iis8"}, `--server: unknown server "iis8"`},
		{[]string{"--server", "none"}, "--server none assumes nothing about a server"},
	} {
		r := runCLI(t, append(append([]string{"requires"}, tc.args...), dir)...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
	// A folder without configuration files is a usage error, as for lint.
	if r := runCLI(t, "requires", t.TempDir()); r.code != ExitUsage || !strings.Contains(r.stderr, "no configuration files found") {
		t.Errorf("empty folder: exit %d, %q", r.code, r.stderr)
	}
	// Standard input is read as a web.config.
	if r := runWith(t, addOnSite, nil, "requires", "-"); r.code != ExitOK || !strings.Contains(r.stdout, "web.config:3:5: <rewrite>") {
		t.Errorf("stdin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestRequiresTransforms: a transform that cannot be applied is an input
// error (the other files are still listed); one whose folder has no
// web.config read is noted.
func TestRequiresTransforms(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a/web.config":         addOnSite,
		"a/Web.Release.config": `<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"><system.web><compilation xdt:Transform="Insert" /></system.web></configuration>`,
		"b/web.config":         `<configuration><system.webServer><iisnode /></system.webServer></configuration>`,
		"c/Web.Debug.config":   `<configuration />`,
	})
	r := runCLI(t, "requires", "--color", "never", "--configuration", "Release", "--transform", dir+"/c/Web.Debug.config", dir+"/a", dir+"/b")
	if r.code != ExitInput || !strings.Contains(r.stderr, "cannot judge") || !strings.Contains(r.stdout, "iisnode") ||
		!strings.Contains(r.stderr, "Web.Debug.config: no web.config read in its folder") {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestFormatEnvVars: requires and apps take --format from their own
// variables, not lint's IISCFG_FORMAT (whose values, github or sarif, they
// do not have); a bad value names the variable.
func TestFormatEnvVars(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".git/HEAD":       "ref: refs/heads/main\n",
		"site/web.config": addOnSite,
		"applicationHost.config": `<configuration><system.applicationHost><applicationPools><add name="P"/></applicationPools>
<sites><site name="S" id="1"><application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="site"/></application></site></sites>
</system.applicationHost></configuration>`,
	})
	t.Chdir(dir)
	t.Setenv("IISCFG_FORMAT", "github")
	for _, cmd := range [][]string{{"requires", "site"}, {"apps", "--apphost", "applicationHost.config"}} {
		if r := runCLI(t, cmd...); r.code != ExitOK || strings.HasPrefix(r.stdout, "{") {
			t.Errorf("%s with IISCFG_FORMAT=github: exit %d\n%s%s", cmd[0], r.code, r.stdout, r.stderr)
		}
	}
	t.Setenv("IISCFG_REQUIRES_FORMAT", "json")
	t.Setenv("IISCFG_APPS_FORMAT", "json")
	for _, cmd := range [][]string{{"requires", "site"}, {"apps", "--apphost", "applicationHost.config"}} {
		r := runCLI(t, cmd...)
		var doc map[string]any
		if r.code != ExitOK || json.Unmarshal([]byte(r.stdout), &doc) != nil {
			t.Errorf("%s with IISCFG_%s_FORMAT=json: exit %d\n%s%s", cmd[0], strings.ToUpper(cmd[0]), r.code, r.stdout, r.stderr)
		}
		if r := runCLI(t, append([]string{cmd[0], "--format", "text"}, cmd[1:]...)...); r.code != ExitOK || strings.HasPrefix(r.stdout, "{") {
			t.Errorf("%s --format text over the variable: exit %d\n%s", cmd[0], r.code, r.stdout)
		}
	}
	t.Setenv("IISCFG_REQUIRES_FORMAT", "sarif")
	t.Setenv("IISCFG_APPS_FORMAT", "sarif")
	for _, cmd := range [][]string{{"requires", "site"}, {"apps", "--apphost", "applicationHost.config"}} {
		want := "IISCFG_" + strings.ToUpper(cmd[0]) + "_FORMAT must be text or json"
		if r := runCLI(t, cmd...); r.code != ExitUsage || !strings.Contains(r.stderr, want) {
			t.Errorf("%s with a bad variable: exit %d, want %q in\n%s", cmd[0], r.code, want, r.stderr)
		}
	}
}

package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// addOnSite uses URL Rewrite, the ASP.NET Core Module and <webSocket>,
// which a stock IIS 10 locks.
const addOnSite = `<configuration>
  <system.webServer>
    <rewrite><rules><rule name="r"><match url="old" /><action type="Redirect" url="new" /></rule></rules></rewrite>
    <aspNetCore processPath="dotnet" arguments="app.dll" />
    <webSocket enabled="false" />
  </system.webServer>
</configuration>`

// lintedRules runs lint and returns its exit code and, per rule, the
// severities of its findings ("module-not-installed:error").
func lintedRules(t *testing.T, getenv func(string) string, args ...string) (int, []string) {
	t.Helper()
	r := runWith(t, "", getenv, append([]string{"lint", "--format", "compact", "--color", "never"}, args...)...)
	if r.stderr != "" && r.code == ExitUsage {
		t.Fatalf("usage error: %s", r.stderr)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		// file:line:col: severity: message [rule]
		parts := strings.SplitN(line, ": ", 3)
		if len(parts) < 3 || !strings.HasSuffix(line, "]") {
			continue
		}
		rule := line[strings.LastIndex(line, "[")+1 : len(line)-1]
		if rule == "module-not-installed" || rule == "locked-section" {
			got = append(got, rule+":"+parts[1])
		}
	}
	return r.code, got
}

// TestServerProfiles: what each --server value reports on the same file.
func TestServerProfiles(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": addOnSite})
	file := filepath.Join(dir, "web.config")
	for _, tc := range []struct {
		server string
		code   int
		want   string
	}{
		// Unnamed: a stock IIS 10 is assumed; its locks are errors, the
		// add-ons it may lack only infos.
		{"", ExitFindings, "module-not-installed:info module-not-installed:info locked-section:error"},
		{"iis10", ExitFindings, "module-not-installed:error module-not-installed:error locked-section:error"},
		{"iis10+rewrite", ExitFindings, "module-not-installed:error locked-section:error"},
		{"IIS10+Rewrite+AspNetCore", ExitFindings, "locked-section:error"},
		// Whether IIS Express has the ASP.NET Core Module is not known
		// (Visual Studio installs it): not counted missing.
		{"iisexpress", ExitFindings, "locked-section:error"},
		{"iisexpress+aspnetcore", ExitFindings, "locked-section:error"},
		// App Service has both modules and opens <webSocket> to web.config.
		{"azure-app-service", ExitOK, ""},
		{"none", ExitOK, ""},
	} {
		t.Run(tc.server, func(t *testing.T) {
			args := []string{file}
			if tc.server != "" {
				args = append([]string{"--server", tc.server}, args...)
			}
			code, got := lintedRules(t, nil, args...)
			if code != tc.code || strings.Join(got, " ") != tc.want {
				t.Errorf("--server %q: exit %d, %q; want exit %d, %q", tc.server, code, strings.Join(got, " "), tc.code, tc.want)
			}
		})
	}
}

// TestServerSources: --server, IISCFG_SERVER and server: in .iiscfg.yaml,
// with the flag winning over the variable, and the variable over the file.
func TestServerSources(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".git/HEAD":       "ref: refs/heads/main\n",
		".iiscfg.yaml":    "server: azure-app-service\n",
		"site/web.config": addOnSite,
	})
	t.Chdir(dir)
	if code, got := lintedRules(t, nil, "site"); code != ExitOK || len(got) != 0 {
		t.Errorf("server: in the file: exit %d, %v", code, got)
	}
	r := runCLI(t, "lint", "--verbose", "--color", "never", "site")
	if !strings.Contains(r.stderr, "server = azure-app-service (file)") {
		t.Errorf("--verbose does not name the file's server:\n%s", r.stderr)
	}
	t.Setenv("IISCFG_SERVER", "iis10+rewrite+aspnetcore")
	if code, got := lintedRules(t, nil, "site"); code != ExitFindings || strings.Join(got, " ") != "locked-section:error" {
		t.Errorf("IISCFG_SERVER: exit %d, %v", code, got)
	}
	if code, got := lintedRules(t, nil, "--server", "none", "site"); code != ExitOK || len(got) != 0 {
		t.Errorf("--server none over IISCFG_SERVER: exit %d, %v", code, got)
	}
}

// TestServerUsageErrors: a bad --server value is a usage error, from the
// flag, the environment or the configuration file (with its position).
func TestServerUsageErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": addOnSite})
	file := filepath.Join(dir, "web.config")
	for _, tc := range []struct{ value, want string }{
		{"iis11", `unknown server "iis11" (want iis10, iisexpress, azure-app-service, none`},
		{"iis10+urlrewrite", `unknown add-on "urlrewrite"`},
		{"none+rewrite", "--server none takes no add-ons"},
	} {
		r := runCLI(t, "lint", "--server", tc.value, file)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("--server %s: exit %d, stderr %q", tc.value, r.code, r.stderr)
		}
	}
	t.Run("environment", func(t *testing.T) {
		t.Setenv("IISCFG_SERVER", "iis7")
		if r := runCLI(t, "lint", file); r.code != ExitUsage || !strings.Contains(r.stderr, `unknown server "iis7"`) {
			t.Errorf("IISCFG_SERVER=iis7: exit %d, stderr %q", r.code, r.stderr)
		}
	})
	t.Run("file", func(t *testing.T) {
		cfgDir := writeTree(t, map[string]string{".git/HEAD": "x", ".iiscfg.yaml": "fail-on: error\nserver: iis10+arr+nope\n", "web.config": addOnSite})
		t.Chdir(cfgDir)
		r := runCLI(t, "lint", ".")
		if r.code != ExitUsage || !strings.Contains(r.stderr, `.iiscfg.yaml:2:9: server: unknown add-on "nope"`) {
			t.Errorf("server: in the file: exit %d, stderr %q", r.code, r.stderr)
		}
	})
}

// TestServerWithAppHost: with --apphost the real applicationHost.config
// decides, and a --server on the command line says that it is not used.
func TestServerWithAppHost(t *testing.T) {
	args := []string{"lint", "--color", "never", "--apphost", "../testdata/site/applicationHost.config",
		"--path-map", `D:\apps=../testdata/site/apps`, "--path-map", `C:\inetpub\wwwroot=../testdata/site/wwwroot`,
		"--path-map", `D:\shared=../testdata/site/shared`, "--path-map", `D:\intranet=../testdata/site/intranet`}
	plain := runCLI(t, args...)
	named := runCLI(t, append(args, "--server", "azure-app-service")...)
	if plain.stdout != named.stdout || plain.code != named.code {
		t.Errorf("--server changed an --apphost run:\n%s\n---\n%s", plain.stdout, named.stdout)
	}
	const note = "--server is not used with --apphost"
	if strings.Contains(plain.stderr, note) || !strings.Contains(named.stderr, note) {
		t.Errorf("note: without --server %q; with it %q", plain.stderr, named.stderr)
	}
}

package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Every mistake on the command line is answered on stderr with exit 2;
// help is never silent (issue 14, defects 2–4).
func TestUsageMistakesAreAnswered(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": modulesConfig})
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a substring of stdout ("" for empty stdout)
		stderr string // a substring of stderr ("" for empty stderr)
	}{
		{"no arguments prints the usage as an error", nil, ExitUsage, "", "USAGE:"},
		{"--help after a path shows the command's help", []string{"lint", dir, "--help"}, ExitOK, "iiscfg lint - ", ""},
		{"-h after a path shows the command's help", []string{"migrate", dir, "-h"}, ExitOK, "iiscfg migrate - ", ""},
		{"help for a command that does not exist", []string{"help", "nosuch"}, ExitUsage, "", `unknown command "nosuch"`},
		{"help for a misspelt command suggests", []string{"help", "lnit"}, ExitUsage, "", `unknown command "lnit" (did you mean lint?)`},
		{"a misspelt command suggests", []string{"migrat", "."}, ExitUsage, "", `unknown command "migrat" (did you mean migrate?)`},
		{"a misspelt flag suggests, with its dashes", []string{"lint", "--fial-on", "error", dir}, ExitUsage, "", "unknown flag --fial-on (did you mean --fail-on?) (see iiscfg lint --help)"},
		{"a flag missing its value after a path", []string{"lint", dir, "--fail-on"}, ExitUsage, "", "flag needs an argument: --fail-on"},
		{"a flag missing its value before --", []string{"lint", "--format", "--", dir}, ExitUsage, "", "flag needs an argument: --format"},
		{"an unknown top-level flag names the program once", []string{"--bogus"}, ExitUsage, "", "unknown flag --bogus (see iiscfg --help)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			check := func(stream, got, want string) {
				if want == "" && got != "" || !strings.Contains(got, want) {
					t.Errorf("%s = %q, want it to contain %q", stream, got, want)
				}
			}
			check("stdout", r.stdout, tc.stdout)
			check("stderr", r.stderr, tc.stderr)
			if strings.Contains(r.stderr, "iiscfg iiscfg") {
				t.Errorf("program name doubled: %q", r.stderr)
			}
		})
	}
}

// An error caused by a setting names where the setting came from
// (issue 14, defect 5).
func TestSettingErrorsNameTheirSource(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": cleanConfig, "bad.yaml": "fail-on: bogus\n"})
	t.Setenv("IISCFG_FAIL_ON", "bogus")
	r := runCLI(t, "lint", "--no-config", dir)
	if r.code != ExitUsage || !strings.HasPrefix(r.stderr, `iiscfg: IISCFG_FAIL_ON must be error, warning, info or none, not "bogus"`) {
		t.Errorf("environment: %d %q", r.code, r.stderr)
	}
	r = runCLI(t, "lint", "--no-config", "--fail-on", "bogus", dir)
	if r.code != ExitUsage || !strings.HasPrefix(r.stderr, `iiscfg: --fail-on must be`) {
		t.Errorf("flag: %d %q", r.code, r.stderr)
	}
	os.Unsetenv("IISCFG_FAIL_ON")
	cfg := filepath.Join(dir, "bad.yaml")
	r = runCLI(t, "lint", "--config", cfg, dir)
	if r.code != ExitUsage || !strings.HasPrefix(r.stderr, "iiscfg: "+cfg+":1:10: fail-on must be") {
		t.Errorf("file: %d %q", r.code, r.stderr)
	}
}

// Flags that contradict each other are refused, as --mode text -f json is
// (issue 14, defect 9).
func TestConflictingFlagsRefused(t *testing.T) {
	dir := writeTree(t, map[string]string{"a/web.config": modulesConfig, "b/web.config": cleanConfig, "c.yaml": "fail-on: error\n"})
	a, b := filepath.Join(dir, "a", "web.config"), filepath.Join(dir, "b", "web.config")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"lint", "-f", "json=" + filepath.Join(dir, "r.json"), "-o", filepath.Join(dir, "x.txt"), a}, "--output"},
		{[]string{"lint", "--config", filepath.Join(dir, "c.yaml"), "--no-config", a}, "--config and --no-config"},
		{[]string{"lint", "--only", "IC101", "--disable", "IC101", a}, "--only and --disable both name classic-http-modules"},
		{[]string{"lint", "--disable", "classic-http-modules", "--enable", "IC101", a}, "--enable and --disable"},
		{[]string{"lint", "--only", "classic-http-modles", a}, "did you mean classic-http-modules?"},
		{[]string{"diff", "-U", "5", a, b}, "--context (-U) is for --mode text"},
		{[]string{"diff", "--ignore-order", "--mode", "text", a, b}, "--ignore-order applies to --mode semantic"},
	}
	for _, tc := range tests {
		r := runCLI(t, tc.args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "r.json")); err == nil {
		t.Error("a report was written by a run refused for its flags")
	}
}

// A Windows path on another system gets a hint about --path-map.
func TestWindowsPathHint(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows paths are local paths there")
	}
	r := runCLI(t, "lint", `C:\inetpub\wwwroot\web.config`)
	if r.code != ExitInput || !strings.Contains(r.stderr, "a Windows path") || !strings.Contains(r.stderr, "--path-map") {
		t.Errorf("exit %d, %q", r.code, r.stderr)
	}
	if r := runCLI(t, "lint", "no-such-dir/web.config"); strings.Contains(r.stderr, "Windows") {
		t.Errorf("a local path got the Windows hint: %q", r.stderr)
	}
}

// A suppression in applicationHost.config is unused only when every
// application it could apply to was checked (issue 14, defect 8).
func TestHostSuppressionUnusedOnlyWhenItsScopesWereChecked(t *testing.T) {
	host := `<configuration>
  <system.applicationHost>
    <applicationPools>
      <add name="Pool" />
    </applicationPools>
    <sites>
      <site name="S" id="1">
        <application path="/" applicationPool="Pool">
          <virtualDirectory path="/" physicalPath="` + "C:\\s" + `" />
        </application>
        <application path="/a" applicationPool="Pool">
          <virtualDirectory path="/" physicalPath="` + "C:\\a" + `" />
        </application>
        <application path="/b" applicationPool="Pool">
          <virtualDirectory path="/" physicalPath="` + "C:\\b" + `" />
        </application>
      </site>
    </sites>
  </system.applicationHost>
  <location path="S/a">
    <system.webServer>
      <handlers>
        <!-- iiscfg-ignore: dead-precondition - nothing here is dead -->
        <add name="X" path="x.axd" verb="GET" type="T" preCondition="integratedMode" />
      </handlers>
    </system.webServer>
  </location>
</configuration>
`
	dir := writeTree(t, map[string]string{"applicationHost.config": host, "a/web.config": cleanConfig, "b/web.config": cleanConfig, "s/web.config": cleanConfig})
	args := func(apps ...string) []string {
		a := []string{"lint", "--color", "never", "--apphost", filepath.Join(dir, "applicationHost.config"),
			"--path-map", `C:\a=` + filepath.Join(dir, "a"), "--path-map", `C:\b=` + filepath.Join(dir, "b"), "--path-map", `C:\s=` + filepath.Join(dir, "s")}
		return append(a, apps...)
	}
	for _, tc := range []struct {
		apps   []string
		unused bool
	}{
		{nil, true},             // every application checked
		{[]string{"S/a"}, true}, // the one it applies to
		{[]string{"S/b"}, false},
		{[]string{"S/"}, false}, // the root application: S/a's location is not its own
	} {
		r := runCLI(t, args(tc.apps...)...)
		if got := strings.Contains(r.stdout, "[unused-suppression]"); got != tc.unused {
			t.Errorf("lint %v: unused-suppression reported %v, want %v\n%s%s", tc.apps, got, tc.unused, r.stdout, r.stderr)
		}
	}
}

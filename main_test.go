package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/iiscfg/iiscfg/cli"
)

var update = flag.Bool("update", false, "rewrite golden files (read their diffs before committing)")

// runCLI runs iiscfg in-process and renders what a user would see.
func runCLI(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Main(append([]string{"iiscfg"}, args...), strings.NewReader(stdin), &out, &errOut)
	return fmt.Sprintf("$ iiscfg %s\nexit %d\n--- stdout\n%s--- stderr\n%s", strings.Join(args, " "), code, out.String(), errOut.String())
}

func checkGolden(t *testing.T, wantFile, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(wantFile)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", wantFile, got, want)
	}
}

// TestLintGolden runs "iiscfg lint" on every testdata/lint/*.config and
// compares the output with the .want file beside it. A .args file adds
// arguments.
func TestLintGolden(t *testing.T) {
	cases, _ := filepath.Glob("testdata/lint/*.config")
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		name := strings.TrimSuffix(c, ".config")
		t.Run(filepath.Base(name), func(t *testing.T) {
			args := []string{"lint", "--color", "never"}
			if extra, err := os.ReadFile(name + ".args"); err == nil {
				args = append(args, strings.Fields(string(extra))...)
			}
			checkGolden(t, name+".want", runCLI(t, "", append(args, filepath.ToSlash(c))...))
		})
	}
}

// TestMigrateGolden runs "iiscfg migrate --write" on a copy of every
// testdata/migrate/<case>/in.config (named web.config) and compares the
// file with want.config (absent: the file must not change) and the console
// with want.txt. Then it migrates the result again, which must change
// nothing.
func TestMigrateGolden(t *testing.T) {
	cases, _ := filepath.Glob("testdata/migrate/*/in.config")
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, in := range cases {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			input, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			tmp := t.TempDir()
			target := filepath.Join(tmp, "web.config")
			if err := os.WriteFile(target, input, 0o644); err != nil {
				t.Fatal(err)
			}
			var extra []string
			if b, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
				extra = strings.Fields(string(b))
			}
			args := append(append([]string{"migrate", "--write", "--color", "never"}, extra...), target)
			transcript := strings.ReplaceAll(runCLI(t, "", args...), tmp+string(filepath.Separator), "")
			checkGolden(t, filepath.Join(dir, "want.txt"), transcript)

			got, err := os.ReadFile(target)
			if err != nil {
				t.Fatal(err)
			}
			wantFile := filepath.Join(dir, "want.config")
			if *update {
				if bytes.Equal(got, input) {
					os.Remove(wantFile)
				} else if err := os.WriteFile(wantFile, got, 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				want, err := os.ReadFile(wantFile)
				if os.IsNotExist(err) {
					want = input
				}
				if !bytes.Equal(got, want) {
					t.Errorf("migrated file differs from %s:\n--- got\n%s\n--- want\n%s", wantFile, got, want)
				}
			}

			if _, err := os.Stat(filepath.Join(dir, "not-idempotent")); err == nil {
				return // appcmd's own behaviour; the file says why
			}
			again := runCLI(t, "", append(append([]string{"migrate", "--check", "--color", "never"}, extra...), target)...)
			if !strings.Contains(again, "\nexit 0\n") || !strings.Contains(again, "--- stdout\n--- stderr") {
				t.Errorf("migrating the result again is not a no-op:\n%s", again)
			}
		})
	}
}

// TestDiffGolden runs "iiscfg diff old.config new.config" for every
// testdata/diff/<case>/ and compares the output with want.txt.
func TestDiffGolden(t *testing.T) {
	cases, _ := filepath.Glob("testdata/diff/*/old.config")
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, old := range cases {
		dir := filepath.Dir(old)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			args := []string{"diff", "--color", "never"}
			if b, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
				args = append(args, strings.Fields(string(b))...)
			}
			args = append(args, filepath.ToSlash(old), filepath.ToSlash(filepath.Join(dir, "new.config")))
			checkGolden(t, filepath.Join(dir, "want.txt"), runCLI(t, "", args...))
		})
	}
}

// siteArgs points iiscfg at the fixture server in testdata/site.
var siteArgs = []string{"--apphost", "testdata/site/applicationHost.config",
	"--path-map", `C:\inetpub\wwwroot=testdata/site/wwwroot`, "--path-map", `D:\apps=testdata/site/apps`,
	"--path-map", `D:\shared=testdata/site/shared`, "--path-map", `D:\intranet=testdata/site/intranet`}

// TestServerGolden runs the server commands on the fixture server.
func TestServerGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"lint", []string{"lint", "--color", "never"}},
		{"lint-json-app1", []string{"lint", "--format", "json", "Default Web Site/app1"}},
		{"apps", []string{"apps"}},
		{"apps-json", []string{"apps", "--format", "json"}},
		{"migrate-app1", []string{"migrate", "--color", "never", "Default Web Site/app1"}},
		{"migrate-all", []string{"migrate", "--color", "never", "--semantic", "--all"}},
		{"migrate-appcmd-reports", []string{"migrate", "--color", "never", "--compat", "appcmd", "Default Web Site/reports"}},
		{"migrate-not-an-app", []string{"migrate", "Default Web Site/app1/admin"}},
		{"migrate-misspelt-app", []string{"migrate", "Default Web Site/ap1"}},
		{"lint-misspelt-site", []string{"lint", "Defalt Web Site/app1"}},
		{"migrate-v11", []string{"migrate", "Default Web Site/old"}},
		{"migrate-missing-folder", []string{"migrate", "Default Web Site/gone", "Default Web Site/reports"}},
		{"migrate-missing-pool", []string{"migrate", "Intranet/"}},
		{"diff-effective-app1", []string{"diff", "--color", "never", "--effective", "Default Web Site/app1", "testdata/site/apps/app1/web.config", "testdata/site/changes/app1.web.config"}},
		{"diff-effective-app1-json", []string{"diff", "--format", "json", "--effective", "Default Web Site/app1", "testdata/site/apps/app1/web.config", "testdata/site/changes/app1.web.config"}},
		{"diff-effective-same", []string{"diff", "--effective", "Default Web Site/app1", "testdata/site/apps/app1/web.config", "testdata/site/apps/app1/web.config"}},
		{"diff-effective-apphost", []string{"diff", "--color", "never", "--effective", "Default Web Site/app1/admin", "testdata/site/applicationHost.config", "testdata/site/changes/applicationHost.config"}},
		{"diff-effective-mixed", []string{"diff", "--effective", "Default Web Site/app1", "testdata/site/applicationHost.config", "testdata/site/changes/app1.web.config"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{tc.args[0]}, siteArgs...), tc.args[1:]...)
			checkGolden(t, filepath.Join("testdata", "site", tc.name+".want"), runCLI(t, "", args...))
		})
	}
}

// TestRequiresGolden runs "iiscfg requires" on testdata/requires: a site
// that needs add-ons in three folders, a stock one, and a file that does
// not parse.
func TestRequiresGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"site", []string{"requires", "testdata/requires/site"}},
		{"site-json", []string{"requires", "--format", "json", "testdata/requires/site"}},
		{"site-iis10", []string{"requires", "--server", "iis10+rewrite", "testdata/requires/site"}},
		{"site-iis10-json", []string{"requires", "--server", "iis10+rewrite", "--format", "json", "testdata/requires/site/admin"}},
		{"site-azure", []string{"requires", "--server", "azure-app-service", "testdata/requires/site"}},
		{"site-iisexpress", []string{"requires", "--server", "iisexpress+aspnetcore+arr+cors", "testdata/requires/site"}},
		{"site-release", []string{"requires", "--configuration", "Release", "testdata/requires/site"}},
		{"stock", []string{"requires", "testdata/requires/stock"}},
		{"broken", []string{"requires", "--color", "never", "testdata/requires/broken.config", "testdata/requires/site/legacy/web.config"}},
		{"server-none", []string{"requires", "--server", "none", "testdata/requires/stock"}},
		{"server-unknown", []string{"requires", "--server", "iis10+urlrewrite", "testdata/requires/stock"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkGolden(t, filepath.Join("testdata", "requires", tc.name+".want"), runCLI(t, "", tc.args...))
		})
	}
}

// TestUnparsedWebConfigGolden: a site root's "Web.config" that does not
// parse is read once and reported once by every server command, which exit
// 3; migrate and diff --effective refuse the applications below it, whose
// chain it breaks (testdata/webconfig-case/README).
func TestUnparsedWebConfigGolden(t *testing.T) {
	server := []string{"--apphost", "testdata/webconfig-case/applicationHost.config", "--path-map", `C:\sites\shop=testdata/webconfig-case/root`}
	cases := []struct {
		name string
		args []string
	}{
		{"lint", []string{"lint", "--color", "never"}},
		{"apps", []string{"apps"}},
		{"migrate-all", []string{"migrate", "--color", "never", "--all"}},
		{"diff-effective", []string{"diff", "--color", "never", "--effective", "Shop/cart", "testdata/webconfig-case/root/cart/web.config", "testdata/webconfig-case/changes/cart.web.config"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{tc.args[0]}, server...), tc.args[1:]...)
			checkGolden(t, filepath.Join("testdata", "webconfig-case", tc.name+".want"), runCLI(t, "", args...))
		})
	}
}

// TestCorpusAppsGolden is the inventory of three corpus servers (their
// folders are not on this machine).
func TestCorpusAppsGolden(t *testing.T) {
	dir := filepath.Join("..", "shared", "corpus", "applicationhost")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("corpus not available")
	}
	for _, name := range []string{"c1982__IIS-SharedGitConfig__applicationHost.config", "KittenCN__HiShop3.5.1_modify__.vs_config_applicationhost.config", "coso-configuration__supernova__applicationHost.config"} {
		t.Run(name, func(t *testing.T) {
			got := runCLI(t, "", "apps", "--apphost", filepath.ToSlash(filepath.Join(dir, name)))
			checkGolden(t, filepath.Join("testdata", "corpus", "apps-"+strings.SplitN(name, "__", 2)[0]+".want"), got)
		})
	}
}

// TestServerMigrateAllWrite migrates a copy of the fixture server with
// --all --write --backup: applicationHost.config is written once (its
// backup is the original), every migrated application is then ready, and
// a second run changes nothing.
func TestServerMigrateAllWrite(t *testing.T) {
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(filepath.Join("testdata", "site"))); err != nil {
		t.Fatal(err)
	}
	host := filepath.Join(tmp, "applicationHost.config")
	original, err := os.ReadFile(host)
	if err != nil {
		t.Fatal(err)
	}
	args := func(cmd string, extra ...string) []string {
		a := []string{cmd, "--apphost", host}
		for _, m := range []string{`C:\inetpub\wwwroot=wwwroot`, `D:\apps=apps`, `D:\shared=shared`, `D:\intranet=intranet`} {
			k, v, _ := strings.Cut(m, "=")
			a = append(a, "--path-map", k+"="+filepath.Join(tmp, v))
		}
		return append(a, extra...)
	}

	got := runCLI(t, "", args("migrate", "--all", "--write", "--backup")...)
	// --all skips the missing folder of "Default Web Site/gone".
	// app1/child inherits app1's entries: left to app1's migration, not
	// copied (they were, and became duplicates: HTTP 500.19).
	if !strings.Contains(got, "\nexit 0\n") || !strings.Contains(got, "iiscfg: migrated 5 files, 5 unchanged\n") {
		t.Fatalf("migrate --all --write:\n%s", got)
	}
	if lint := runCLI(t, "", args("lint", "--format", "compact")...); strings.Contains(lint, "duplicate-collection-key") {
		t.Errorf("migrate --all --write left duplicates:\n%s", lint)
	}
	backup, err := os.ReadFile(host + ".bak")
	if err != nil || !bytes.Equal(backup, original) {
		t.Errorf("applicationHost.config.bak is not the original (%v)", err)
	}
	written, _ := os.ReadFile(host)
	for _, want := range []string{`name="*_*" path="*"`, `name="*.prn_GET" path="*.prn" verb="GET" type="Contoso.Reports.PrintHandler, Contoso.Reports" preCondition="integratedMode,runtimeVersionv2.0"`} {
		if !bytes.Contains(written, []byte(want)) {
			t.Errorf("applicationHost.config lacks %s", want)
		}
	}

	apps := runCLI(t, "", args("apps", "--format", "json")...)
	for _, app := range []string{`"/"`, `"/app1"`, `"/app1/child"`, `"/reports"`} {
		if !regexpFind(apps, `"path": `+app+`,[^}]*"readiness": "ready"`) {
			t.Errorf("after migrate --all, %s is not ready:\n%s", app, apps)
		}
	}
	// The site root keeps its migration in its <location path="."
	// inheritInChildApplications="false">: the Classic /legacy below it
	// still needs its own (apps.want is the inventory before).
	after := strings.ReplaceAll(runCLI(t, "", args("apps")...), tmp, "$TMP")
	checkGolden(t, filepath.Join("testdata", "site", "apps-after-migrate-all.want"), after)
	if !regexpFind(after, `/legacy .* Classic pool +needs migrate`) {
		t.Errorf("after migrate --all, /legacy no longer needs its migration:\n%s", after)
	}
	again := runCLI(t, "", args("migrate", "--all", "--check")...)
	if strings.Contains(again, "would change") || strings.Contains(again, "Successfully migrated") {
		t.Errorf("second migrate --all is not a no-op:\n%s", again)
	}
}

func regexpFind(s, pattern string) bool { return regexp.MustCompile(pattern).MatchString(s) }

// lintFormats are every report format of lint.
var lintFormats = []string{"text", "compact", "json", "sarif", "github", "checkstyle", "junit"}

// TestFormatsGolden renders one fixture set (testdata/formats) in every
// report format.
func TestFormatsGolden(t *testing.T) {
	for _, f := range lintFormats {
		t.Run(f, func(t *testing.T) {
			got := runCLI(t, "", "lint", "--color", "never", "--format", f, "testdata/formats")
			checkGolden(t, filepath.Join("testdata", "formats", f+".want"), got)
		})
	}
}

// TestFormatsToFiles writes several reports in one run: each file holds
// what a run with that format alone prints, and text still goes to stdout.
func TestFormatsToFiles(t *testing.T) {
	dir := t.TempDir()
	args := []string{"lint", "--color", "never", "--format", "text"}
	for _, f := range lintFormats[1:] {
		args = append(args, "--format", f+"="+filepath.Join(dir, "report."+f))
	}
	got := runCLI(t, "", append(args, "testdata/formats")...)
	alone := runCLI(t, "", "lint", "--color", "never", "testdata/formats")
	if strings.Replace(got, strings.Join(args, " "), "", 1) != strings.Replace(alone, "lint --color never", "", 1) {
		t.Errorf("text on stdout differs from a text-only run:\n%s\n---\n%s", got, alone)
	}
	for _, f := range lintFormats[1:] {
		data, err := os.ReadFile(filepath.Join(dir, "report."+f))
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		cli.Main([]string{"iiscfg", "lint", "--format", f, "testdata/formats"}, strings.NewReader(""), &out, &errOut)
		if !bytes.Equal(data, out.Bytes()) {
			t.Errorf("%s report file differs from a run printing it", f)
		}
	}
	// --output sends the report that names no file there.
	out := filepath.Join(dir, "out.json")
	if r := runCLI(t, "", "lint", "--format", "json", "--output", out, "testdata/formats"); !strings.Contains(r, "--- stdout\n--- stderr\n") {
		t.Errorf("--output: something went to stdout or stderr:\n%s", r)
	}
	if data, err := os.ReadFile(out); err != nil || !bytes.Contains(data, []byte(`"findings"`)) {
		t.Errorf("--output file: %v %s", err, data)
	}
	for _, bad := range [][]string{
		{"lint", "--format", "json", "--format", "sarif", "testdata/formats"},
		{"lint", "--format", "yaml", "testdata/formats"},
		{"lint", "--format", "json=", "testdata/formats"},
	} {
		if r := runCLI(t, "", bad...); !strings.Contains(r, "\nexit 2\n") {
			t.Errorf("%v: want a usage error, got\n%s", bad, r)
		}
	}
}

// TestSARIFSchema validates SARIF output against the official SARIF 2.1.0
// schema (OASIS, testdata/sarif with its licence).
func TestSARIFSchema(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"lint", "--format", "sarif", "testdata/formats"},
		append(append([]string{"lint"}, siteArgs...), "--format", "sarif"),
		{"lint", "--format", "sarif", "testdata/lint/tabs.config"},
	} {
		var out, errOut bytes.Buffer
		cli.Main(append([]string{"iiscfg"}, args...), strings.NewReader(""), &out, &errOut)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("%v: not JSON: %v", args, err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%v: the SARIF log does not validate: %v", args, err)
		}
	}
}

// TestRulesDoc: docs/rules.md is what "iiscfg rules --format markdown"
// prints (SARIF's helpUri links to its headings).
func TestRulesDoc(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := cli.Main([]string{"iiscfg", "rules", "--format", "markdown"}, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	path := filepath.Join("docs", "rules.md")
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(want, out.Bytes()) {
		t.Errorf("%s is out of date (go test -run TestRulesDoc -update . rewrites it)", path)
	}
	for _, r := range []string{"## IC101 classic-http-modules", "## IC205 duplicate-collection-key"} {
		if !strings.Contains(out.String(), r) {
			t.Errorf("no heading %q", r)
		}
	}
}

// TestMigrateRefusesInvalidRoot: a web.config whose root is not
// <configuration> is no configuration IIS reads; migrate refuses it (exit
// 3) and leaves it as it is.
func TestMigrateRefusesInvalidRoot(t *testing.T) {
	for _, name := range []string{"root-mixed-case", "root-not-configuration"} {
		input, err := os.ReadFile(filepath.Join("testdata", "lint", name+".config"))
		if err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(t.TempDir(), "web.config")
		if err := os.WriteFile(target, input, 0o644); err != nil {
			t.Fatal(err)
		}
		got := runCLI(t, "", "migrate", "--write", target)
		if !strings.Contains(got, "\nexit 3\n") || !strings.Contains(got, "cannot migrate: the root element is <") {
			t.Errorf("%s: %s", name, got)
		}
		if after, _ := os.ReadFile(target); !bytes.Equal(after, input) {
			t.Errorf("%s: the file was written", name)
		}
	}
}

// TestDeployedGolden: lint and diff of web.config as deployed, after its
// XDT transforms (testdata/deployed/README).
func TestDeployedGolden(t *testing.T) {
	const app = "testdata/deployed/app/"
	cases := []struct {
		name string
		args []string
	}{
		{"lint-as-is", []string{"lint", "--color", "never", app + "web.config"}},
		{"lint-release", []string{"lint", "--color", "never", "--transform", app + "Web.Release.config", app + "web.config"}},
		{"lint-release-prod", []string{"lint", "--color", "never", "--configuration", "Release", "--transform", app + "Web.Prod.config", app + "web.config"}},
		{"lint-release-json", []string{"lint", "--format", "json", "--configuration", "Release", app + "web.config"}},
		{"lint-walk", []string{"lint", "--color", "never", "testdata/deployed"}},
		{"lint-walk-release", []string{"lint", "--color", "never", "--configuration", "Release", "testdata/deployed"}},
		{"transform-diff", []string{"transform", "--diff", "--color", "never", app + "web.config", app + "Web.Release.config", app + "Web.Prod.config"}},
		{"diff-transform", []string{"diff", "--color", "never", "--transform", app + "Web.Release.config", app + "web.config"}},
		{"lint-rules", []string{"lint", "--color", "never", "testdata/deployed/rules"}},
		{"transform-rules", []string{"transform", "testdata/deployed/rules/web.config", "testdata/deployed/rules/Web.Release.config"}},
		{"examples-release", []string{"lint", "--color", "never", "--configuration", "Release", "testdata/examples"}},
		{"examples-transform", []string{"transform", "--diff", "--color", "never", "testdata/examples/web.config", "testdata/examples/Web.Release.config"}},
		{"lint-unused-transform", []string{"lint", "--color", "never", "--transform", app + "Web.Release.config", "testdata/examples/web.config"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkGolden(t, filepath.Join("testdata", "deployed", c.name+".want"), runCLI(t, "", c.args...))
		})
	}
}

// TestHelpGolden keeps the help of iiscfg and of every command in
// testdata/help: grouped flags, examples, no "(default: false)".
func TestHelpGolden(t *testing.T) {
	for _, cmd := range []string{"", "lint", "migrate", "diff", "transform", "apps", "requires", "init", "rules", "version"} {
		name, args := cmd, []string{cmd, "--help"}
		if cmd == "" {
			name, args = "iiscfg", []string{"--help"}
		}
		t.Run(name, func(t *testing.T) {
			got := runCLI(t, "", args...)
			if !strings.Contains(got, "\nexit 0\n") || !strings.Contains(got, "EXAMPLES:") || strings.Contains(got, "(default: false)") {
				t.Errorf("help of %q: no exit 0, no examples, or a (default: false):\n%s", cmd, got)
			}
			checkGolden(t, filepath.Join("testdata", "help", name+".want"), got)
		})
	}
}

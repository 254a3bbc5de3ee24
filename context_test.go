package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLintContextGolden lints testdata/context (see its README) from
// inside that folder: each web.config is judged with the web.config files
// above it, however it is named.
func TestLintContextGolden(t *testing.T) {
	t.Chdir("testdata/context")
	cases := []struct{ want, args string }{
		{"lint-site.want", "lint --color never site"},
		{"lint-views.want", "lint --color never site/Views/web.config"},
		{"lint-no-parents.want", "lint --color never --no-parents site/Views/web.config"},
		{"lint-declared-app.want", "lint --color never site/api/v1/web.config"},
		{"lint-undeclared-app.want", "lint --color never --no-config site/api/v1/web.config"},
		{"lint-declared-app-inherits.want", "lint --color never --format compact inherit shielded"},
		{"lint-declared-app-root.want", "lint --color never --format compact inherit/api/web.config"},
		{"lint-broken-parent.want", "lint --color never broken/sub/web.config"},
		{"lint-broken.want", "lint --color never broken"},
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(c.want, ".want"), func(t *testing.T) {
			checkGolden(t, c.want, runCLI(t, "", strings.Fields(c.args)...))
		})
	}
}

// TestLintContextSameFindings: a subfolder's web.config gets the same
// findings whether its folder is walked, it is named alone, or it is named
// with its parent, relative or absolute.
func TestLintContextSameFindings(t *testing.T) {
	t.Chdir("testdata/context")
	wd, _ := os.Getwd()
	abs := filepath.Join(wd, "site") + string(filepath.Separator)
	views := func(args ...string) string {
		out := runCLI(t, "", append([]string{"lint", "--format", "compact"}, args...)...)
		var kept []string
		for _, line := range strings.Split(out, "\n") {
			line = strings.TrimPrefix(strings.TrimPrefix(line, abs), "./")
			if rest, ok := strings.CutPrefix(filepath.ToSlash(line), "site/"); ok {
				line = rest
			}
			if strings.HasPrefix(line, "Views/web.config:") {
				kept = append(kept, line)
			}
		}
		return strings.Join(kept, "\n")
	}
	walked := views("site")
	if !strings.Contains(walked, "[duplicate-collection-key]") || strings.Contains(walked, "[classic-http-modules]") {
		t.Fatalf("walking site: Views/web.config is not judged as a subfolder:\n%s", walked)
	}
	for _, args := range [][]string{
		{"site/Views/web.config"},
		{"site/web.config", "site/Views/web.config"},
		{"site/Views/web.config", "site/web.config"},
		{"./site/Views/web.config"},
		{filepath.Join(wd, "site", "Views", "web.config")},
		{"site/Views"},
	} {
		if got := views(args...); got != walked {
			t.Errorf("lint %s:\n%s\nwant (as when walking site):\n%s", strings.Join(args, " "), got, walked)
		}
	}
}

// TestLintStdinAtItsPlace (review R6): standard input named by
// --stdin-filename is judged at the folder that name gives, with the
// web.config files above it, as an editor's unsaved buffer must get the
// answer the saved file gets; it was judged alone (a false
// classic-http-modules error). A name whose folder does not exist is
// judged alone.
func TestLintStdinAtItsPlace(t *testing.T) {
	t.Chdir("testdata/context")
	data, err := os.ReadFile("site/Views/web.config")
	if err != nil {
		t.Fatal(err)
	}
	named := body(runCLI(t, "", "lint", "--format", "compact", "site/Views/web.config"))
	piped := body(runCLI(t, string(data), "lint", "--format", "compact", "--stdin-filename", "site/Views/web.config", "-"))
	if piped != named || strings.Contains(piped, "[classic-http-modules]") {
		t.Errorf("stdin as site/Views/web.config:\n%s\nwant (as the named file):\n%s", piped, named)
	}
	alone := body(runCLI(t, string(data), "lint", "--format", "compact", "--stdin-filename", "nowhere/web.config", "-"))
	if !strings.Contains(alone, "[classic-http-modules]") {
		t.Errorf("stdin named in a folder that does not exist is judged alone:\n%s", alone)
	}
}

// TestMigrateStdinAtItsPlace: migrate places standard input named by
// --stdin-filename as lint does (was migrated as an application root: its
// httpModules too). The default name ("web.config") places nothing.
func TestMigrateStdinAtItsPlace(t *testing.T) {
	t.Chdir("testdata/context")
	data, err := os.ReadFile("site/Views/web.config")
	if err != nil {
		t.Fatal(err)
	}
	named := body(runCLI(t, "", "migrate", "--color", "never", "site/Views/web.config"))
	piped := body(runCLI(t, string(data), "migrate", "--color", "never", "--stdin-filename", "site/Views/web.config", "-"))
	if piped != named || strings.Contains(piped, "httpModules") {
		t.Errorf("stdin as site/Views/web.config:\n%s\nwant (as the named file):\n%s", piped, named)
	}
	t.Chdir("site/Views")
	if alone := runCLI(t, string(data), "migrate", "--color", "never", "-"); !strings.Contains(alone, "httpModules") {
		t.Errorf("stdin with the default name is migrated alone:\n%s", alone)
	}
}

// TestLintNoParentsFromEnvironment: IISCFG_NO_PARENTS is --no-parents.
func TestLintNoParentsFromEnvironment(t *testing.T) {
	t.Chdir("testdata/context")
	flag := runCLI(t, "", "lint", "--format", "compact", "--no-parents", "site/Views/web.config")
	t.Setenv("IISCFG_NO_PARENTS", "true")
	env := runCLI(t, "", "lint", "--format", "compact", "site/Views/web.config")
	_, flagOut, _ := strings.Cut(flag, "\n")
	_, envOut, _ := strings.Cut(env, "\n")
	if flagOut != envOut || !strings.Contains(envOut, "[classic-http-modules]") {
		t.Errorf("IISCFG_NO_PARENTS:\n%s\nwant as --no-parents:\n%s", env, flag)
	}
}

// TestMigrateContext: migrate places a named subfolder web.config as the
// walk does (only its handlers are migrated); --no-parents takes it alone.
func TestMigrateContext(t *testing.T) {
	t.Chdir("testdata/context")
	views := func(args ...string) string {
		out := runCLI(t, "", append([]string{"migrate", "--color", "never"}, args...)...)
		var kept []string
		inViews := false
		for _, line := range strings.Split(out, "\n") {
			switch {
			case line == "--- stderr":
				inViews = false
				continue
			case strings.HasPrefix(line, "--- a/"):
				inViews = strings.HasPrefix(line, "--- a/site/Views/")
			case strings.HasPrefix(line, "site/") && !strings.HasPrefix(line, "site/Views/"):
				continue
			}
			if inViews || strings.HasPrefix(line, "site/Views/") {
				kept = append(kept, line)
			}
		}
		return strings.Join(kept, "\n")
	}
	walked, named := views("site"), views("site/Views/web.config")
	if walked != named || strings.Contains(named, "httpModules") {
		t.Errorf("migrate site/Views/web.config:\n%s\nwant (as when walking site, handlers only):\n%s", named, walked)
	}
	checkGolden(t, "migrate-views.want", runCLI(t, "", "migrate", "--color", "never", "site/Views/web.config"))
	checkGolden(t, "migrate-views-no-parents.want", runCLI(t, "", "migrate", "--color", "never", "--no-parents", "site/Views/web.config"))
}

// body is runCLI's output without its first line (the command).
func body(out string) string {
	_, rest, _ := strings.Cut(out, "\n")
	return rest
}

package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServerCommandsTenThousandApps runs apps, lint --apphost and migrate
// --apphost --all on a server of 10,000 applications (writeHostingServer).
// They were quadratic in applications (3,000 took 300 s): this test would
// run into the test timeout. It asserts what the commands find, never how
// long they take.
func TestServerCommandsTenThousandApps(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20,000 files")
	}
	const apps = 10000
	s := writeHostingServer(t, apps)
	integrated := 0
	for n := 0; n < apps; n++ {
		if n%7 != 3 { // writeHostingServer's Classic pools
			integrated++
		}
	}
	server := []string{"--no-config", "--apphost", s.apphost, "--path-map", s.pathMap}

	r := runCLI(t, append([]string{"apps", "--format", "json"}, server...)...)
	if r.code != ExitOK {
		t.Fatalf("apps: exit %d: %s", r.code, r.stderr)
	}
	var inventory struct{ Apps []appRow }
	if err := json.Unmarshal([]byte(r.stdout), &inventory); err != nil {
		t.Fatal(err)
	}
	needMigrate := 0
	for _, row := range inventory.Apps {
		if row.Readiness == "needs migrate" {
			needMigrate++
		}
	}
	if len(inventory.Apps) != apps || needMigrate != integrated {
		t.Errorf("apps: %d rows, %d need migrate; want %d and %d (the Integrated ones)", len(inventory.Apps), needMigrate, apps, integrated)
	}

	r = runCLI(t, append([]string{"lint", "--format", "compact"}, server...)...)
	if r.code != ExitFindings {
		t.Fatalf("lint: exit %d: %s", r.code, r.stderr)
	}
	// Every Integrated application's own httpModules, at line 5.
	if got := strings.Count(r.stdout, "web.config:5:5: error: system.web/httpModules adds"); got != integrated {
		t.Errorf("lint: %d httpModules findings, want %d", got, integrated)
	}

	r = runCLI(t, append([]string{"migrate", "--all"}, server...)...)
	if r.code != ExitOK {
		t.Fatalf("migrate --all: exit %d: %s", r.code, r.stderr)
	}
	// Each Integrated application's web.config and its subfolder's.
	if want := fmt.Sprintf("%d files would change", 2*integrated); !strings.Contains(r.stderr, want) {
		t.Errorf("migrate --all: want %q in %s", want, lastLine(r.stderr))
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// Applications without a web.config of their own that inherit their
// site's httpModules: the finding goes on their <application> element in
// applicationHost.config, which was found by building the whole server
// model again for each of them (6,000 applications took 34 s; this test's
// 30,000 would run into the test timeout).
func TestLintApphostThirtyThousandAppsInheriting(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 30,000 folders")
	}
	const sites, perSite = 3000, 10
	dir := t.TempDir()
	var x strings.Builder
	x.WriteString("<configuration><system.applicationHost><applicationPools><add name=\"DefaultAppPool\" /></applicationPools><sites>\n")
	for s := 1; s <= sites; s++ {
		fmt.Fprintf(&x, "<site name=\"site%d\" id=\"%d\">\n", s, s)
		for a := 0; a < perSite; a++ {
			path, folder := "/", fmt.Sprintf("s%d", s)
			if a > 0 {
				path, folder = fmt.Sprintf("/app%d", a), fmt.Sprintf("s%d/app%d", s, a)
			}
			fmt.Fprintf(&x, "<application path=%q><virtualDirectory path=\"/\" physicalPath=\"D:\\host\\%s\" /></application>\n", path, folder)
			if err := os.MkdirAll(filepath.Join(dir, "host", filepath.FromSlash(folder)), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		x.WriteString("</site>\n")
		if err := os.WriteFile(filepath.Join(dir, "host", fmt.Sprintf("s%d", s), "web.config"), []byte(modulesConfig), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	x.WriteString("<applicationDefaults applicationPool=\"DefaultAppPool\" /></sites></system.applicationHost></configuration>\n")
	apphost := filepath.Join(dir, "applicationHost.config")
	if err := os.WriteFile(apphost, []byte(x.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "lint", "--format", "compact", "--no-config", "--apphost", apphost, "--path-map", `D:\host=`+filepath.Join(dir, "host"))
	if r.code != ExitFindings {
		t.Fatalf("exit %d: %s", r.code, lastLine(r.stderr))
	}
	if got, want := strings.Count(r.stdout, "inherits system.web/httpModules"), sites*(perSite-1); got != want {
		t.Errorf("%d applications told they inherit httpModules, want %d", got, want)
	}
}

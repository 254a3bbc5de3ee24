package cli

import (
	"encoding/json"
	"fmt"
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

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A tree is migrated folder by folder, depth first: a folder's web.config,
// then its subfolders', then the next folder (so that only one branch of
// the tree is held in memory), whatever order the files are named in.
func TestMigrateTreeDepthFirst(t *testing.T) {
	handler := func(path string) string {
		return `<configuration><system.web><httpHandlers><add verb="*" path="` + path + `" type="H"/></httpHandlers></system.web></configuration>`
	}
	dir := writeTree(t, map[string]string{
		"a/web.config":     `<configuration><system.web><authentication mode="Forms"/><httpHandlers><add verb="*" path="*.a" type="H"/></httpHandlers></system.web></configuration>`,
		"a/sub/web.config": handler("*.sub"),
		"b/web.config":     handler("*.b"),
	})
	want := []string{"a/web.config", "a/sub/web.config", "b/web.config"}
	for _, args := range [][]string{{dir}, {filepath.Join(dir, "b/web.config"), filepath.Join(dir, "a/sub/web.config"), filepath.Join(dir, "a/web.config")}} {
		r := runCLI(t, append([]string{"migrate", "--check"}, args...)...)
		if r.code != ExitFindings {
			t.Fatalf("%d %s", r.code, r.stderr)
		}
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
			rel, _ := filepath.Rel(dir, line)
			got = append(got, filepath.ToSlash(rel))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("migrate --check %v: %v, want %v", args, got, want)
		}
	}
}

// Three levels: each file inherits what the files above it say once
// migrated, so the handler the application root gives is migrated there
// only.
func TestMigrateTreeInheritsMigratedParents(t *testing.T) {
	handler := `<httpHandlers><add verb="*" path="*.x" type="H"/></httpHandlers>`
	dir := writeTree(t, map[string]string{
		"web.config":            `<configuration><system.web><authentication mode="Forms"/>` + handler + `</system.web></configuration>`,
		"sub/web.config":        `<configuration><system.web>` + handler + `</system.web></configuration>`,
		"sub/deeper/web.config": `<configuration><system.web>` + handler + `</system.web></configuration>`,
		"other/web.config":      `<configuration><system.web>` + handler + `</system.web></configuration>`,
	})
	if r := runCLI(t, "migrate", "--write", dir); r.code != ExitOK {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	for _, f := range []string{"sub/web.config", "sub/deeper/web.config", "other/web.config"} {
		data, _ := os.ReadFile(filepath.Join(dir, f))
		if strings.Contains(string(data), "system.webServer") {
			t.Errorf("%s got a handler its application already gives it:\n%s", f, data)
		}
	}
	if r := runCLI(t, "lint", dir); r.code != ExitOK {
		t.Errorf("lint after migrate: %d\n%s", r.code, r.stdout)
	}
}

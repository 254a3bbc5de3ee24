package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// migrate --stdout on a file with nothing to migrate prints the file
// itself: "migrate --stdout web.config > new && mv new web.config" must not
// empty it (issue 14, defect 1).
func TestMigrateStdoutUnchangedPrintsTheDocument(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": cleanConfig})
	r := runCLI(t, "migrate", "--stdout", filepath.Join(dir, "web.config"))
	if r.code != ExitOK || r.stdout != cleanConfig {
		t.Errorf("exit %d, stdout %q, want the document unchanged", r.code, r.stdout)
	}
}

// --check lists the files that would change (gofmt -l), the diff only
// with --diff; a file with nothing to do is said to be unchanged; the dry
// run does not claim to have migrated anything.
func TestMigrateCheckListsFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{"a/web.config": modulesConfig, "b/web.config": cleanConfig, "c/web.config": handlersConfig})
	r := runCLI(t, "migrate", "--check", "--color", "never", dir)
	want := filepath.Join(dir, "a", "web.config") + "\n" + filepath.Join(dir, "c", "web.config") + "\n"
	if r.code != ExitFindings || r.stdout != want {
		t.Errorf("--check: exit %d, stdout %q, want %q", r.code, r.stdout, want)
	}
	if !strings.Contains(r.stderr, "iiscfg: 2 files would change, 1 unchanged; run iiscfg migrate --write to apply") {
		t.Errorf("--check summary: %q", r.stderr)
	}
	if strings.Contains(r.stderr, "Successfully") {
		t.Errorf("a dry run says it migrated: %q", r.stderr)
	}
	d := runCLI(t, "migrate", "--check", "--diff", "--color", "never", dir)
	if d.code != ExitFindings || !strings.Contains(d.stdout, "+++ ") {
		t.Errorf("--check --diff shows no diff: %d %q", d.code, d.stdout)
	}
	one := runCLI(t, "migrate", "--color", "never", filepath.Join(dir, "b", "web.config"))
	if one.code != ExitOK || one.stdout != "" || !strings.Contains(one.stderr, "web.config: unchanged (nothing to migrate)") {
		t.Errorf("unchanged file: %d %q %q", one.code, one.stdout, one.stderr)
	}
	q := runCLI(t, "migrate", "--check", "--quiet", dir)
	if q.code != ExitFindings || q.stderr != "" || q.stdout != want {
		t.Errorf("--quiet: %d stdout %q stderr %q", q.code, q.stdout, q.stderr)
	}
}

// --backup takes a suffix only after "=": "--backup .orig" is answered,
// not taken as an input (issue 14, defect 7).
func TestMigrateBackupSuffixNeedsEquals(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": modulesConfig})
	path := filepath.Join(dir, "web.config")
	r := runCLI(t, "migrate", "--write", "--backup", ".orig", path)
	if r.code != ExitUsage || !strings.Contains(r.stderr, "--backup=.orig") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != modulesConfig {
		t.Error("the file was written")
	}
}

// Flags that contradict each other are refused (issue 14, defect 9).
func TestMigrateConflictingFlags(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": modulesConfig})
	path := filepath.Join(dir, "web.config")
	for _, args := range [][]string{
		{"--stdout", "--semantic"},
		{"--stdout", "--check"},
		{"--diff"},
	} {
		r := runCLI(t, append(append([]string{"migrate"}, args...), path)...)
		if r.code != ExitUsage || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// migrate takes IISCFG_RUNTIME and IISCFG_COLOR as lint does (defect 5).
func TestMigrateEnvironment(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": modulesConfig})
	t.Setenv("IISCFG_RUNTIME", "v1.0")
	r := runCLI(t, "migrate", filepath.Join(dir, "web.config"))
	if r.code != ExitUsage || !strings.Contains(r.stderr, "IISCFG_RUNTIME") {
		t.Errorf("IISCFG_RUNTIME ignored or not named: %d %q", r.code, r.stderr)
	}
	os.Unsetenv("IISCFG_RUNTIME")
	t.Setenv("IISCFG_COLOR", "always")
	r = runCLI(t, "migrate", filepath.Join(dir, "web.config"))
	if r.code != ExitOK || !strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("IISCFG_COLOR ignored: %d %q", r.code, r.stdout)
	}
}

// Diff headers name files so that git apply takes the patch: no ".." and
// no "//" (issue 14, defect 11).
func TestPatchHeadersGitApplyTakes(t *testing.T) {
	dir := writeTree(t, map[string]string{"repo/.git/HEAD": "ref: refs/heads/main\n", "repo/site/web.config": modulesConfig, "loose/web.config": handlersConfig})
	inRepo := runCLI(t, "migrate", "--color", "never", filepath.Join(dir, "repo", "site", "web.config"))
	if !strings.HasPrefix(inRepo.stdout, "--- a/site/web.config\n+++ b/site/web.config\n") {
		t.Errorf("file in a repository outside the working directory: %q", firstLines(inRepo.stdout, 2))
	}
	loose := runCLI(t, "migrate", "--color", "never", filepath.Join(dir, "loose", "web.config"))
	want := "--- a/" + strings.TrimLeft(filepath.ToSlash(filepath.Join(dir, "loose", "web.config")), "/") + "\n"
	if !strings.HasPrefix(loose.stdout, want) || strings.Contains(firstLines(loose.stdout, 2), "//") {
		t.Errorf("file outside any repository: %q, want %q", firstLines(loose.stdout, 2), want)
	}
	rel := runCLI(t, "diff", "--mode", "text", "--color", "never", filepath.Join(dir, "repo", "site", "web.config"), filepath.Join(dir, "loose", "web.config"))
	if rel.code != ExitFindings || strings.Contains(firstLines(rel.stdout, 2), "..") {
		t.Errorf("diff --mode text: exit %d, header %q", rel.code, firstLines(rel.stdout, 2))
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitAfterN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "")
}

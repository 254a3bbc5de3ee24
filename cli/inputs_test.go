package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNoConfigurationFiles: a walk that keeps no file is a usage error
// (exit 2) that says how many files the filters left out, for lint,
// migrate and diff; a file named beside it is linted.
func TestNoConfigurationFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"empty/readme.txt":      "no configuration here",
		"other/empty/notes.md":  "",
		"excluded/a/web.config": cleanConfig,
		"excluded/web.config":   cleanConfig,
		"one/web.config":        cleanConfig,
	})
	t.Chdir(dir)
	want := "iiscfg: no configuration files found under empty (0 left out by .gitignore, 0 by --exclude)\n"
	for _, args := range [][]string{
		{"lint", "empty"},
		{"migrate", "empty"},
		{"lint", "empty", "empty"},
		{"diff", "empty", "empty"}, // review R11: was printed twice
		{"lint", "empty", "./empty/", "empty/", filepath.Join(dir, "empty")}, // once per folder, however spelt
	} {
		r := runCLI(t, args...)
		if r.code != ExitUsage || r.stderr != want || r.stdout != "" {
			t.Errorf("%s: exit %d\nstdout %q\nstderr %q\nwant exit 2 and %q", strings.Join(args, " "), r.code, r.stdout, r.stderr, want)
		}
	}
	r := runCLI(t, "diff", "empty", "other/empty")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "under empty (") || !strings.Contains(r.stderr, "under other/empty (") {
		t.Errorf("diff of two empty folders: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCLI(t, "lint", "--exclude", "excluded/**", "--exclude", "**/web.config", "excluded")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "under excluded (0 left out by .gitignore, 2 by --exclude)") {
		t.Errorf("excluded files: exit %d, stderr %q", r.code, r.stderr)
	}
	// A file named on the command line makes the run not empty; the empty
	// folder is noted.
	r = runCLI(t, "lint", "empty", "one/web.config")
	if r.code != ExitOK || !strings.Contains(r.stderr, "iiscfg: note: no configuration files found under empty") {
		t.Errorf("empty folder and a named file: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestNoConfigurationFilesGitignored counts what .gitignore left out.
func TestNoConfigurationFilesGitignored(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	dir := writeTree(t, map[string]string{".gitignore": "[Ww]eb.config\n", "site/web.config": cleanConfig, "site/sub/Web.config": cleanConfig})
	if out, err := exec.Command(git, "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	t.Chdir(dir)
	r := runCLI(t, "lint", "site")
	if r.code != ExitUsage || r.stderr != "iiscfg: no configuration files found under site (2 left out by .gitignore, 0 by --exclude)\n" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestGitignoreNotApplied: in a checkout that git cannot read (not
// installed, or a checkout it refuses), lint says that .gitignore was not
// applied and lints the files.
func TestGitignoreNotApplied(t *testing.T) {
	dir := writeTree(t, map[string]string{".gitignore": "publish/\n", "publish/web.config": modulesConfig})
	t.Run("git not installed", func(t *testing.T) {
		if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(filepath.Join(dir, ".git"))
		t.Setenv("PATH", "")
		r := runCLI(t, "lint", "--format", "compact", dir)
		if !strings.Contains(r.stderr, "git is not installed; .gitignore was not applied") || !strings.Contains(r.stdout, "publish") {
			t.Errorf("stdout %q\nstderr %q", r.stdout, r.stderr)
		}
	})
	t.Run("git refuses the checkout", func(t *testing.T) {
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("git not installed")
		}
		// A .git file pointing nowhere: git refuses it as it refuses a
		// checkout of another owner.
		if err := os.WriteFile(filepath.Join(dir, ".git"), []byte("gitdir: "+filepath.Join(dir, "missing")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(filepath.Join(dir, ".git"))
		r := runCLI(t, "lint", "--format", "compact", dir)
		if !strings.Contains(r.stderr, "git refused the checkout (") || !strings.Contains(r.stderr, ".gitignore was not applied") || !strings.Contains(r.stdout, "publish") {
			t.Errorf("stdout %q\nstderr %q", r.stdout, r.stderr)
		}
	})
	t.Run("outside a checkout, nothing to say", func(t *testing.T) {
		r := runCLI(t, "lint", "--format", "compact", filepath.Join(dir, "publish"))
		if strings.Contains(r.stderr, "gitignore") {
			t.Errorf("stderr %q", r.stderr)
		}
	})
	// Outside a checkout git is not started at all (it cost 30-50 ms of
	// every run); with GIT_DIR set, or a .git above, it is.
	t.Run("outside a checkout, git is not run", func(t *testing.T) {
		if checkoutAbove(dir) != "" {
			t.Skip("the temporary folder is inside a git checkout")
		}
		bin := t.TempDir()
		ran := filepath.Join(bin, "ran")
		if err := os.WriteFile(filepath.Join(bin, "git"), []byte("#!/bin/sh\necho \"$@\" >> "+ran+"\nexit 128\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PATH", bin)
		t.Setenv("GIT_DIR", "")
		runCLI(t, "lint", "--format", "compact", filepath.Join(dir, "publish"))
		if _, err := os.Stat(ran); err == nil {
			t.Errorf("git was run outside a checkout")
		}
		t.Setenv("GIT_DIR", filepath.Join(dir, "elsewhere.git"))
		runCLI(t, "lint", "--format", "compact", filepath.Join(dir, "publish"))
		if _, err := os.Stat(ran); err != nil {
			t.Errorf("git was not run with GIT_DIR set: %v", err)
		}
	})
}

// TestSymlinkLoopToWalkRoot: a link back to the folder being walked is
// noted like any other loop.
func TestSymlinkLoopToWalkRoot(t *testing.T) {
	dir := writeTree(t, map[string]string{"app/sub/readme.txt": ""})
	if err := os.Symlink(filepath.Join(dir, "app"), filepath.Join(dir, "app", "sub", "back")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	t.Chdir(dir)
	r := runCLI(t, "lint", "app")
	if !strings.Contains(r.stderr, "iiscfg: note: app/sub/back: symbolic link loop") || r.code != ExitUsage {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestWalkRecordsFoldersAsContextSees: what a walk records of each folder
// (its web.config's name, whether it holds .git) is what fsContext finds
// by looking at the folder itself, so placing walked files needs no
// second look: exact name before other letter cases, links followed,
// folders and dangling links named web.config ignored, .git as folder or
// file.
func TestWalkRecordsFoldersAsContextSees(t *testing.T) {
	const cfg = "<configuration/>"
	dir := writeTree(t, map[string]string{
		"web.config": cfg, "a/Web.config": cfg, "b/web.config": cfg, "b/WEB.CONFIG": cfg,
		"c/.git/HEAD": "ref", "c/web.config": cfg, "d/.git": "gitdir: x", "e/f/web.config": cfg,
		"h/web.config/x": "", "h/WEB.config": cfg, "i/keep.txt": "",
	})
	if runtime.GOOS != "windows" { // links need privileges there
		for link, target := range map[string]string{"g/web.config": "web.config", "i/Web.config": "missing"} {
			os.MkdirAll(filepath.Dir(filepath.Join(dir, link)), 0o755)
			if err := os.Symlink(filepath.Join(dir, target), filepath.Join(dir, link)); err != nil {
				t.Fatal(err)
			}
		}
	}
	walked := newFSContext(nil, nil)
	inputs, errs, _ := collectInputsWith([]string{dir}, "", walkOptions{folders: walked.remember})
	if len(errs) > 0 || len(inputs) == 0 {
		t.Fatalf("walk: %d inputs, errors %v", len(inputs), errs)
	}
	if len(walked.dirs) < 10 {
		t.Fatalf("the walk recorded %d folders, want every one of the 11 walked", len(walked.dirs))
	}
	for abs, got := range walked.dirs {
		if want := newFSContext(nil, nil).dir(abs); got != want {
			t.Errorf("%s: the walk recorded %+v, a look at the folder finds %+v", abs, got, want)
		}
	}
}

// TestParallelWalkKeepsWalkOrder: folders read by several goroutines give
// the files, the loop notes and the errors of a one-goroutine walk, in its
// order, every time: a file reached through a link and through its real
// folder is kept under the name met first.
func TestParallelWalkKeepsWalkOrder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	files := map[string]string{}
	for i := 0; i < 40; i++ {
		files[fmt.Sprintf("d%02d/web.config", i)] = cleanConfig
		files[fmt.Sprintf("d%02d/sub/Web.Debug.config", i)] = cleanConfig
	}
	dir := writeTree(t, files)
	for _, l := range []struct{ link, target string }{
		{"d05/to-d30", "d30"}, // d05/to-d30/web.config comes before d30/web.config
		{"d10/sub/loop", "d10"},
		{"d20/loop", "."},
	} {
		if err := os.Symlink(filepath.Join(dir, l.target), filepath.Join(dir, l.link)); err != nil {
			t.Fatal(err)
		}
	}
	walk := func() (found []string, notes []string) {
		w := newWalker(walkOptions{notes: func(n string) { notes = append(notes, n) }})
		w.tokens = make(chan struct{}, 4)
		w.walk(dir)
		if len(w.errs) > 0 {
			t.Fatal(w.errs)
		}
		return w.found, notes
	}
	found, notes := walk()
	joined := strings.Join(found, "\n")
	if len(found) != 80 || !strings.Contains(joined, filepath.Join("d05", "to-d30", "web.config")) || strings.Contains(joined, filepath.Join(dir, "d30", "web.config")) {
		t.Fatalf("found %d files:\n%s", len(found), joined)
	}
	if len(notes) != 2 || !strings.Contains(notes[0], filepath.Join("d10", "sub", "loop")) || !strings.Contains(notes[1], filepath.Join("d20", "loop")) {
		t.Fatalf("notes: %q", notes)
	}
	for i := 0; i < 20; i++ {
		f, n := walk()
		if strings.Join(f, "\n") != joined || strings.Join(n, "\n") != strings.Join(notes, "\n") {
			t.Fatalf("walk %d differs:\n%s\n%q", i, strings.Join(f, "\n"), n)
		}
	}
}

// TestFileLinkInsideWalkLintedOnce: a web.config that is a link to another
// one in the walk is the same file, linted once; without links every file
// is linted.
func TestFileLinkInsideWalkLintedOnce(t *testing.T) {
	modules := "<configuration>\n<system.web><httpModules><add name=\"M\" type=\"A.M\"/></httpModules></system.web>\n</configuration>\n"
	dir := writeTree(t, map[string]string{"a/web.config": modules, "c/web.config": modules})
	r := runCLI(t, "lint", "--format", "compact", "--no-gitignore", dir)
	if strings.Count(r.stdout, "web.config:") != 2 {
		t.Fatalf("two files, two findings wanted:\n%s", r.stdout)
	}
	if err := os.Mkdir(filepath.Join(dir, "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "a", "web.config"), filepath.Join(dir, "b", "web.config")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	r = runCLI(t, "lint", "--format", "compact", "--no-gitignore", dir)
	if strings.Count(r.stdout, "web.config:") != 2 || strings.Contains(r.stdout, filepath.Join("b", "web.config")) {
		t.Errorf("the linked file should be linted once, by its first path:\n%s", r.stdout)
	}
}

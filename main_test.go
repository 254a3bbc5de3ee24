package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

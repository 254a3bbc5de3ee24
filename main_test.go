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

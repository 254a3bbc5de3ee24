// Package testutil holds helpers shared by the project's tests.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
)

// RepoRoot is the directory of the iiscfg module.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// CorpusDir is ../shared/corpus beside the checkout. Tests skip, not fail,
// when it is absent (a user's fresh clone); CI has it.
func CorpusDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(RepoRoot(), "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("corpus not available (%v); it lives in ../shared/corpus", err)
	}
	return dir
}

// CorpusFiles lists every configuration file of the corpus (all but
// MANIFEST.tsv), sorted, as paths relative to the corpus directory.
func CorpusFiles(tb testing.TB) (dir string, files []string) {
	tb.Helper()
	dir = CorpusDir(tb)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || filepath.Ext(p) == ".tsv" || d.Name() == "LICENSE.txt" {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, rel)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(files)
	return dir, files
}

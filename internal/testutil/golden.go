package testutil

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// CheckCorpusGolden compares findings on the corpus with
// testdata/corpus/GOLDEN, whose lines are "finding -- why it is right",
// each checked by hand; header lines start with "#". With update it
// rewrites the file, keeping the reasons and marking new lines UNCHECKED,
// which fails until someone has read them.
func CheckCorpusGolden(t *testing.T, golden string, got []string, update bool) {
	t.Helper()
	path := filepath.Join(RepoRoot(), "testdata", "corpus", golden)
	header, why := readCorpusGolden(t, path, update)
	if update {
		var b strings.Builder
		b.WriteString(header)
		for _, k := range got {
			reason := why[k]
			if reason == "" {
				reason = "UNCHECKED"
			}
			fmt.Fprintf(&b, "%s -- %s\n", k, reason)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	gotSet := map[string]bool{}
	for _, k := range got {
		gotSet[k] = true
		if _, ok := why[k]; !ok {
			t.Errorf("new finding, not checked by hand: %s", k)
		}
	}
	for k, reason := range why {
		if !gotSet[k] {
			t.Errorf("finding gone: %s (%s)", k, reason)
		}
		if reason == "UNCHECKED" {
			t.Errorf("finding not checked by hand: %s", k)
		}
	}
}

func readCorpusGolden(t *testing.T, path string, update bool) (header string, why map[string]string) {
	why = map[string]string{}
	f, err := os.Open(path)
	if err != nil {
		if update {
			return "", why
		}
		t.Fatal(err)
	}
	defer f.Close()
	var h strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			h.WriteString(line + "\n")
			continue
		}
		k, reason, _ := strings.Cut(line, " -- ")
		why[k] = reason
	}
	return h.String(), why
}

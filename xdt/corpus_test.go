package xdt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

// TestLosslessOverCorpus applies every transform of the corpus and of
// testdata/transform to every web.config of the corpus and checks that no
// line of the source outside the elements the transform touched changes,
// and that the result parses.
func TestLosslessOverCorpus(t *testing.T) {
	dir, files := testutil.CorpusFiles(t)
	var sources, transforms []*config.Document
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		d, err := config.Load(f, data)
		if err != nil {
			continue // the corpus has malformed files on purpose
		}
		if d.Kind() == config.KindTransform {
			transforms = append(transforms, d)
		} else if d.Kind() == config.KindWebConfig {
			sources = append(sources, d)
		}
	}
	own, _ := filepath.Glob("../testdata/transform/*/transform*.config")
	for _, p := range own {
		transforms = append(transforms, load(t, p))
	}
	if len(sources) < 30 || len(transforms) < 20 {
		t.Fatalf("only %d sources and %d transforms", len(sources), len(transforms))
	}
	applied, changed := 0, 0
	for _, tr := range transforms {
		for _, src := range sources {
			res, err := Apply(src, tr)
			if err != nil {
				continue // e.g. an Insert whose parent this source lacks
			}
			applied++
			if _, err := config.Load("result", res.Doc.Bytes()); err != nil {
				t.Errorf("%s + %s: result does not parse: %v", src.Path, tr.Path, err)
				continue
			}
			if res.Applied > 0 {
				changed++
			}
			checkUntouchedLines(t, src, res, tr.Path)
		}
	}
	t.Logf("%d sources × %d transforms: %d applied, %d changed the source", len(sources), len(transforms), applied, changed)
	if changed == 0 {
		t.Fatal("no transform changed any source: the property was not exercised")
	}
}

// checkUntouchedLines: every source line a line diff deletes or changes
// overlaps an element the transform touched.
func checkUntouchedLines(t *testing.T, src *config.Document, res *Result, tr string) {
	t.Helper()
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(string(src.Text()), string(res.Doc.Text()))
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	offset := 0
	for _, d := range diffs {
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			offset += len(d.Text)
		case diffmatchpatch.DiffDelete:
			for _, line := range strings.SplitAfter(d.Text, "\n") {
				if line == "" {
					continue
				}
				span := config.Span{Start: offset, End: offset + len(line)}
				if !overlapsAny(span, res.Touched) {
					t.Errorf("%s + %s: line %d changed outside the touched elements: %q", src.Path, tr, src.Pos(offset).Line, line)
				}
				offset += len(line)
			}
		}
	}
}

func overlapsAny(s config.Span, spans []config.Span) bool {
	for _, o := range spans {
		if s.Start < o.End && o.Start < s.End {
			return true
		}
	}
	return false
}

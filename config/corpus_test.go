package config_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

// malformedCorpusFiles are the corpus files that are not well-formed XML on
// purpose (MANIFEST.tsv says XMLERR), with the position the error must name.
var malformedCorpusFiles = map[string]struct{ line, col int }{
	"applicationhost/jexuswebserver__JexusManager__Tests_original2_missing_closing.config": {1134, 1},
}

func TestCorpusRoundTrip(t *testing.T) {
	dir, files := testutil.CorpusFiles(t)
	if len(files) < 80 {
		t.Fatalf("expected the whole corpus, found %d files", len(files))
	}
	for _, rel := range files {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := config.Load(rel, data)
		if want, bad := malformedCorpusFiles[rel]; bad {
			var se *config.SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("%s: want a syntax error, got %v", rel, err)
				continue
			}
			if se.Line != want.line || se.Column != want.col {
				t.Errorf("%s: error at %d:%d, want %d:%d (%v)", rel, se.Line, se.Column, want.line, want.col, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		if !bytes.Equal(doc.Bytes(), data) {
			t.Errorf("%s: Bytes() differs from the input", rel)
		}
		if strings.Contains(rel, "..") {
			t.Errorf("bad path %s", rel)
		}
	}
}

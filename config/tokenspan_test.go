package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

// TestWhitespaceTokenSpans: the spans of indentation, which the scanner
// does not record but derives from the neighbours, cover exactly the
// token's text, in every corpus file.
func TestWhitespaceTokenSpans(t *testing.T) {
	dir, names := testutil.CorpusFiles(t)
	checked := 0
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := config.Load(n, data)
		if err != nil {
			continue
		}
		var walk func(e *etree.Element)
		walk = func(e *etree.Element) {
			for _, tok := range e.Child {
				switch tok := tok.(type) {
				case *etree.Element:
					walk(tok)
				case *etree.CharData:
					span, ok := doc.TokenSpan(tok)
					if !ok {
						t.Fatalf("%s: a text token has no span", n)
					}
					raw := strings.ReplaceAll(string(doc.Text()[span.Start:span.End]), "\r\n", "\n")
					raw = strings.ReplaceAll(raw, "\r", "\n")
					if tok.IsWhitespace() {
						checked++
						if raw != tok.Data {
							t.Fatalf("%s: whitespace span %v holds %q, the token %q", n, span, raw, tok.Data)
						}
					}
				}
			}
		}
		walk(&doc.Tree.Element)
	}
	if checked == 0 {
		t.Fatal("no whitespace token checked")
	}
}

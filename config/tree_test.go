package config_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

// TestCorpusTreeMatchesEtree checks the tree the scanner builds against the
// one etree's own reader (encoding/xml) builds from the same text: same
// elements, attributes, text and comments. encoding/xml does not normalize
// whitespace in attribute values, so values are compared after doing that.
func TestCorpusTreeMatchesEtree(t *testing.T) {
	dir, files := testutil.CorpusFiles(t)
	for _, rel := range files {
		if _, bad := malformedCorpusFiles[rel]; bad {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := config.Load(rel, data)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		ref := etree.NewDocument()
		ref.ReadSettings.PreserveCData = true
		ref.ReadSettings.PreserveDuplicateAttrs = true
		ref.ReadSettings.CharsetReader = func(label string, input io.Reader) (io.Reader, error) { return input, nil }
		if err := ref.ReadFromBytes(doc.Text()); err != nil {
			t.Fatalf("%s: etree: %v", rel, err)
		}
		got, want := dumpTree(doc.Root()), dumpTree(ref.Root())
		if got != want {
			t.Errorf("%s: trees differ\n%s", rel, firstDifference(got, want))
		}
	}
}

func dumpTree(e *etree.Element) string {
	var b strings.Builder
	var walk func(e *etree.Element, depth int)
	walk = func(e *etree.Element, depth int) {
		fmt.Fprintf(&b, "%*s<%s:%s>\n", depth, "", e.Space, e.Tag)
		for _, a := range e.Attr {
			v := strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ", "\r", " ").Replace(a.Value)
			fmt.Fprintf(&b, "%*s @%s:%s=%q\n", depth, "", a.Space, a.Key, v)
		}
		for _, c := range e.Child {
			switch c := c.(type) {
			case *etree.Element:
				walk(c, depth+1)
			case *etree.CharData:
				fmt.Fprintf(&b, "%*s text %q cdata=%v\n", depth, "", strings.ReplaceAll(c.Data, "\r\n", "\n"), c.IsCData())
			case *etree.Comment:
				fmt.Fprintf(&b, "%*s comment %q\n", depth, "", strings.ReplaceAll(c.Data, "\r\n", "\n"))
			}
		}
	}
	walk(e, 0)
	return b.String()
}

func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  ours:  %s\n  etree: %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d vs %d lines", len(al), len(bl))
}

package config_test

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

// The tests below parse each input shape at a size that takes well under a
// second when the parser is linear in it and minutes when it is quadratic
// (200,000 attributes on one element took minutes before the duplicate and
// prefix checks were indexed). They assert what was parsed, never a time.

func TestManyAttributesOnOneElement(t *testing.T) {
	const n = 200000
	doc, err := config.Load("web.config", testutil.ManyAttributes(n))
	if err != nil {
		t.Fatal(err)
	}
	comp := doc.Root().FindElement("system.web/compilation")
	if comp == nil || len(comp.Attr) != n {
		t.Fatalf("want <compilation> with %d attributes", n)
	}
	for _, i := range []int{0, 15, 16, 17, n / 2, n - 1} {
		a := comp.Attr[i]
		if a.Element() != comp {
			t.Fatalf("attribute %d does not know its element", i)
		}
		info, ok := doc.AttrInfo(comp, a.Key)
		if !ok || string(doc.Text()[info.Key.Start:info.Key.End]) != a.Key {
			t.Fatalf("AttrInfo(%q) = %+v, %v", a.Key, info, ok)
		}
		if got, want := doc.Pos(info.Key.Start).Column, info.Key.Start+1; got != want {
			t.Fatalf("column of %s: got %d, want %d", a.Key, got, want)
		}
	}
	if _, ok := doc.AttrInfo(comp, "missing"); ok {
		t.Fatal("AttrInfo found an attribute the element does not have")
	}
}

func TestDuplicateAttributeAtTheEndOfAManyAttributeTag(t *testing.T) {
	const n = 200000
	text := testutil.ManyAttributes(n)
	text = bytes.Replace(text, []byte(" />"), []byte(` a199998="y" />`), 1)
	_, err := config.Load("web.config", text)
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte(`duplicate attribute "a199998"`)) {
		t.Fatalf("want the duplicate reported, got %v", err)
	}
}

func TestManyNamespacePrefixes(t *testing.T) {
	const n = 200000
	doc, err := config.Load("web.config", testutil.ManyPrefixes(n))
	if err != nil {
		t.Fatal(err)
	}
	if a := doc.Root().SelectElement("a"); a == nil || len(a.Attr) != n || a.Attr[n-1].NamespaceURI() != "urn:x" {
		t.Fatalf("want <a> with %d prefixed attributes in urn:x", n)
	}
}

func TestOtherShapesParse(t *testing.T) {
	const n = 200000
	for _, tc := range []struct {
		name     string
		text     []byte
		elements int
	}{
		{"siblings", testutil.ManySiblings(n), n + 2},
		{"depth", testutil.DeepNesting(n), n + 1},
		{"long line", testutil.LongLine(n), 5},
		{"references", testutil.ManyReferences(n), 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := config.Load("web.config", tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(doc.Elements()); got != tc.elements {
				t.Fatalf("%d elements, want %d", got, tc.elements)
			}
			if !bytes.Equal(doc.Bytes(), tc.text) {
				t.Fatal("does not round-trip")
			}
		})
	}
}

// TestColumnsOnALongLine checks that columns counted from checkpoints (a
// line longer than a few hundred bytes) are the characters from the line's
// start, on a line of two-byte characters and on the lines around it.
func TestColumnsOnALongLine(t *testing.T) {
	text := append([]byte("<!-- é -->\n"), testutil.LongLine(3000)...)
	text = append(text, "<!-- é\u00e9\U0001F600 -->\n"...)
	doc, err := config.Load("web.config", text)
	if err != nil {
		t.Fatal(err)
	}
	lineStart := 0
	for offset := 0; offset <= len(text); offset++ {
		if offset < len(text) && !utf8.RuneStart(text[offset]) {
			continue
		}
		p := doc.Pos(offset)
		want := utf8.RuneCount(text[lineStart:offset]) + 1
		if p.Column != want {
			t.Fatalf("offset %d (line %d): column %d, want %d", offset, p.Line, p.Column, want)
		}
		if offset < len(text) && text[offset] == '\n' {
			lineStart = offset + 1
		}
	}
}

// BenchmarkParseAttributes parses one element with 100,000 attributes.
func BenchmarkParseAttributes(b *testing.B) {
	benchmarkParse(b, testutil.ManyAttributes(100000))
}

// BenchmarkParseShapes parses the other shapes at 100,000 (siblings,
// nesting levels, references, prefixes) or 1,000,000 characters on one
// line: each should cost about the same per byte as the corpus.
func BenchmarkParseShapes(b *testing.B) {
	const n = 100000
	for _, s := range []struct {
		name string
		text []byte
	}{
		{"siblings", testutil.ManySiblings(n)},
		{"depth", testutil.DeepNesting(n)},
		{"long-line", testutil.LongLine(10 * n)},
		{"references", testutil.ManyReferences(n)},
		{"prefixes", testutil.ManyPrefixes(n)},
	} {
		b.Run(s.name, func(b *testing.B) { benchmarkParse(b, s.text) })
	}
}

func benchmarkParse(b *testing.B, text []byte) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := config.Load("web.config", text); err != nil {
			b.Fatal(err)
		}
	}
}

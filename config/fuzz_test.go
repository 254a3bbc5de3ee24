package config_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

var fuzzSeeds = []string{
	smallConfig,
	"\xef\xbb\xbf<?xml version=\"1.0\"?>\r\n<configuration>\r\n\t<system.web>\r\n\t\t<httpModules><clear/></httpModules>\r\n\t</system.web>\r\n</configuration>",
	`<configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0"><location path="api"><system.web><httpHandlers><add verb='*' path='*.x' type="T"/></httpHandlers></system.web></location></configuration>`,
	`<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"><system.web xdt:Transform="Replace"/></configuration>`,
	"<!DOCTYPE configuration [<!ENTITY x 'y'>]><configuration><![CDATA[a<b]]>&amp;&#x41;<?pi x?><!-- c --></configuration>",
	"<a>\n<b c=\"&lt;&#10;\">t</b>\n</a>",
	"<?xml version=\"1.0\" encoding=\"windows-1252\"?><a b=\"\x80\xe9\"/>",
	"<!DOCTYPE c [<!ENTITY % p 'x'><!ENTITY e \"v\"><!-- <!ENTITY f 'w'> -->]><c a=\"&e;\">&f;&nbsp;</c>",
	"<\x00c\x00/\x00>\x00",
	"<a>\n  <b/>\n  t<![CDATA[x]]>\n  <c>\n    <d/>\n  </c>\r\n\t<e>\n</e>&#32;</a>",
	"<a b=\"1\" c=\"2\" d=\"3\" e=\"4\" f=\"5\" g=\"6\" h=\"7\" i=\"8\" j=\"9\" k=\"10\" l=\"11\" m=\"12\" n=\"13\" o=\"14\" p=\"15\" q=\"16\" r=\"17\" b=\"dup\"/>",
}

func FuzzLoad(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		loadBoth(t, "fuzz.config", data) // LoadLean agrees with Load
		doc, err := config.Load("fuzz.config", data)
		if err != nil {
			var msg = err.Error()
			if !strings.HasPrefix(msg, "fuzz.config:") {
				t.Fatalf("error without file position: %v", err)
			}
			return
		}
		if !bytes.Equal(doc.Bytes(), data) {
			t.Fatalf("Bytes() does not round-trip")
		}
		text := doc.Text()
		// Indentation spans are derived from the neighbours: they must hold
		// exactly the token's text (line ends normalized).
		var spans func(e *etree.Element)
		spans = func(e *etree.Element) {
			for _, tok := range e.Child {
				switch tok := tok.(type) {
				case *etree.Element:
					spans(tok)
				case *etree.CharData:
					if !tok.IsWhitespace() {
						continue
					}
					sp, ok := doc.TokenSpan(tok)
					if !ok || sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
						t.Fatalf("whitespace token %q: span %+v, %v", tok.Data, sp, ok)
					}
					raw := strings.ReplaceAll(strings.ReplaceAll(string(text[sp.Start:sp.End]), "\r\n", "\n"), "\r", "\n")
					if raw != tok.Data {
						t.Fatalf("whitespace span %+v holds %q, the token %q", sp, raw, tok.Data)
					}
				}
			}
		}
		spans(&doc.Tree.Element)
		for _, e := range doc.Elements() {
			info := doc.Info(e)
			s := info.StartTag
			if s.Start < 0 || s.End > len(text) || text[s.Start] != '<' || info.EndTag.End > len(text) || info.EndTag.Start < s.Start {
				t.Fatalf("bad spans for <%s>: %+v", e.Tag, info)
			}
			if got := string(text[info.Name.Start:info.Name.End]); got != e.FullTag() {
				t.Fatalf("name span %q for element %q", got, e.FullTag())
			}
			if len(info.Attrs) != len(e.Attr) {
				t.Fatalf("attribute count mismatch on <%s>", e.Tag)
			}
			for _, a := range info.Attrs {
				if text[a.Value.Start-1] != a.Quote || text[a.Value.End] != a.Quote {
					t.Fatalf("value span of %s not inside quotes", a.Name)
				}
			}
			p := doc.Pos(s.Start)
			if p.Line < 1 || p.Column < 1 || p.Line > doc.LineCount() {
				t.Fatalf("bad position %+v", p)
			}
		}
		// What we accept, encoding/xml must accept too, as the same tree.
		if !utf8.Valid(text) {
			t.Fatalf("accepted text that is not UTF-8")
		}
		if bytes.Contains(text, []byte("<!DOCTYPE")) {
			return // encoding/xml neither checks nor expands a DTD
		}
		ref := etree.NewDocument()
		ref.ReadSettings.PreserveCData = true
		ref.ReadSettings.PreserveDuplicateAttrs = true
		ref.ReadSettings.CharsetReader = func(label string, input io.Reader) (io.Reader, error) { return input, nil }
		if err := ref.ReadFromBytes(text); err != nil {
			if strings.Contains(err.Error(), "invalid XML name") && !isASCII(text) {
				return // encoding/xml uses the XML 1.0 4th-edition name tables; we use the 5th
			}
			t.Fatalf("encoding/xml rejects what we accept: %v", err)
		}
		if ref.Root() != nil {
			if got, want := dumpTree(doc.Root()), dumpTree(ref.Root()); got != want {
				t.Fatalf("trees differ\n%s", firstDifference(got, want))
			}
		}
	})
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

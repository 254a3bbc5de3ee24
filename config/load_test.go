package config_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

func TestMalformedInput(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, col int
		msg       string
	}{
		{"mismatched tag", "<configuration>\n  <system.web>\n  </system.webServer>\n</configuration>", 3, 3,
			"end tag </system.webServer> does not match start tag <system.web> at line 2, column 3"},
		{"unclosed at eof", "<configuration>\n  <appSettings>\n", 3, 1,
			"unexpected end of file: element <appSettings> opened at line 2, column 3 is not closed"},
		{"duplicate attribute", `<configuration><add key="a" value="1" value="2"/></configuration>`, 1, 39,
			`duplicate attribute "value" (first at line 1, column 29)`},
		{"text after root", "<configuration/>\nstray", 2, 1, "text is not allowed after the root element"},
		{"second root", "<a/><b/>", 1, 5, "a second root element is not allowed"},
		{"bad character", "<configuration>\x01</configuration>", 1, 16, "invalid character U+0001"},
		{"invalid utf8", "<configuration>\xff</configuration>", 1, 16, "invalid UTF-8 byte 0xFF (is the file's encoding declared correctly?)"},
		{"truncated start tag", `<configuration><add key="a`, 1, 25, `unexpected end of file inside the value of attribute "key"`},
		{"truncated comment", "<configuration><!-- never closed", 1, 16, "unexpected end of file inside a comment that starts here"},
		{"double hyphen in comment", "<configuration><!-- a -- b --></configuration>", 1, 23, `"--" is not allowed inside a comment`},
		{"double hyphen in a suppression", "<configuration><!-- iiscfg-ignore: all -- why --></configuration>", 1, 40,
			`"--" is not allowed inside a comment (in an iiscfg-ignore comment, write the reason after " - ")`},
		{"undefined entity", "<configuration>&bogus;</configuration>", 1, 16, "undefined entity &bogus; (XML predefines only &amp; &lt; &gt; &quot; &apos;)"},
		{"html entity", "<configuration>&nbsp;</configuration>", 1, 16,
			"undefined entity &nbsp; (an HTML entity: XML predefines only &amp; &lt; &gt; &quot; &apos;; write &#160; instead)"},
		{"entity declared in the DOCTYPE", "<!DOCTYPE configuration [\n  <!ENTITY % p 'x'>\n  <!ENTITY  e \"<v>\">\n]>\n<configuration>\n  <a b=\"&e;\"/>\n</configuration>", 6, 9,
			`"&" in the value of attribute "b" starts an entity the DOCTYPE declares, but iiscfg (like ASP.NET's configuration system) does not expand DTD entities; write its text instead`},
		{"parameter entity is not a general one", "<!DOCTYPE c [<!ENTITY % p 'x'>]><c>&p;</c>", 1, 36,
			"undefined entity &p; (iiscfg, like ASP.NET's configuration system, reads no DTD: only &amp; &lt; &gt; &quot; &apos; and character references are defined)"},
		{"entity declared in the DOCTYPE, in text", "<!DOCTYPE c [<!ENTITY e 'v'>]><c>&e;</c>", 1, 34,
			"entity &e; is declared in the DOCTYPE, but iiscfg (like ASP.NET's configuration system) does not expand DTD entities; write its text instead"},
		{"entity from an external DTD", `<!DOCTYPE c SYSTEM "c.dtd"><c>&x;</c>`, 1, 31,
			"undefined entity &x; (iiscfg, like ASP.NET's configuration system, reads no DTD: only &amp; &lt; &gt; &quot; &apos; and character references are defined)"},
		{"utf-16le without bom or declaration", string(utf16Bytes("<configuration/>", false, false)), 1, 1,
			"the file looks like UTF-16 (little-endian) without a byte order mark or an XML declaration, which iiscfg cannot tell from other encodings; save it as UTF-8, or as UTF-16 with a byte order mark"},
		{"utf-16be without bom or declaration", string(utf16Bytes("\r\n<configuration>\r\n</configuration>\r\n", true, false)), 1, 1,
			"the file looks like UTF-16 (big-endian) without a byte order mark or an XML declaration, which iiscfg cannot tell from other encodings; save it as UTF-8, or as UTF-16 with a byte order mark"},
		{"one nul is not utf-16", "<a>\x00</a>", 1, 4, "invalid character U+0000"},
		{"bare ampersand", `<a b="x & y"/>`, 1, 9, `"&" in the value of attribute "b" must start a reference such as &amp; (unescaped ampersand?)`},
		// What follows "&" in a value may be a password: not echoed.
		{"undefined entity in a value", `<a connectionString="Password=p&ssw0rd;"/>`, 1, 32, `"&" in the value of attribute "connectionString" must start a reference such as &amp; (unescaped ampersand?)`},
		// The kind of a bad reference in a value, and its text where it
		// cannot be a secret: digits, an HTML entity's name.
		{"invalid character reference in a value", `<a key="a&#xD800;"/>`, 1, 10, `invalid character reference &#xD800; in the value of attribute "key"`},
		{"character reference zero in a value", `<a key="a&#0;"/>`, 1, 10, `invalid character reference &#0; in the value of attribute "key"`},
		{"uppercase X reference in a value", `<a key="a&#X41;"/>`, 1, 10,
			`invalid character reference &#X41; in the value of attribute "key" (a hexadecimal reference starts with a lowercase x: &#x41;)`},
		{"uppercase X reference in text", `<a>&#X41;</a>`, 1, 4, `invalid character reference &#X41; (a hexadecimal reference starts with a lowercase x: &#x41;)`},
		{"html entity in a value", `<a key="a&nbsp;"/>`, 1, 10,
			`undefined entity &nbsp; in the value of attribute "key" (an HTML entity: XML predefines only &amp; &lt; &gt; &quot; &apos;; write &#160; instead)`},
		{"malformed character reference in a value: not echoed", `<a p="x&#s3cr3t;"/>`, 1, 8, `invalid character reference in the value of attribute "p"`},
		{"bare ampersand in text", "<a>x & y</a>", 1, 6, `"&" must start a reference such as &amp; (unescaped ampersand?)`},
		{"lt in attribute", `<a b="x < y"/>`, 1, 9, `"<" is not allowed in an attribute value (write &lt;)`},
		{"unquoted attribute", `<a b=c/>`, 1, 6, `the value of attribute "b" must be in quotes`},
		{"attributes not separated", `<a b="1"c="2"/>`, 1, 9, "attributes must be separated by white space"},
		{"stray end tag", "<a/></a>", 1, 5, "end tag </a> has no matching start tag"},
		{"xml decl not first", "\n<?xml version=\"1.0\"?><a/>", 2, 1, "the XML declaration is allowed only at the very start of the file"},
		{"undeclared prefix", `<configuration><add xdt:Transform="Insert"/></configuration>`, 1, 21, `namespace prefix "xdt" is not declared`},
		{"prefix out of scope", `<configuration><a xmlns:p="urn:x"/><b p:x="1"/></configuration>`, 1, 39, `namespace prefix "p" is not declared`},
		{"prefix out of scope after a redeclaration", `<c><a xmlns:p="u"><x xmlns:p="v"/></a><b p:x="1"/></c>`, 1, 42, `namespace prefix "p" is not declared`},
		{"duplicate attribute among many", `<a` + manyAttrs(20) + ` a7="y"/>`, 1, 154,
			`duplicate attribute "a7" (first at line 1, column 53)`},
		{"empty", "", 1, 1, "no root element"},
		{"only a comment", "<!-- nothing -->", 1, 17, "no root element"},
		{"bad char reference", "<a>&#0;</a>", 1, 4, "invalid character reference &#0;"},
		// Comments are checked byte by byte for ASCII, rune by rune after.
		{"control character in a comment", "<a><!-- tab\tcr\r\nok \x1f --></a>", 2, 4, "invalid character U+001F"},
		{"invalid UTF-8 in a comment", "<a><!-- \u00e9 \xc3( --></a>", 1, 11, "invalid UTF-8 byte 0xC3 (is the file's encoding declared correctly?)"},
		{"non-character in a comment", "<a><!-- x \uFFFE --></a>", 1, 11, "invalid character U+FFFE"},
		{"cdata end in text", "<a>x ]]> y</a>", 1, 6, `"]]>" is not allowed in text`},
		{"lone lt", "<a>x < y</a>", 1, 6, `"<" must start a tag (unescaped "<" in text?)`},
		{"multi-byte columns", "<a>\n  \u00e9\u00e9<b></c></a>", 2, 8, "end tag </c> does not match start tag <b> at line 2, column 5"},
		{"utf-32", "\x00\x00\xfe\xff", 1, 1, "unsupported encoding UTF-32; convert the file to UTF-8"},
		{"unknown encoding", `<?xml version="1.0" encoding="gb2312"?><a/>`, 1, 1,
			`unsupported encoding "gb2312"; supported are UTF-8, UTF-16 (with byte order mark), windows-1252 and iso-8859-1`},
		{"utf-16 declared without bom", `<?xml version="1.0" encoding="utf-16"?><a/>`, 1, 1,
			`the XML declaration says encoding "utf-16" but the file has no UTF-16 byte order mark and is not UTF-16; fix the declaration or the file`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Load("web.config", []byte(tc.in))
			var se *config.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("want a *SyntaxError, got %v", err)
			}
			if se.Line != tc.line || se.Column != tc.col || se.Msg != tc.msg {
				t.Errorf("got  %d:%d: %s\nwant %d:%d: %s", se.Line, se.Column, se.Msg, tc.line, tc.col, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), "web.config:") {
				t.Errorf("error does not start with the file name: %v", err)
			}
		})
	}
}

// manyAttrs is ` a0="x" a1="x" ...` with n attributes.
func manyAttrs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, ` a%d="x"`, i)
	}
	return b.String()
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	if bom {
		if bigEndian {
			out = append(out, 0xFE, 0xFF)
		} else {
			out = append(out, 0xFF, 0xFE)
		}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

const smallConfig = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<configuration>\r\n  <appSettings>\r\n    <add key=\"caf\u00e9\" value=\"\U0001F600\" />\r\n  </appSettings>\r\n</configuration>\r\n"

func TestEncodings(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		enc  config.Encoding
		bom  bool
	}{
		{"utf-8", []byte(strings.Replace(smallConfig, "utf-16", "utf-8", 1)), config.UTF8, false},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, strings.Replace(smallConfig, "utf-16", "utf-8", 1)...), config.UTF8, true},
		{"utf-16le bom", utf16Bytes(smallConfig, false, true), config.UTF16LE, true},
		{"utf-16be bom", utf16Bytes(smallConfig, true, true), config.UTF16BE, true},
		{"utf-16le no bom", utf16Bytes(smallConfig, false, false), config.UTF16LE, false},
		{"windows-1252", []byte("<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n<configuration>\n  <appSettings>\n    <add key=\"caf\xe9\" value=\"\x80 \x81\" />\n  </appSettings>\n</configuration>\n"), config.Windows1252, false},
		{"iso-8859-1", []byte("<?xml version='1.0' encoding='ISO-8859-1'?>\n<configuration>\n  <appSettings>\n    <add key=\"caf\xe9\" value=\"\x80\" />\n  </appSettings>\n</configuration>\n"), config.ISO88591, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := config.Load("web.config", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding() != tc.enc || doc.HasBOM() != tc.bom {
				t.Errorf("encoding %v bom %v, want %v %v", doc.Encoding(), doc.HasBOM(), tc.enc, tc.bom)
			}
			if !bytes.Equal(doc.Bytes(), tc.data) {
				t.Errorf("Bytes() differs from the input")
			}
			add := doc.Root().FindElement("appSettings/add")
			if got := add.SelectAttrValue("key", ""); got != "caf\u00e9" {
				t.Errorf("key = %q, want café", got)
			}
			// Positions count characters, not bytes, and never the BOM.
			p := doc.StartPos(add)
			if p.Line != 4 || p.Column != 5 {
				t.Errorf("<add> at %d:%d, want 4:5", p.Line, p.Column)
			}
			// An edit is written back in the original encoding.
			info := doc.Info(add)
			if err := doc.Insert(info.StartTag.End, "<!--\u00e9-->"); err != nil {
				t.Fatal(err)
			}
			again, err := config.Load("web.config", doc.Bytes())
			if err != nil {
				t.Fatalf("edited output does not parse: %v", err)
			}
			if again.Encoding() != tc.enc || again.HasBOM() != tc.bom {
				t.Errorf("edited output is %v bom %v", again.Encoding(), again.HasBOM())
			}
			if !strings.Contains(string(again.Text()), "<!--\u00e9-->") {
				t.Errorf("edit missing from the output")
			}
		})
	}
}

func TestWindows1252UnrepresentableBecomesReference(t *testing.T) {
	doc := config.MustLoad("web.config", []byte("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a b=\"x\"/>"))
	info := doc.Info(doc.Root())
	attr := info.Attrs[0]
	if err := doc.Replace(attr.Value, "\u4e2d"); err != nil {
		t.Fatal(err)
	}
	if got := string(doc.Bytes()); !strings.Contains(got, `b="&#x4E2D;"`) {
		t.Errorf("got %s", got)
	}
}

func TestPositions(t *testing.T) {
	src := "<configuration>\r\n\t<system.web>\r\n\t\t<httpModules>\r\n\t\t\t<add name='a\u00e9' type=\"T\" />\r\n\t\t</httpModules>\r\n\t</system.web>\r\n</configuration>"
	doc := config.MustLoad("web.config", []byte(src))
	hm := doc.Root().FindElement("system.web/httpModules")
	info := doc.Info(hm)
	if p := doc.Pos(info.StartTag.Start); p.Line != 3 || p.Column != 3 {
		t.Errorf("start %d:%d", p.Line, p.Column)
	}
	if p := doc.Pos(info.EndTag.End); p.Line != 5 || p.Column != 17 {
		t.Errorf("end %d:%d", p.Line, p.Column)
	}
	add := hm.SelectElement("add")
	ai := doc.Info(add)
	if !ai.SelfClosing || ai.EndTag != ai.StartTag {
		t.Errorf("self-closing element spans: %+v", ai)
	}
	name, _ := doc.AttrInfo(add, "name")
	if name.Quote != '\'' || string(doc.Text()[name.Value.Start:name.Value.End]) != "a\u00e9" {
		t.Errorf("name attr: %+v", name)
	}
	typ, _ := doc.AttrInfo(add, "type")
	if p := doc.Pos(typ.Key.Start); p.Line != 4 || p.Column != 19 {
		t.Errorf("type attribute at %d:%d, want 4:19 (characters, not bytes)", p.Line, p.Column)
	}
	if got := doc.Line(4); got != "\t\t\t<add name='a\u00e9' type=\"T\" />" {
		t.Errorf("Line(4) = %q", got)
	}
	if doc.Newline() != "\r\n" {
		t.Errorf("newline %q", doc.Newline())
	}
	for _, tok := range hm.Child {
		if _, ok := doc.TokenSpan(tok); !ok {
			if _, isEl := tok.(interface{ FullTag() string }); !isEl {
				t.Errorf("token %T has no span", tok)
			}
		}
	}
}

func TestAttributeValueNormalization(t *testing.T) {
	doc := config.MustLoad("web.config", []byte("<a v=\"x\r\ny\tz&#xA;&amp;\"/>"))
	if got := doc.Root().SelectAttrValue("v", ""); got != "x y z\n&" {
		t.Errorf("got %q", got)
	}
}

func TestLegacyNamespaceDoesNotHideSections(t *testing.T) {
	doc := config.MustLoad("web.config", []byte(`<configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0"><system.web><httpModules/></system.web></configuration>`))
	if doc.Root().FindElement("system.web/httpModules") == nil {
		t.Fatal("system.web/httpModules not found under the VS2005 default namespace")
	}
}

func TestKinds(t *testing.T) {
	tests := []struct {
		name, src string
		kind      config.Kind
	}{
		{"web.config", `<configuration><system.web/></configuration>`, config.KindWebConfig},
		{"Web.Release.config", `<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"/>`, config.KindTransform},
		{"applicationHost.config", `<configuration><system.webServer/></configuration>`, config.KindAppHost},
		{"x.config", `<configuration><system.applicationHost/></configuration>`, config.KindAppHost},
		{"machine.config", `<configuration/>`, config.KindMachineConfig},
		{"web.config", `<configuration><system.web><httpModules><add name="OutputCache" type="System.Web.Caching.OutputCacheModule"/></httpModules></system.web></configuration>`, config.KindRootWebConfig},
		{"web.config", `<configuration><system.web><httpModules><remove name="OutputCache"/><add name="OutputCache" type="T"/></httpModules></system.web></configuration>`, config.KindWebConfig},
		{"x.config", `<configuration><configSections><sectionGroup name="system.web"><section name="httpModules"/></sectionGroup></configSections></configuration>`, config.KindMachineConfig},
		{"x.config", `<configuration><configSections><sectionGroup xmlns:p="urn:p" p:name="system.web"><section name="httpModules"/></sectionGroup></configSections></configuration>`, config.KindMachineConfig},
		{"x.config", `<configuration><configSections><sectionGroup name="system.webServer"><section name="httpModules"/></sectionGroup></configSections></configuration>`, config.KindWebConfig},
		{"x.config", `<configuration><configSections><sectionGroup name="system.web"><section name="httpHandlers"/></sectionGroup></configSections></configuration>`, config.KindWebConfig},
	}
	for _, tc := range tests {
		doc := config.MustLoad(tc.name, []byte(tc.src))
		if doc.Kind() != tc.kind {
			t.Errorf("%s %s: kind %v, want %v", tc.name, tc.src, doc.Kind(), tc.kind)
		}
	}
}

func TestEditsSpliceIntoOriginal(t *testing.T) {
	src := "<a x='1'>\n  <b/>\n</a>\n"
	doc := config.MustLoad("t.config", []byte(src))
	b := doc.Root().SelectElement("b")
	bi := doc.Info(b)
	x, _ := doc.AttrInfo(doc.Root(), "x")
	must(t, doc.Replace(x.Value, "2"))
	must(t, doc.Insert(bi.StartTag.End, "\n  <c/>"))
	must(t, doc.Insert(bi.StartTag.End, "\n  <d/>"))
	if err := doc.Replace(bi.StartTag, "<B/>"); err != nil {
		t.Fatalf("a replacement may touch an insertion point at its end: %v", err)
	}
	if err := doc.Replace(x.Whole, ""); err == nil {
		t.Error("overlapping edit accepted")
	}
	want := "<a x='2'>\n  <B/>\n  <c/>\n  <d/>\n</a>\n"
	if got := string(doc.Bytes()); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestRootWebConfigRecognised(t *testing.T) {
	mono := `<configuration><system.web><httpModules>` +
		`<add name="FormsAuthentication" type="System.Web.Security.FormsAuthenticationModule, System.Web, Version=2.0.0.0"/>` +
		`</httpModules></system.web></configuration>`
	if k := config.MustLoad("web.config", []byte(mono)).Kind(); k != config.KindRootWebConfig {
		t.Errorf("Mono-style root web.config: kind %v", k)
	}
	app := `<configuration><system.web><httpModules><remove name="Session"/>` +
		`<add name="Session" type="System.Web.SessionState.SessionStateModule"/></httpModules></system.web></configuration>`
	if k := config.MustLoad("web.config", []byte(app)).Kind(); k != config.KindWebConfig {
		t.Errorf("application re-adding a removed module: kind %v", k)
	}
}

// TestCharacterReferences: references are decoded in text and values, in
// decimal and hexadecimal, up to U+10FFFF; anything else is an error.
func TestCharacterReferences(t *testing.T) {
	if _, err := config.Load("web.config", []byte(`<a v="&#65;&#X42;"/>`)); err == nil {
		t.Fatalf("&#X42; accepted (XML spells hexadecimal references &#x...;)")
	}
	doc, err := config.Load("web.config", []byte(`<a v="&#65;&#x42;&#x1f600;&amp;">&#x10FFFF;&#0067;&lt;</a>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Root().SelectAttrValue("v", ""); got != "AB\U0001F600&" {
		t.Errorf("value %q", got)
	}
	if got := doc.Root().Text(); got != "\U0010FFFFC<" {
		t.Errorf("text %q", got)
	}
	for _, bad := range []string{"&#x110000;", "&#1114112;", "&#x;", "&#;", "&#xD800;", "&#12a;", "&#-1;", "&#+1;"} {
		if _, err := config.Load("web.config", []byte("<a>"+bad+"</a>")); err == nil || !strings.Contains(err.Error(), "invalid character reference") {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// Info answers for the document's own elements only, in files small and
// big (a big file's elements come from several arrays).
func TestInfoOnlyForOwnElements(t *testing.T) {
	for _, n := range []int{1, 3000} {
		var b strings.Builder
		b.WriteString("<configuration>\n")
		for i := range n {
			fmt.Fprintf(&b, "  <add key=\"k%d\" />\n", i)
		}
		b.WriteString("</configuration>\n")
		text := b.String()
		d := config.MustLoad("web.config", []byte(text))
		other := config.MustLoad("web.config", []byte(text))
		els := d.Elements()
		if len(els) != n+1 {
			t.Fatalf("%d elements, want %d", len(els), n+1)
		}
		for i, e := range els {
			info := d.Info(e)
			if info == nil {
				t.Fatalf("n=%d: element %d has no info", n, i)
			}
			if got := text[info.Name.Start:info.Name.End]; got != e.Tag {
				t.Fatalf("n=%d: element %d: name span gives %q, want %q", n, i, got, e.Tag)
			}
			if d.Info(other.Elements()[i]) != nil {
				t.Fatalf("n=%d: element %d of another document has info", n, i)
			}
		}
		if d.Info(etree.NewElement("add")) != nil || d.Info(nil) != nil || d.Info(&d.Tree.Element) != nil {
			t.Fatalf("n=%d: an element not from the document has info", n)
		}
	}
}

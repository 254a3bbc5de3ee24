package config_test

import (
	"testing"

	"github.com/iiscfg/iiscfg/config"
)

func add(name string) *config.NewElement {
	return &config.NewElement{Name: "add", Attrs: [][2]string{{"name", name}}}
}

func TestStyle(t *testing.T) {
	tests := []struct {
		src  string
		want config.Style
	}{
		{"<a>\n  <b x=\"1\" />\n</a>\n", config.Style{Newline: "\n", Indent: "  ", Quote: '"', SpaceBefore: true}},
		{"<a>\r\n\t<b x='1'/>\r\n</a>", config.Style{Newline: "\r\n", Indent: "\t", Quote: '\'', SpaceBefore: false}},
		{"<a>\n    <b>\n        <c/>\n    </b>\n</a>", config.Style{Newline: "\n", Indent: "    ", Quote: '"', SpaceBefore: false}},
		{"<a><b/></a>", config.Style{Newline: "", Indent: "  ", Quote: '"', SpaceBefore: false}},
	}
	for _, tc := range tests {
		if got := config.MustLoad("t", []byte(tc.src)).Style(); got != tc.want {
			t.Errorf("%q: %+v, want %+v", tc.src, got, tc.want)
		}
	}
}

func TestAppendElements(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"after last child", "<a>\n  <x />\n</a>\n", "<a>\n  <x />\n  <add name=\"n\" />\n</a>\n"},
		{"trailing white space stays on its line", "<a>\n  <x />\t\n</a>\n", "<a>\n  <x />\t\n  <add name=\"n\" />\n</a>\n"},
		{"self-closing parent keeps attributes", "<r>\n  <a k=\"v\" />\n</r>\n", "<r>\n  <a k=\"v\">\n    <add name=\"n\" />\n  </a>\n</r>\n"},
		{"empty element on one line", "<r>\n  <a></a>\n</r>\n", "<r>\n  <a>\n    <add name=\"n\" />\n  </a>\n</r>\n"},
		{"only a comment inside", "<r>\n  <a>\n    <!-- c -->\n  </a>\n</r>\n", "<r>\n  <a>\n    <!-- c -->\n    <add name=\"n\" />\n  </a>\n</r>\n"},
		{"one-line file", "<r><a/></r>", "<r><a><add name=\"n\"/></a></r>"},
		{"crlf", "<r>\r\n  <a>\r\n  </a>\r\n</r>", "<r>\r\n  <a>\r\n    <add name=\"n\" />\r\n  </a>\r\n</r>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := config.MustLoad("t", []byte(tc.src))
			a := doc.Root().FindElement("//a")
			if err := doc.AppendElements(a, doc.Style(), []*config.NewElement{add("n")}); err != nil {
				t.Fatal(err)
			}
			if got := string(doc.Bytes()); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestInsertBeforeAndNested(t *testing.T) {
	doc := config.MustLoad("t", []byte("<r>\n\t<x/>\n</r>\n"))
	x := doc.Root().SelectElement("x")
	group := &config.NewElement{Name: "g", Children: []*config.NewElement{add("a"), add("b")}}
	if err := doc.InsertElementsBefore(x, doc.Style(), []*config.NewElement{group}); err != nil {
		t.Fatal(err)
	}
	want := "<r>\n\t<g>\n\t\t<add name=\"a\"/>\n\t\t<add name=\"b\"/>\n\t</g>\n\t<x/>\n</r>\n"
	if got := string(doc.Bytes()); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestRemoveElement(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"alone on its line", "<r>\n  <a/>\n  <b/>\n</r>", "<r>\n  <b/>\n</r>"},
		{"crlf line", "<r>\r\n  <a/>\r\n  <b/>\r\n</r>", "<r>\r\n  <b/>\r\n</r>"},
		{"shares its line", "<r><a/><b/></r>", "<r><b/></r>"},
		{"multi-line element", "<r>\n  <a>\n    <c/>\n  </a>\n  <b/>\n</r>", "<r>\n  <b/>\n</r>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := config.MustLoad("t", []byte(tc.src))
			if err := doc.RemoveElement(doc.Root().SelectElement("a")); err != nil {
				t.Fatal(err)
			}
			if got := string(doc.Bytes()); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			// Appending after a removed last child writes where it was.
			if len(doc.LiveChildren(doc.Root())) != 1 {
				t.Errorf("LiveChildren still lists the removed element")
			}
		})
	}
}

func TestSetAttrEscapesForItsQuote(t *testing.T) {
	doc := config.MustLoad("t", []byte(`<r><a v='x'/><b/></r>`))
	st := doc.Style()
	a, b := doc.Root().SelectElement("a"), doc.Root().SelectElement("b")
	if err := doc.SetAttr(a, "v", `it's "q" & <t>`+"\t", st); err != nil {
		t.Fatal(err)
	}
	if err := doc.SetAttr(b, "n", "1", st); err != nil {
		t.Fatal(err)
	}
	want := `<r><a v='it&apos;s "q" &amp; &lt;t>&#x9;'/><b n='1'/></r>`
	if got := string(doc.Bytes()); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	again := config.MustLoad("t", doc.Bytes())
	if v := again.Root().SelectElement("a").SelectAttrValue("v", ""); v != `it's "q" & <t>`+"\t" {
		t.Errorf("value read back as %q", v)
	}
}

func TestForkLeavesOriginalUnedited(t *testing.T) {
	doc := config.MustLoad("t", []byte("<r><a/></r>"))
	f := doc.Fork()
	if err := f.RemoveElement(f.Root().SelectElement("a")); err != nil {
		t.Fatal(err)
	}
	if doc.Edited() || string(doc.Bytes()) != "<r><a/></r>" || string(f.Bytes()) != "<r></r>" {
		t.Errorf("fork shares edits: %q %q", doc.Bytes(), f.Bytes())
	}
}

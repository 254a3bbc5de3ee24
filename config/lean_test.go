package config_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// loadBoth parses data with Load and LoadLean and fails unless they agree:
// the same error, or the same tree once the white space LoadLean leaves
// out is left out of Load's, with the same spans. It returns the two
// documents (nil on an error).
func loadBoth(t *testing.T, name string, data []byte) (full, lean *config.Document) {
	t.Helper()
	full, ferr := config.Load(name, data)
	lean, lerr := config.LoadLean(name, data)
	if (ferr == nil) != (lerr == nil) || (ferr != nil && ferr.Error() != lerr.Error()) {
		t.Fatalf("%s: Load says %v, LoadLean %v", name, ferr, lerr)
	}
	if ferr != nil {
		return nil, nil
	}
	if full.Lean() {
		t.Fatalf("%s: Load gave a lean document", name)
	}
	if lean.Lean() == (full.Kind() == config.KindTransform) {
		t.Fatalf("%s: kind %v, lean %v: only a transform is loaded in full", name, full.Kind(), lean.Lean())
	}
	if lean.Kind() != full.Kind() || string(lean.Bytes()) != string(data) {
		t.Fatalf("%s: kind or bytes differ", name)
	}
	want, got := dumpWithSpans(full, lean.Lean()), dumpWithSpans(lean, false)
	if got != want {
		t.Fatalf("%s: trees differ\n%s", name, firstDifference(got, want))
	}
	fe, le := full.Elements(), lean.Elements()
	if len(fe) != len(le) {
		t.Fatalf("%s: %d elements, lean %d", name, len(fe), len(le))
	}
	for i := range fe {
		fi, li := *full.Info(fe[i]), *lean.Info(le[i])
		if lean.Lean() {
			// A lean document keeps no attribute spans: AttrInfo finds
			// the same ones in the text.
			if li.Attrs != nil {
				t.Fatalf("%s: a lean document kept the attribute spans of <%s>", name, fe[i].Tag)
			}
			for _, a := range fi.Attrs {
				if got, ok := lean.AttrInfo(le[i], a.Name); !ok || got != a {
					t.Fatalf("%s: AttrInfo(<%s>, %q) = %+v, %v; want %+v", name, fe[i].Tag, a.Name, got, ok, a)
				}
			}
			if _, ok := lean.AttrInfo(le[i], "no-such-attribute"); ok {
				t.Fatalf("%s: AttrInfo found an attribute <%s> does not have", name, fe[i].Tag)
			}
			li.Attrs = fi.Attrs
		}
		if !reflect.DeepEqual(fi, li) {
			t.Fatalf("%s: spans of element %d <%s> differ", name, i, fe[i].Tag)
		}
	}
	if lean.Style() != full.Style() {
		t.Fatalf("%s: Style %+v, lean %+v", name, lean.Style(), full.Style())
	}
	return full, lean
}

// dumpWithSpans writes the tree with the span of every token that is not
// an element; leaveOut drops the white space a lean load does not keep
// (that of an element with no other text, the document's own is kept).
func dumpWithSpans(d *config.Document, leaveOut bool) string {
	var b strings.Builder
	token := func(c etree.Token, depth int) {
		sp, ok := d.TokenSpan(c)
		switch c := c.(type) {
		case *etree.CharData:
			fmt.Fprintf(&b, "%*s text %q cdata=%v %v %v\n", depth, "", c.Data, c.IsCData(), sp, ok)
			if ok && !c.IsCData() && c.IsWhitespace() {
				// Whatever is kept has a span that holds its text.
				raw := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(d.Text()[sp.Start:sp.End]))
				if raw != c.Data {
					fmt.Fprintf(&b, "%*s span holds %q\n", depth, "", raw)
				}
			}
		case *etree.Comment:
			fmt.Fprintf(&b, "%*s comment %q %v %v\n", depth, "", c.Data, sp, ok)
		case *etree.ProcInst:
			fmt.Fprintf(&b, "%*s pi %q %q %v %v\n", depth, "", c.Target, c.Inst, sp, ok)
		case *etree.Directive:
			fmt.Fprintf(&b, "%*s directive %q %v %v\n", depth, "", c.Data, sp, ok)
		}
	}
	var walk func(e *etree.Element, depth int)
	walk = func(e *etree.Element, depth int) {
		fmt.Fprintf(&b, "%*s<%s:%s>\n", depth, "", e.Space, e.Tag)
		for _, a := range e.Attr {
			fmt.Fprintf(&b, "%*s @%s:%s=%q\n", depth, "", a.Space, a.Key, a.Value)
		}
		drop := leaveOut && onlyWhitespaceText(e)
		for i, c := range e.Child {
			if c.Index() != i || c.Parent() != e {
				fmt.Fprintf(&b, "%*s token %d: index %d\n", depth, "", i, c.Index())
			}
			if el, ok := c.(*etree.Element); ok {
				walk(el, depth+1)
				continue
			}
			if cd, ok := c.(*etree.CharData); ok && drop && cd.IsWhitespace() {
				continue
			}
			token(c, depth)
		}
	}
	for _, c := range d.Tree.Child {
		if el, ok := c.(*etree.Element); ok {
			walk(el, 0)
		} else {
			token(c, 0)
		}
	}
	return b.String()
}

// onlyWhitespaceText reports whether every text token of e is white space
// between markup (no other text, no CDATA).
func onlyWhitespaceText(e *etree.Element) bool {
	for _, c := range e.Child {
		if cd, ok := c.(*etree.CharData); ok && (cd.IsCData() || !cd.IsWhitespace()) {
			return false
		}
	}
	return true
}

// findings is every finding and suppressed finding of Check, one a line.
func findings(d *config.Document) string {
	res := validate.Check(d, validate.DefaultContext(schema.V40))
	var b strings.Builder
	for _, list := range [][]validate.Finding{res.Findings, res.Suppressed} {
		for _, f := range list {
			fmt.Fprintf(&b, "%s %+v %+v %s %v %q %q %q %v %v %q\n", f.File, f.Start, f.End, f.Rule.Name, f.Severity,
				f.Message, f.Note, f.Help, f.Secret, f.Suppressed, f.Justification)
		}
		b.WriteString("--\n")
	}
	return b.String()
}

// leanAgrees checks that a lean and a full load of data agree, findings
// included.
func leanAgrees(t *testing.T, name string, data []byte) {
	t.Helper()
	full, lean := loadBoth(t, name, data)
	if full == nil {
		return
	}
	if got, want := findings(lean), findings(full); got != want {
		t.Errorf("%s: findings differ\n%s", name, firstDifference(got, want))
	}
}

func TestLeanLoadAgreesOnCorpus(t *testing.T) {
	dir, files := testutil.CorpusFiles(t)
	for _, rel := range files {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		leanAgrees(t, filepath.ToSlash(rel), data)
	}
}

func TestLeanLoadAgreesOnTestdata(t *testing.T) {
	root := filepath.Join(testutil.RepoRoot(), "testdata")
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(strings.ToLower(p), ".config") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		leanAgrees(t, filepath.ToSlash(rel), data)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("found only %d .config files under testdata", n)
	}
}

func TestLeanLoad(t *testing.T) {
	cases := []struct {
		name, text string
		lean       bool   // LoadLean gives a lean document
		rootText   string // the root's Text() in the lean document
		rootKids   int    // its child tokens in the lean document
	}{
		{"indentation goes", "<a>\n  <b/>\n  <c>\n  </c>\n</a>", true, "", 2},
		{"white space only", "<a>  </a>", true, "", 0},
		{"comments stay", "<a>\n  <!-- x -->\n  <b/>\n</a>", true, "", 2},
		// Text in an element keeps all its white space, before and after
		// the text: its text reads as with Load.
		{"mixed content", "<a>\n  <b/>\n  <c/>\n  t <d/>\n  <e/>\n</a>", true, "\n  ", 9},
		{"text after markup", "<a>\n <!--c-->\n <?p x?>\n <b>\n  <c/>\n </b>\n t\n <d/>\n <e/>\n</a>", true, "\n \n ", 11},
		{"CDATA is text", "<a>\n  <b/>\n  <![CDATA[ ]]>\n</a>", true, "\n  ", 5},
		{"reference is text", "<a>\n <b/>&#32;<c/>\n</a>", true, "\n ", 5},
		{"document's white space stays", "\n<a>\n  <b/>\n</a>\n", true, "", 1},
		{"transform", `<a xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">` + "\n  <b/>\n</a>", false, "\n  ", 3},
		{"transform by reference", `<a b = 'c' xmlns:t="http://schemas.microsoft.com/XML-Document-Transform&#x2F;x"` + "\n" + `xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"` + "\n/>", false, "", 0},
		{"transform named by a reference", `<a xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transfor&#x6D;"` + "\n/>", false, "", 0},
		{"attributes", "<a x = \"1\"\ty='2'\n z=\"&amp;>\"/>", true, "", 0},
		{"CRLF", "<a>\r\n\t<b/>\r\n\tx\r\n</a>", true, "\n\t", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			full, lean := loadBoth(t, "t.config", []byte(c.text))
			if lean.Lean() != c.lean {
				t.Fatalf("Lean() = %v, want %v", lean.Lean(), c.lean)
			}
			if got := lean.Root().Text(); got != c.rootText {
				t.Errorf("lean Text() = %q, want %q", got, c.rootText)
			}
			if got := len(lean.Root().Child); got != c.rootKids {
				t.Errorf("lean root has %d child tokens, want %d", got, c.rootKids)
			}
			again, err := lean.Full()
			if err != nil {
				t.Fatal(err)
			}
			if again.Lean() || dumpWithSpans(again, false) != dumpWithSpans(full, false) {
				t.Errorf("Full() is not the document Load gives")
			}
			if f, _ := full.Full(); f != full {
				t.Errorf("Full() of a full document is not the document itself")
			}
			// Edits find the attributes a lean document did not keep.
			for _, d := range []*config.Document{full, lean} {
				if err := d.SetAttr(d.Root(), "added", "1", d.Style()); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := string(lean.EditedText()), string(full.EditedText()); got != want {
				t.Errorf("SetAttr on the lean document gives\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// AttrInfo of a lean document's tag with very many attributes stays
// linear: the spans are found once and indexed.
func TestLeanManyAttributes(t *testing.T) {
	const n = 200000
	doc, err := config.LoadLean("web.config", testutil.ManyAttributes(n))
	if err != nil {
		t.Fatal(err)
	}
	comp := doc.Root().FindElement("system.web/compilation")
	if comp == nil || len(comp.Attr) != n {
		t.Fatalf("want <compilation> with %d attributes", n)
	}
	for _, a := range comp.Attr {
		info, ok := doc.AttrInfo(comp, a.Key)
		if !ok || string(doc.Text()[info.Key.Start:info.Key.End]) != a.Key {
			t.Fatalf("AttrInfo(%q) = %+v, %v", a.Key, info, ok)
		}
	}
}

// A placeholder cut by markup is not joined up by leaving white space out:
// leftover-token reads an element's text tokens one after another.
func TestLeanLoadKeepsTextApart(t *testing.T) {
	for _, text := range []string{
		`<configuration><appSettings>__A<add key="k" value="v"/>  <add key="l" value="w"/>__</appSettings></configuration>`,
		`<configuration><appSettings>$(ReplacableToken_x<clear/>  <clear/>)</appSettings></configuration>`,
	} {
		full, lean := loadBoth(t, "web.config", []byte(text))
		if got, want := findings(lean), findings(full); got != want {
			t.Errorf("%s: findings differ\n%s", text, firstDifference(got, want))
		}
	}
}

// Errors are the same whatever the mode, including those found after
// white space was left out and those inside a transform.
func TestLeanLoadErrors(t *testing.T) {
	for _, text := range []string{
		"<a>\n  <b>\n  </c>\n</a>",
		"<a>\n  <b/>\n  & \n</a>",
		"<a>\n  <b/>\n  ]]> \n</a>",
		"<a>\n  <b/>\n",
		"<a>\n  <b/>\n</a>\n x",
		"<a>\n  <b/>\n</a>\n<c/>",
		`<a xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">` + "\n  <b>\n</a>",
		"<a>\n  <b/>\n  \x01\n</a>",
	} {
		if full, _ := loadBoth(t, "t.config", []byte(text)); full != nil {
			t.Errorf("%q: accepted", text)
		}
	}
}

// A lean load stays linear where its put-off white space piles up: many
// runs before an element's first text, and deep nesting with white space
// at every level (see scale_test.go for the sizes).
func TestLeanShapesParse(t *testing.T) {
	const n = 200000
	var siblings, deep strings.Builder
	siblings.WriteString("<configuration>")
	for range n {
		siblings.WriteString("\n  <add/>")
	}
	siblings.WriteString("\n  text\n</configuration>")
	for range n {
		deep.WriteString("<a>\n ")
	}
	deep.WriteString("t")
	for range n {
		deep.WriteString("\n</a>")
	}
	for _, tc := range []struct {
		name string
		text string
		kids int // the root's child tokens
	}{
		{"white space before text", siblings.String(), 2*n + 1},
		{"deep", deep.String(), 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := config.LoadLean("web.config", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if got := len(doc.Root().Child); got != tc.kids {
				t.Fatalf("root has %d child tokens, want %d", got, tc.kids)
			}
		})
	}
}

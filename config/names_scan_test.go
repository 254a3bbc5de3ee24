package config_test

import (
	"testing"

	"github.com/iiscfg/iiscfg/config"
)

// Names are scanned through a byte table while they are ASCII and rune by
// rune after: names that mix both, and the characters that may only
// follow the first, read as the XML name rules say.
func TestNamesMixingASCIIAndOtherLetters(t *testing.T) {
	doc, err := config.Load("web.config", []byte("<conf\u00e9ig a\u00e9-1=\"x\" _b.c=\"y\" \u00e9a='z'><\u00e9l.2/><x-1.y_z/></conf\u00e9ig>"))
	if err != nil {
		t.Fatal(err)
	}
	root := doc.Root()
	if root.Tag != "conf\u00e9ig" {
		t.Errorf("root %q", root.Tag)
	}
	var names []string
	for _, a := range root.Attr {
		names = append(names, a.Key)
	}
	if got, want := names, []string{"a\u00e9-1", "_b.c", "\u00e9a"}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("attributes %q, want %q", got, want)
	}
	if els := root.ChildElements(); len(els) != 2 || els[0].Tag != "\u00e9l.2" || els[1].Tag != "x-1.y_z" {
		t.Errorf("children %v", els)
	}
	for _, bad := range []string{`<a 1b="x"/>`, `<a -b="x"/>`, `<.a/>`, `<a><1/></a>`} {
		if _, err := config.Load("web.config", []byte(bad)); err == nil {
			t.Errorf("%s: loads, want an error (a name cannot start with a digit, - or .)", bad)
		}
	}
}

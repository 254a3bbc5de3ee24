package xdt_test

import (
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/xdt"
)

// A lean document lacks text nodes that XPath would see (text(), node()
// positions): Apply refuses it rather than match differently.
func TestApplyRefusesLeanDocuments(t *testing.T) {
	src := []byte("<configuration>\n  <appSettings>\n    <add key=\"a\" value=\"1\"/>\n  </appSettings>\n</configuration>\n")
	tr := []byte(`<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
  <appSettings>
    <add key="a" value="2" xdt:Transform="SetAttributes" xdt:Locator="Match(key)"/>
  </appSettings>
</configuration>
`)
	lean, err := config.LoadLean("web.config", src)
	if err != nil {
		t.Fatal(err)
	}
	transform, err := config.LoadLean("web.Release.config", tr)
	if err != nil {
		t.Fatal(err)
	}
	if transform.Lean() {
		t.Fatal("a transform was loaded lean")
	}
	func() {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(r.(string), "LoadLean") {
				t.Errorf("Apply of a lean source: recovered %v, want a panic naming LoadLean", r)
			}
		}()
		_, _ = xdt.Apply(lean, transform)
	}()
	full, err := lean.Full()
	if err != nil {
		t.Fatal(err)
	}
	res, err := xdt.Apply(full, transform)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Doc.Bytes()), `value="2"`) {
		t.Errorf("transform not applied:\n%s", res.Doc.Bytes())
	}
}

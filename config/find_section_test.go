package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/beevik/etree"
)

// findSection walks the path segment by segment without splitting it:
// it must find what matching the split path level by level finds, for
// repeated section groups, prefixed elements, missing and empty segments.
func TestFindSectionAgreesWithSplitPath(t *testing.T) {
	doc := MustLoad("web.config", []byte(`<configuration>
<system.web><compilation debug="true"/></system.web>
<system.webServer><handlers><add name="a"/></handlers></system.webServer>
<system.webServer><handlers><clear/></handlers><modules/></system.webServer>
<x:system.webServer xmlns:x="urn:x"><handlers/></x:system.webServer>
</configuration>`))
	bySplit := func(container *etree.Element, section string) []*etree.Element {
		cur := []*etree.Element{container}
		for _, seg := range strings.Split(section, "/") {
			var next []*etree.Element
			for _, c := range cur {
				for _, ch := range c.ChildElements() {
					if ch.Space == "" && ch.Tag == seg {
						next = append(next, ch)
					}
				}
			}
			cur = next
		}
		return cur
	}
	for _, section := range []string{"system.web", "system.web/compilation", "system.webServer/handlers", "system.webServer/modules",
		"system.webServer", "system.webServer/handlers/add", "missing", "missing/handlers", "", "system.webServer//handlers", "system.web/"} {
		got, want := findSection(doc.Root(), section), bySplit(doc.Root(), section)
		if !slices.Equal(got, want) || (got == nil) != (len(want) == 0) {
			t.Errorf("findSection(%q) = %d elements %v, want %d", section, len(got), got, len(want))
		}
	}
}

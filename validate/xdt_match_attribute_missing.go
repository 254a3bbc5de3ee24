package validate

import (
	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/xdt"
)

// XDTMatchAttributeMissing: Match(x) on an element without x.
var XDTMatchAttributeMissing = register(&Rule{
	Code:     "IC403",
	Name:     "xdt-match-attribute-missing",
	Severity: Error,
	Summary:  "xdt:Locator=\"Match(x)\" on an element that has no attribute x: the locator can match nothing",
	Doc: `Match(key) compares the key attribute of the transform element with the key of each
candidate in web.config. When the transform element has no key attribute (a typo, or the
attribute was renamed), the locator matches nothing and the transform silently does nothing.

Fix: give the transform element the attribute, or name the right one in Match(...).`,
	check: func(p *pass) {
		transformElements(p.doc, func(e *etree.Element) {
			loc, ok, err := xdt.LocatorOf(e)
			if !ok || err != nil || loc.Name != "Match" {
				return
			}
			for _, n := range loc.List() {
				if e.SelectAttr(n) == nil {
					p.reportXDTAttr(e, "Locator", "Match(%s): <%s> has no attribute %q to match on", loc.Args, e.Tag, n)
				}
			}
		})
	},
})

package validate

import (
	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/xdt"
)

// XDTUnknownLocator: an xdt:Locator that is not Match, Condition or XPath.
var XDTUnknownLocator = register(&Rule{
	Code:     "IC405",
	Name:     "xdt-unknown-locator",
	Severity: Error,
	Summary:  "an unknown xdt:Locator (Match, Condition, XPath; case-sensitive) or one without its argument",
	Doc: `A locator is Match(attributes), Condition(xpath predicate) or XPath(xpath), each with
its argument. Microsoft's engine fails on any other name (names are case-sensitive) and on a
missing argument.

Fix: use one of the three, e.g. xdt:Locator="Match(name)".`,
	check: func(p *pass) {
		transformElements(p.doc, func(e *etree.Element) {
			call, ok, err := xdt.LocatorOf(e)
			switch {
			case !ok:
			case err != nil:
				p.reportXDTAttr(e, "Locator", "xdt:Locator: %v", err)
			case xdt.CheckLocator(call) != "":
				p.reportXDTAttr(e, "Locator", "%s", xdt.CheckLocator(call))
			}
		})
	},
})

package validate

import (
	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/xdt"
)

// XDTMissingLocator: a transform of a collection entry without a locator.
var XDTMissingLocator = register(&Rule{
	Code:     "IC402",
	Name:     "xdt-missing-locator",
	Severity: Warning,
	Summary:  "Replace, Remove, SetAttributes or RemoveAttributes on a collection entry (<add>) without xdt:Locator: it hits the first or every sibling",
	Doc: `Without xdt:Locator a transform element matches by path alone, and every <add> of
<appSettings> has the same path. Replace and Remove then act on the first <add>, whichever key
it has; SetAttributes and RemoveAttributes on every one: a transform meant to change one
connection string rewrites them all.

Fix: add xdt:Locator="Match(key)" (or name, or the collection's key attribute).`,
	check: func(p *pass) {
		transformElements(p.doc, func(e *etree.Element) {
			call, ok, err := xdt.TransformOf(e)
			if !ok || err != nil || e.Tag != "add" {
				return
			}
			if _, hasLoc, _ := xdt.LocatorOf(e); hasLoc {
				return
			}
			switch call.Name {
			case "Replace", "Remove":
				p.reportXDTAttr(e, "Transform", "%s on <add> without xdt:Locator acts on the first <add> of <%s>, whatever its key; add xdt:Locator=\"Match(...)\"", call.Name, parentTag(e))
			case "SetAttributes", "RemoveAttributes":
				p.reportXDTAttr(e, "Transform", "%s on <add> without xdt:Locator changes every <add> of <%s>; add xdt:Locator=\"Match(...)\"", call.Name, parentTag(e))
			}
		})
	},
})

func parentTag(e *etree.Element) string {
	if p := e.Parent(); p != nil {
		return p.Tag
	}
	return ""
}

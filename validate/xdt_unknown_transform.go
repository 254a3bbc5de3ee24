package validate

import (
	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/xdt"
)

// XDTUnknownTransform: an xdt:Transform iiscfg and Microsoft's engine do
// not know, bad arguments, or xdt:Import.
var XDTUnknownTransform = register(&Rule{
	Code:     "IC404",
	Name:     "xdt-unknown-transform",
	Severity: Error,
	Summary:  "an unknown xdt:Transform (names are case-sensitive), bad arguments, or xdt:Import of a custom assembly",
	Doc: `Microsoft's engine knows Replace, Insert, InsertIfMissing, InsertBefore(xpath),
InsertAfter(xpath), Remove, RemoveAll, RemoveAttributes(names) and SetAttributes(names); names
are case-sensitive, so "setAttributes" fails the build. xdt:Import loads further transforms
from a .NET assembly: they run only where that assembly is, and iiscfg cannot apply them.

Fix: spell the transform as listed, or replace the custom transform by standard ones.`,
	check: func(p *pass) {
		transformElements(p.doc, func(e *etree.Element) {
			if e.Space != "" && e.NamespaceURI() == xdt.Namespace {
				if e.Tag == "Import" {
					p.reportStartTag(e, "xdt:Import loads transforms from a .NET assembly: only Microsoft's engine with that assembly can apply this file")
				} else {
					p.reportStartTag(e, "unknown element xdt:%s", e.Tag)
				}
				return
			}
			call, ok, err := xdt.TransformOf(e)
			switch {
			case !ok:
			case err != nil:
				p.reportXDTAttr(e, "Transform", "xdt:Transform: %v", err)
			case xdt.CheckTransform(call) != "":
				p.reportXDTAttr(e, "Transform", "%s", xdt.CheckTransform(call))
			}
		})
	},
})

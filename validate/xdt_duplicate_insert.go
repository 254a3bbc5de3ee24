package validate

import (
	"strings"
)

// XDTDuplicateInsert: an Insert that gives a collection a key twice.
var XDTDuplicateInsert = register(&Rule{
	Code:     "IC407",
	Name:     "xdt-duplicate-insert",
	Severity: Error,
	Summary:  "an Insert that adds a collection entry whose key web.config (or the server) already has: IIS answers HTTP 500.19",
	Doc: `xdt:Transform="Insert" appends unconditionally. When web.config already has an entry
with that key (a module name, a connection string name, a handler name), the deployed file
holds it twice and IIS answers HTTP 500.19 "Cannot add duplicate collection entry" for every
request, or ASP.NET "The entry 'X' has already been added" — in production only, because the
duplicate exists only after the transform.

Fix: use InsertIfMissing with xdt:Locator="Match(name)", or SetAttributes / Replace with a
locator to change the existing entry.`,
	check: func(p *pass) {
		run := p.transformed()
		if run == nil || run.res == nil {
			return
		}
		ctx := *p.ctx
		ctx.TransformSource, ctx.Enabled, ctx.NoInlineIgnore, ctx.Uses = nil, OnlyRules(nameDuplicateKey), true, nil
		starts := map[int]int{} // start-tag offset → element index
		for i, e := range p.doc.Elements() {
			starts[p.doc.Info(e).StartTag.Start] = i
		}
		for _, f := range Check(run.res.Doc, ctx).Findings {
			origin, off := run.res.Origin(f.Start.Offset)
			if origin != p.doc {
				continue
			}
			i, ok := starts[off]
			if !ok {
				continue
			}
			msg := strings.Replace(f.Message, "this entry", "the inserted entry", 1)
			p.reportStartTag(p.doc.Elements()[i], "after the transform: %s", msg)
		}
	},
})

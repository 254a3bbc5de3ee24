package validate

import "github.com/iiscfg/iiscfg/xdt"

// XDTNoMatch: a transform whose path or locator selects nothing.
var XDTNoMatch = register(&Rule{
	Code:     "IC401",
	Name:     "xdt-no-match",
	Severity: Warning,
	Summary:  "a transform whose path or locator matches nothing in its web.config: it silently does nothing",
	Doc: `An XDT transform element addresses the elements of web.config by its path from
<configuration> down, narrowed by its own and its ancestors' xdt:Locator. When nothing has that
path (a misspelt key in Match(key), a section the web.config does not have, a namespace
mismatch), Microsoft's engine logs a warning that build logs bury and the deployed file keeps
its development value. An Insert, InsertBefore or InsertAfter whose parent is missing fails the
build instead: reported here as an error.

iiscfg applies the transform to the web.config beside it and reports the outermost element whose
path matches nothing. A Visual Studio 2005 web.config puts every element in the namespace
http://schemas.microsoft.com/.NetConfiguration/v2.0: its transforms must declare it too, and
<assemblyBinding> elements are in urn:schemas-microsoft-com:asm.v1.

Fix: correct the path or the locator, or delete the transform.`,
	check: func(p *pass) {
		p.reportWarnings(xdt.NoMatch)
		if run := p.transformed(); run != nil && run.err != nil && run.err.Kind == xdt.ErrMissingTarget {
			start, end := run.err.Start, run.err.End
			*p.findings = append(*p.findings, Finding{File: p.doc.Path, Start: start, End: end, Rule: p.rule,
				Severity: p.ctx.severity(p.rule, Error), Message: run.err.Msg})
		}
	},
})

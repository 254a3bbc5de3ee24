package validate

import "github.com/iiscfg/iiscfg/xdt"

// XDTNoEffect: a transform that matches but changes nothing.
var XDTNoEffect = register(&Rule{
	Code:     "IC406",
	Name:     "xdt-no-effect",
	Severity: Warning,
	Summary:  "a transform that changes nothing: SetAttributes to the value already there, Remove of what an earlier step removed",
	Doc: `A transform that matches but leaves the file as it was is dead weight at best, and
usually a sign that the source web.config changed under it: SetAttributes to the value the
web.config already has, RemoveAttributes of attributes the element does not have, a Remove or
SetAttributes of an element an earlier transform of the same file already removed or replaced.

Fix: delete the transform, or make it say what the deployed file should differ in.`,
	check: func(p *pass) { p.reportWarnings(xdt.NoEffect) },
})

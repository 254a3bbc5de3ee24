package validate

// CustomErrorsOff: ASP.NET's detailed errors shown to everyone.
var CustomErrorsOff = register(&Rule{
	Code:     "IC703",
	Name:     "custom-errors-off",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `system.web/customErrors mode="Off" in effect: remote users see exception messages, stack traces and source lines`,
	Doc: `With mode="Off" ASP.NET answers an unhandled exception with its detailed error page (the
"yellow screen of death") to every client: the exception message, the stack trace, source
lines around the failure, and the .NET and ASP.NET versions. That helps an attacker map the
application (paths, queries, library versions). The default, RemoteOnly, shows the details
only to a browser on the server itself.

The rule reports mode="Off" where it applies, unless machine.config has <deployment
retail="true"/> (which forces custom errors on).

Fix it with mode="RemoteOnly" or mode="On" and a defaultRedirect page.`,
	check: checkCustomErrorsOff,
})

// .NET reads enum values case-sensitively: "off" is invalid-value's
// finding, not this one.
func checkCustomErrorsOff(p *pass) {
	for _, e := range p.effectiveInsecure(insecureSetting{"system.web/customErrors", "mode", exactly("Off")}) {
		if p.retail(p.pathOf(e)) {
			continue
		}
		p.reportAttr(e, "mode", `customErrors mode="Off" shows every client the exception message, stack trace and source lines; use mode="RemoteOnly" (the default) or "On"`)
	}
}

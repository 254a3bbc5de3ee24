package validate

// TraceEnabled: ASP.NET tracing on.
var TraceEnabled = register(&Rule{
	Code:     "IC702",
	Name:     "trace-enabled",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `system.web/trace enabled="true" in effect: trace.axd shows recent requests with their headers, cookies, form fields and server variables`,
	Doc: `ASP.NET tracing keeps the last requests (requestLimit) with their headers, cookies, session
and form values and the server variables, and shows them at /trace.axd (and, with
pageOutput="true", under every page). With localOnly="false" anyone can read them: session
cookies and passwords posted in forms included. Even local-only, it costs memory and time on
every request.

The rule reports enabled="true" where it applies (an error-level message when localOnly="false"
applies too), unless machine.config has <deployment retail="true"/>.

Fix it by setting enabled="false" (or removing the element) for production.`,
	check: checkTraceEnabled,
})

func checkTraceEnabled(p *pass) {
	for _, e := range p.effectiveInsecure(insecureSetting{"system.web/trace", "enabled", isTrue}) {
		path := p.pathOf(e)
		if p.retail(path) {
			continue
		}
		if isFalse(p.settingAt("system.web/trace", "localOnly", path).value) {
			p.reportAttr(e, "enabled", `tracing is on with localOnly="false": anyone can read recent requests (cookies, form fields, headers) at /trace.axd; set enabled="false"`)
			continue
		}
		p.reportAttr(e, "enabled", `tracing is on: /trace.axd keeps recent requests with their cookies, form fields and headers; set enabled="false" for production`)
	}
}

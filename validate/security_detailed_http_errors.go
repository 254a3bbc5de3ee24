package validate

// DetailedHTTPErrors: IIS's detailed error pages shown to everyone.
var DetailedHTTPErrors = register(&Rule{
	Code:     "IC704",
	Name:     "detailed-http-errors",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `system.webServer/httpErrors errorMode="Detailed" in effect: remote users see IIS's detailed errors (physical paths, modules, handlers, logon method)`,
	Doc: `IIS's detailed error page names the module and handler that failed, the notification, the
requested URL's physical path, the logon method and user, and for 500.19 the configuration file
and its failing lines. errorMode="Detailed" shows it to every client; the default,
DetailedLocalOnly, only to a browser on the server.

Note that this applies to errors IIS answers itself and, with existingResponse="PassThrough"
or "Auto", decides whether ASP.NET's own error pages pass through.

Fix it with errorMode="DetailedLocalOnly" (the default) or "Custom".`,
	check: checkDetailedHTTPErrors,
})

func checkDetailedHTTPErrors(p *pass) {
	for _, e := range p.effectiveInsecure(insecureSetting{"system.webServer/httpErrors", "errorMode", equalsAny("Detailed")}) {
		p.reportAttr(e, "errorMode", `errorMode="Detailed" shows every client IIS's detailed errors (physical paths, modules, configuration lines); use "DetailedLocalOnly" (the default) or "Custom"`)
	}
}

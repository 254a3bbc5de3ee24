package validate

// DebugCompilation: <compilation debug="true">.
var DebugCompilation = register(&Rule{
	Code:     "IC701",
	Name:     "debug-compilation",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `system.web/compilation debug="true" in effect: debug builds, no request timeout, detailed errors and slower, larger pages`,
	Doc: `With debug="true" ASP.NET compiles pages and views with debug symbols and without
optimization, turns off request timeouts (executionTimeout), does not cache or bundle scripts
and styles (WebResource.axd, bundling), and shows compiler output in error pages. In
production that is slower, uses more memory, and tells an attacker more. Microsoft's guidance
is never to deploy with debug enabled.

The rule reports the element that sets debug="true" when nothing later along the chain sets it
back, and says nothing when machine.config has <deployment retail="true"/> (which forces debug
off on the whole machine). Transform files (Web.Release.config) are not judged.

Fix it by setting debug="false", or by removing the attribute in the release transform:
<compilation xdt:Transform="RemoveAttributes(debug)" />.`,
	check: checkDebugCompilation,
})

func checkDebugCompilation(p *pass) {
	for _, e := range p.effectiveInsecure(insecureSetting{"system.web/compilation", "debug", isTrue}) {
		if p.retail(p.pathOf(e)) {
			continue
		}
		p.reportAttr(e, "debug", `debug="true": debug builds, no request timeout and compiler output in error pages; set debug="false" for production (or remove it in the release transform)`)
	}
}

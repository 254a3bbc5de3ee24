package validate

// InsecureCookies: cookies readable by scripts or sent over plain HTTP.
var InsecureCookies = register(&Rule{
	Code:     "IC706",
	Name:     "insecure-cookies",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `httpCookies httpOnlyCookies="false" or requireSSL="false", or forms authentication requireSSL="false", written and in effect`,
	Doc: `system.web/httpCookies sets the flags ASP.NET puts on its cookies (session, forms
authentication, role, anti-forgery): httpOnlyCookies="true" keeps them from page scripts, so a
cross-site scripting hole cannot steal the session; requireSSL="true" marks them Secure, so the
browser never sends them over plain HTTP. system.web/authentication/forms requireSSL does the
same for the authentication ticket.

Both default to false in ASP.NET, so the rule cannot tell a deliberate choice from an
unconfigured file by the default alone; it reports the files that write "false" where it still
applies (a release transform or a later level that sets "true" clears it).

Fix it with <httpCookies httpOnlyCookies="true" requireSSL="true" /> and <forms
requireSSL="true" /> once the site is served over HTTPS only.`,
	check: checkInsecureCookies,
})

func checkInsecureCookies(p *pass) {
	for _, s := range []insecureSetting{
		{"system.web/httpCookies", "httpOnlyCookies", isFalse},
		{"system.web/httpCookies", "requireSSL", isFalse},
		{"system.web/authentication/forms", "requireSSL", isFalse},
	} {
		for _, e := range p.effectiveInsecure(s) {
			switch s.attr {
			case "httpOnlyCookies":
				p.reportAttr(e, s.attr, `httpOnlyCookies="false" lets page scripts read the session and authentication cookies, so any cross-site scripting hole steals sessions; set it to "true"`)
			default:
				p.reportAttr(e, s.attr, `requireSSL="false" on <%s> lets the browser send the cookies over plain HTTP, where they can be read in transit; set it to "true" once the site is HTTPS-only`, e.Tag)
			}
		}
	}
}

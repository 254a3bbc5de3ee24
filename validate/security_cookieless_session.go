package validate

// CookielessSession: the session id in the URL.
var CookielessSession = register(&Rule{
	Code:     "IC707",
	Name:     "cookieless-session",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `system.web/sessionState cookieless puts the session id in the URL (true, UseUri, AutoDetect, UseDeviceProfile): it leaks through links, logs and Referer headers`,
	Doc: `With cookieless session state ASP.NET writes the session id into every URL
(/(S(lit3py55t21z5v55vlm25s55))/page.aspx). URLs are copied into e-mails and chats, kept in
proxy and server logs and browser history, and sent to other sites in the Referer header, so
whoever sees one can take over the session; an attacker can also hand a victim a URL with a
session id of his choosing (session fixation). cookieless="true" and "UseUri" always do this;
"AutoDetect" and "UseDeviceProfile" do it for clients that seem not to support cookies,
which a client can fake. The default is UseCookies.

Fix it with cookieless="UseCookies" (or remove the attribute).`,
	check: checkCookielessSession,
})

func checkCookielessSession(p *pass) {
	// HttpCookieMode is read case-sensitively, the bool forms are not.
	bad := func(v string) bool { return isTrue(v) || exactly("UseUri", "AutoDetect", "UseDeviceProfile")(v) }
	for _, e := range p.effectiveInsecure(insecureSetting{"system.web/sessionState", "cookieless", bad}) {
		p.reportAttr(e, "cookieless", `cookieless=%q can put the session id in the URL, where links, logs and Referer headers leak it (session hijacking and fixation); use cookieless="UseCookies"`, e.SelectAttrValue("cookieless", ""))
	}
}

package validate

import (
	"strings"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/secret"
)

// RewriteProxy: a Rewrite action to another server, which needs ARR.
var RewriteProxy = register(&Rule{
	Code:     "IC606",
	Name:     "rewrite-proxy",
	Severity: Warning,
	Summary:  `a Rewrite action to an absolute URL (http://, https://): a reverse proxy, which needs Application Request Routing with its proxy enabled, else HTTP 404.4`,
	Doc: `A Rewrite action (as opposed to Redirect) changes the URL the server itself serves. When
its url is absolute (http://backend:5000/{R:1}), URL Rewrite hands the request to Application
Request Routing (ARR), which forwards it to that server and relays the answer: a reverse
proxy. That works only where ARR is installed and its proxy is turned on
(system.webServer/proxy enabled="true", a server-level setting); otherwise IIS answers HTTP
404.4 "Not Found: the resource you are looking for does not have a handler associated with
it" to every request the rule rewrites.

With --apphost the rule reads system.webServer/proxy there and is silent when the proxy is on;
without it, it cannot know and reports the requirement.

Fix it by installing ARR and enabling its proxy (IIS Manager: Application Request Routing
Cache, Server Proxy Settings, Enable proxy), or by using type="Redirect" if the client should
go to the other URL itself.`,
	check: checkRewriteProxy,
})

func checkRewriteProxy(p *pass) {
	for _, r := range p.rewriteRules() {
		if r.outbound {
			continue
		}
		a := r.elem.SelectElement("action")
		if a == nil || !strings.EqualFold(strings.TrimSpace(a.SelectAttrValue("type", "")), "Rewrite") {
			continue
		}
		url := strings.ToLower(strings.TrimSpace(a.SelectAttrValue("url", "")))
		if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
			continue
		}
		if p.proxyEnabled(p.pathOf(r.elem)) {
			continue
		}
		p.reportAttr(a, "url", "a Rewrite to \"%s\" is a reverse proxy: it needs Application Request Routing installed with system.webServer/proxy enabled=\"true\", else IIS answers HTTP 404.4; enable the proxy, or use type=\"Redirect\"", secret.URL(a.SelectAttrValue("url", "")))
	}
}

// proxyEnabled reports whether ARR's proxy is on at path, as far as
// applicationHost.config in the chain says (false without one).
func (p *pass) proxyEnabled(path string) bool {
	for _, s := range p.chain() {
		if s.Doc.Kind() == config.KindAppHost {
			on, _ := parseBool(p.settingAt("system.webServer/proxy", "enabled", path).value)
			return on
		}
	}
	return false
}

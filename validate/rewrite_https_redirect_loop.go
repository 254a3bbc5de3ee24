package validate

import (
	"strings"
)

// RewriteHTTPSRedirectLoop: an HTTPS redirect that loops behind a
// TLS-terminating proxy.
var RewriteHTTPSRedirectLoop = register(&Rule{
	Code:     "IC608",
	Name:     "rewrite-https-redirect-loop",
	Severity: Info,
	Summary:  `a redirect to https:// conditioned only on {HTTPS} being off: behind a proxy or load balancer that ends TLS, it redirects forever`,
	Doc: `The usual "force HTTPS" rule redirects when {HTTPS} is "off". Behind a reverse proxy or load
balancer that terminates TLS and talks plain HTTP to IIS (Azure Application Gateway or Front
Door, AWS ELB, Cloudflare "flexible" SSL, an ARR farm), {HTTPS} is off for every request, even
those the client sent over HTTPS, so the browser is sent to the same https:// URL again and
again until it gives up with "too many redirects". This is a heuristic, hence info: on a
server that clients reach directly the rule is right.

The rule reports a Redirect to an https:// URL whose only pattern condition reads {HTTPS} (or
{SERVER_PORT_SECURE}, {SERVER_PORT}) and nothing a proxy sets ({HTTP_X_FORWARDED_PROTO},
{HTTP_X_ARR_SSL}, {HTTP_X_FORWARDED_SSL}, {HTTP_CF_VISITOR}).

Fix it, where a proxy ends TLS, by also requiring the proxy's header to say http: a condition
input="{HTTP_X_FORWARDED_PROTO}" pattern="^https$" negate="true" (or letting the proxy redirect).`,
	check: checkRewriteHTTPSRedirectLoop,
})

var tlsInputs = []string{"{HTTPS}", "{SERVER_PORT_SECURE}", "{SERVER_PORT}"}

func checkRewriteHTTPSRedirectLoop(p *pass) {
	for _, r := range p.rewriteRules() {
		if r.outbound {
			continue
		}
		a := r.elem.SelectElement("action")
		if a == nil || !strings.EqualFold(strings.TrimSpace(a.SelectAttrValue("type", "")), "Redirect") ||
			!strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.SelectAttrValue("url", ""))), "https://") {
			continue
		}
		tlsOnly, readsTLS := true, false
		for _, c := range r.conditions() {
			in := strings.ToUpper(strings.TrimSpace(c.SelectAttrValue("input", "")))
			if !isPatternCondition(c) {
				continue
			}
			isTLS := false
			for _, t := range tlsInputs {
				isTLS = isTLS || in == t
			}
			if isTLS {
				readsTLS = true
			} else if strings.Contains(in, "FORWARDED") || strings.Contains(in, "X_ARR_SSL") || strings.Contains(in, "CF_VISITOR") {
				tlsOnly = false
			}
		}
		if readsTLS && tlsOnly {
			p.reportAttr(a, "url", "redirects to https:// when {HTTPS} is off and checks no proxy header: behind a proxy or load balancer that ends TLS every request looks like http, so this redirects forever; add a condition on {HTTP_X_FORWARDED_PROTO} if such a proxy is in front")
		}
	}
}

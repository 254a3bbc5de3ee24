package validate

import (
	"strings"
)

// RewriteUndefinedMap: {Name:...} with no such rewrite map.
var RewriteUndefinedMap = register(&Rule{
	Code:     "IC605",
	Name:     "rewrite-undefined-map",
	Severity: Error,
	Summary:  `a {MapName:key} lookup whose rewrite map (or provider) is not defined: URL Rewrite answers HTTP 500.50`,
	Doc: `{Name:key} in a condition input or an action looks key up in the rewrite map called Name
(system.webServer/rewrite/rewriteMaps), or calls the provider called Name
(system.webServer/rewrite/providers), unless Name is one of the functions ToLower, UrlEncode,
UrlDecode or EscapeDataString. When no map or provider has that name, URL Rewrite fails to load
the rule and answers HTTP 500.50 to the requests it checks. Map names are compared
case-insensitively; the maps of every file along the chain count (a web.config may use a map
applicationHost.config defines).

Fix it by defining the map (<rewriteMaps><rewriteMap name="Name">), correcting the name, or, for
a provider, registering it under <providers>.`,
	check: checkRewriteUndefinedMap,
})

func checkRewriteUndefinedMap(p *pass) {
	rules := p.rewriteRules()
	if len(rules) == 0 {
		return
	}
	defined := map[string]bool{}
	for _, src := range p.chain() {
		for _, s := range src.Doc.SectionElements(rewriteMapsSection) {
			for _, m := range s.SelectElements("rewriteMap") {
				defined[strings.ToLower(strings.TrimSpace(m.SelectAttrValue("name", "")))] = true
			}
		}
		for _, s := range src.Doc.SectionElements(rewriteProvidersSect) {
			for _, m := range s.SelectElements("provider") {
				defined[strings.ToLower(strings.TrimSpace(m.SelectAttrValue("name", "")))] = true
			}
		}
	}
	for _, r := range rules {
		for _, s := range r.rewriteStrings() {
			for _, ref := range references(s.value) {
				if !ref.call || strings.EqualFold(ref.name, "R") || strings.EqualFold(ref.name, "C") || isRewriteFunction(ref.name) {
					continue
				}
				if !defined[strings.ToLower(ref.name)] {
					p.reportAttr(s.elem, s.attr, "{%s:...} in %s looks up rewrite map %q, which no rewriteMaps (nor providers) along the chain defines: URL Rewrite answers HTTP 500.50; define the map or correct the name", ref.name, s.attr, ref.name)
				}
			}
		}
	}
}

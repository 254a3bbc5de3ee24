package validate

import (
	"strings"

	"github.com/iiscfg/iiscfg/config"
)

// RewriteServerVariableNotAllowed: a rule sets a server variable that
// applicationHost.config does not allow.
var RewriteServerVariableNotAllowed = register(&Rule{
	Code:     "IC607",
	Name:     "rewrite-server-variable-not-allowed",
	Severity: Error,
	Summary:  `a rule sets a server variable that allowedServerVariables in applicationHost.config does not list: HTTP 500.50 (with --apphost)`,
	Doc: `A distributed rule may set a server variable or request header (<serverVariables><set
name="HTTP_X_FORWARDED_PROTO" .../>) only if system.webServer/rewrite/allowedServerVariables
lists the name. That section can be set only in applicationHost.config (it is locked for
web.config files), so a web.config cannot fix it itself: deployed to a server that does not
list the name, every request the rule matches gets HTTP 500.50 "The server variable
"HTTP_X_FORWARDED_PROTO" is not allowed to be set. Add the server variable name to the allowed
server variable list."

The rule needs the server's applicationHost.config (--apphost); without it nothing is known
about the list, and nothing is reported. Names compare case-insensitively.

Fix it on the server: appcmd set config -section:system.webServer/rewrite/allowedServerVariables
/+"[name='HTTP_X_FORWARDED_PROTO']" /commit:apphost, or IIS Manager (URL Rewrite, View Server
Variables, Add).`,
	check: checkRewriteServerVariableNotAllowed,
})

func checkRewriteServerVariableNotAllowed(p *pass) {
	hasHost := false
	for _, s := range p.chain() {
		hasHost = hasHost || s.Doc.Kind() == config.KindAppHost
	}
	if !hasHost {
		return
	}
	for _, r := range p.rewriteRules() {
		if r.section != rewriteRulesSection {
			continue // globalRules may set any variable
		}
		var allowed map[string]bool
		for _, sv := range r.elem.SelectElements("serverVariables") {
			for _, set := range sv.SelectElements("set") {
				name := strings.TrimSpace(set.SelectAttrValue("name", ""))
				if name == "" {
					continue
				}
				if allowed == nil {
					allowed = p.allowedServerVariables(p.pathOf(r.elem))
				}
				if !allowed[strings.ToUpper(name)] {
					p.reportAttr(set, "name", "rule %q sets server variable %q, which allowedServerVariables in applicationHost.config does not list: URL Rewrite answers HTTP 500.50 (\"The server variable is not allowed to be set\"); add it on the server", r.elem.SelectAttrValue("name", ""), name)
				}
			}
		}
	}
}

// allowedServerVariables merges allowedServerVariables (add, remove,
// clear) along the chain at path, upper-cased.
func (p *pass) allowedServerVariables(path string) map[string]bool {
	out := map[string]bool{}
	for _, l := range p.levels(rewriteAllowedVars, path) {
		for _, e := range l.Elems {
			for _, c := range e.ChildElements() {
				name := strings.ToUpper(strings.TrimSpace(c.SelectAttrValue("name", "")))
				switch c.Tag {
				case "add":
					out[name] = true
				case "remove":
					delete(out, name)
				case "clear":
					out = map[string]bool{}
				}
			}
		}
	}
	return out
}

package validate

import (
	"regexp"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/internal/secret"
)

// LeftoverToken: a deployment placeholder left in the deployed file.
var LeftoverToken = register(&Rule{
	Code:     "IC408",
	Name:     "leftover-token",
	Severity: Warning,
	Summary:  "a deployment placeholder ($(ReplacableToken_...), #{...}, __NAME__, ${...}) left in the deployed configuration",
	Doc: `Web Deploy parameterization writes $(ReplacableToken_Name-Web.config Connection
String_0) into connection strings; Octopus substitutes #{Name}, Azure DevOps' token tasks
__Name__ and others ${Name}. When the step that fills them in does not run, or a variable is
missing, the placeholder reaches the server and the application fails at its first database
call or sends requests to a literal "#{ApiUrl}".

Checked in the deployed result (lint --transform or --configuration), where placeholders should
be gone; a web.config or transform that still holds them before deployment is fine.

Fix: define the variable, or run the substitution step, before deploying.`,
	check: func(p *pass) {
		if !p.ctx.Deployed {
			return
		}
		for _, e := range p.doc.Elements() {
			key := e.SelectAttrValue("key", "")
			if key == "" {
				key = e.SelectAttrValue("name", "")
			}
			for _, a := range e.Attr {
				if tok := leftoverToken.FindString(a.Value); tok != "" {
					// The rest of the value may be a password (docs/secrets.md).
					p.reportAttr(e, attrName(a), "%s=%q still holds the placeholder %s", attrName(a), secret.Value(attrName(a), key, a.Value), tok)
				}
			}
			if t := directText(e); t != "" {
				if tok := leftoverToken.FindString(t); tok != "" {
					p.reportStartTag(e, "<%s> text still holds the placeholder %s", e.Tag, tok)
				}
			}
		}
	},
})

// leftoverToken matches the placeholder syntaxes of common deployment tools.
var leftoverToken = regexp.MustCompile(`\$\(ReplacableToken_[^)]*\)|#\{[^}\s]+\}#?|__[A-Za-z][A-Za-z0-9_.-]*__|\$\{[^}\s]+\}`)

func attrName(a etree.Attr) string {
	if a.Space != "" {
		return a.Space + ":" + a.Key
	}
	return a.Key
}

func directText(e *etree.Element) string {
	var s string
	for _, c := range e.Child {
		if cd, ok := c.(*etree.CharData); ok {
			s += cd.Data
		}
	}
	return s
}

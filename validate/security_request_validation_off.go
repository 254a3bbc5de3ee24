package validate

import (
	"strconv"
	"strings"

	"github.com/iiscfg/iiscfg/schema"
)

// RequestValidationOff: ASP.NET's request validation off for pages.
var RequestValidationOff = register(&Rule{
	Code:     "IC708",
	Name:     "request-validation-off",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `system.web/pages validateRequest="false" in effect: Web Forms pages accept markup and script in form fields, query strings and cookies`,
	Doc: `Request validation makes ASP.NET reject requests whose form fields, query string or cookies
contain what looks like markup ("<script", "<img onerror=", "&#"). It is no complete defence
against cross-site scripting (output encoding is), but turning it off for every page removes a
safety net that catches many reflected attacks.

On .NET 4 the setting takes effect only together with <httpRuntime
requestValidationMode="2.0"/>: in the 4.0 mode (the default) ASP.NET validates every request
before any page runs and ignores pages/@validateRequest. So the rule reports it in a v2.0 pool,
or where requestValidationMode below 4.0 applies too (the usual pair copied from answers on the
web), and not otherwise.

Fix it by keeping validateRequest="true" and opting out only where markup is expected: a single
page's <%@ Page ValidateRequest="false" %>, or in MVC [AllowHtml] on one model property.`,
	check: checkRequestValidationOff,
})

func checkRequestValidationOff(p *pass) {
	for _, e := range p.effectiveInsecure(insecureSetting{"system.web/pages", "validateRequest", isFalse}) {
		if p.ctx.Runtime != schema.V20 && p.ctx.Runtime != schema.V11 && !legacyValidationMode(p.settingAt("system.web/httpRuntime", "requestValidationMode", p.pathOf(e)).value) {
			continue // ignored in the 4.0 validation mode
		}
		p.reportAttr(e, "validateRequest", `validateRequest="false" lets every page accept markup and script in form fields, query strings and cookies; keep it on and opt out per page or per model property`)
	}
}

// legacyValidationMode reports whether an httpRuntime requestValidationMode
// is a version below 4.0 ("2.0"), under which pages/@validateRequest counts.
func legacyValidationMode(v string) bool {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	return err == nil && f < 4.0
}

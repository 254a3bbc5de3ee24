package validate

import (
	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// ClassicImpersonation is HTTP 500.24 (docs/iis-behaviour.md §5.2 step 4).
var ClassicImpersonation = register(&Rule{
	Code:     "IC103",
	Name:     "classic-impersonation",
	Severity: Error,
	Summary:  `<identity impersonate="true"/> without a userName: HTTP 500.24 in an Integrated pool`,
	Doc: `With <identity impersonate="true"/> ASP.NET runs each request as the client's Windows
identity. The Integrated pipeline cannot do that in its early stages (BeginRequest,
AuthenticateRequest run before the client is known), so IIS's ConfigurationValidationModule
answers HTTP 500.24 "An ASP.NET setting has been detected that does not apply in Integrated
managed pipeline mode" when system.web/identity at the application has impersonate="true" and
an empty userName. With a userName (impersonating one fixed account) every stage can
impersonate, so IIS accepts it and so does this rule. "appcmd migrate config" does not change
the identity section.

Fix it by turning client impersonation off if the application does not need it. If it needs
impersonation only after authentication (the usual case), set
system.webServer/validation/@validateIntegratedModeConfiguration="false". If it needs it from
the very first stage, keep the application in a Classic pool.`,
	check: checkClassicImpersonation,
})

func checkClassicImpersonation(p *pass) {
	if !p.appliesToApplication() || !p.ctx.AppRoot {
		return
	}
	scopes := p.integrated().validatedScopes()
	if len(scopes) == 0 {
		return
	}
	impersonate, userName, setter := p.identity()
	if !impersonate || userName != "" {
		return
	}
	if setter != nil {
		p.blocker(setter, 24, `<identity impersonate="true"/> without a userName`, impersonationFix, classicImpersonationFix, scopes)
		return
	}
	if e, d := p.impersonationSetter(); e != nil && p.parentApp(d) {
		p.inheritedBlocker(24, `<identity impersonate="true"/> without a userName`, e, d, inheritedImpersonationFix, classicImpersonationFix, scopes)
	}
}

// impersonationSetter is the element, and its file, that sets the
// impersonate="true" in effect at the application.
func (p *pass) impersonationSetter() (*etree.Element, *config.Document) {
	var elem *etree.Element
	var doc *config.Document
	for _, l := range p.levelsAt(schema.Identity.Path, p.base()) {
		for _, e := range l.Elems {
			if a := e.SelectAttr("impersonate"); a != nil {
				if b, ok := parseBool(a.Value); ok {
					elem, doc = nil, nil
					if b {
						elem, doc = e, l.Doc
					}
				}
			}
		}
	}
	return elem, doc
}

// identity reads system.web/identity as it applies at the application:
// impersonate and userName, and the element of this document that sets
// impersonate="true" (nil when it is set elsewhere, or false).
func (p *pass) identity() (impersonate bool, userName string, setter *etree.Element) {
	for _, l := range p.levelsAt(schema.Identity.Path, p.base()) {
		for _, e := range l.Elems {
			if a := e.SelectAttr("impersonate"); a != nil {
				if b, ok := parseBool(a.Value); ok {
					impersonate = b
					setter = nil
					if b && l.Doc == p.doc {
						setter = e
					}
				}
			}
			if a := e.SelectAttr("userName"); a != nil {
				userName = a.Value
			}
		}
	}
	return impersonate, userName, setter
}

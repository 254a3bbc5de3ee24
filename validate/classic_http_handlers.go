package validate

import (
	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// ClassicHTTPHandlers is HTTP 500.23 (docs/iis-behaviour.md §5.2 step 5).
var ClassicHTTPHandlers = register(&Rule{
	Code:           "IC102",
	Name:           "classic-http-handlers",
	Severity:       Error,
	FixedByMigrate: true,
	Summary:        "system.web/httpHandlers differs from the root web.config: HTTP 500.23 in an Integrated pool",
	Doc: `In the Integrated pipeline handler mappings live in system.webServer/handlers; the entries of
system.web/httpHandlers are ignored there. IIS's ConfigurationValidationModule compares
system.web/httpHandlers at each request's URL with the root web.config's list and, when they
differ, answers HTTP 500.23 "An ASP.NET setting has been detected that does not apply in
Integrated managed pipeline mode". Unlike httpModules this is checked per URL, so an
<httpHandlers> inside <location path="api"> breaks only the requests under /api. An empty
<httpHandlers/> is no difference.

Fix it with "iiscfg migrate", which writes the matching system.webServer/handlers entries as
"appcmd migrate config" does (with a preCondition that holds for the pool's runtime). If the
handlers are already in system.webServer/handlers, set
system.webServer/validation/@validateIntegratedModeConfiguration="false" for those paths.
Only as a last resort, move the application to a Classic pool.`,
	check: checkClassicHTTPHandlers,
})

func checkClassicHTTPHandlers(p *pass) {
	if !p.appliesToApplication() {
		return
	}
	type flagged struct {
		scopes []string
		change string
	}
	byElem := map[*etree.Element]*flagged{}
	var order []*etree.Element
	// What a nested application inherits from its parent application's
	// files is reported once, on the nested application, for the paths
	// where it differs.
	var inherited *levelChange
	var inheritedScopes []string
	item := schema.HTTPHandlers.Root.Collection.Item
	pathAttr, verbAttr := item.Attr("path"), item.Attr("verb")
	label := func(it config.Item) string { return it.Value(pathAttr) + " (verb " + it.Value(verbAttr) + ")" }
	for _, cp := range p.integrated().checkpoints {
		if !cp.validate {
			continue
		}
		root := p.ctx.Server.RootHTTPHandlers
		if sameCollection(schema.HTTPHandlers, root, p.effective(schema.HTTPHandlers, root, cp.path)) {
			continue
		}
		for _, lc := range p.ownChanges(schema.HTTPHandlers, root, cp.path, label) {
			for _, e := range lc.elems {
				f := byElem[e]
				if f == nil {
					f = &flagged{change: lc.change}
					byElem[e] = f
					order = append(order, e)
				}
				f.scopes = append(f.scopes, cp.path)
			}
		}
		if p.ctx.AppRoot {
			if lcs := p.changesBy(schema.HTTPHandlers, root, cp.path, label, p.parentApp); len(lcs) > 0 && len(lcs[0].elems) > 0 {
				if inherited == nil {
					inherited = &lcs[0]
				}
				inheritedScopes = append(inheritedScopes, cp.path)
			}
		}
	}
	if inherited != nil {
		p.inheritedBlocker(23, "system.web/httpHandlers that "+inherited.change, inherited.elems[0], inherited.doc, inheritedFix, classicMigrateFix, inheritedScopes)
	}
	for _, e := range order {
		f := byElem[e]
		p.blocker(e, 23, "system.web/httpHandlers "+f.change, integratedFix, classicMigrateFix, f.scopes)
	}
}

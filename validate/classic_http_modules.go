package validate

import (
	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// ClassicHTTPModules is HTTP 500.22 (docs/iis-behaviour.md §5.2 step 3).
var ClassicHTTPModules = register(&Rule{
	Code:           "IC101",
	Name:           "classic-http-modules",
	Severity:       Error,
	FixedByMigrate: true,
	Summary:        "system.web/httpModules differs from the root web.config: HTTP 500.22 in an Integrated pool",
	Doc: `In the Integrated pipeline ASP.NET modules are configured in system.webServer/modules; the
entries of system.web/httpModules are ignored there. So that an application does not silently
lose them, IIS's ConfigurationValidationModule compares system.web/httpModules at the
application with the root web.config's list and, when they differ in any way (an <add>, a
<remove>, a <clear/>, another order), answers every request with HTTP 500.22 "An ASP.NET
setting has been detected that does not apply in Integrated managed pipeline mode". An empty
<httpModules/> is no difference. Only the application's root level counts: IIS does not
check httpModules in subfolders.

Fix it with "iiscfg migrate", which moves the modules to system.webServer/modules exactly as
"appcmd migrate config" does (keeping the old section, so the application still runs in a
Classic pool). If the modules are already in system.webServer/modules, set
system.webServer/validation/@validateIntegratedModeConfiguration="false". Only if the
application cannot run in the Integrated pipeline, move it to a Classic pool.`,
	check: checkClassicHTTPModules,
})

func checkClassicHTTPModules(p *pass) {
	if !p.appliesToApplication() || !p.ctx.AppRoot {
		return
	}
	scopes := p.integrated().validatedScopes()
	if len(scopes) == 0 {
		return
	}
	root := p.ctx.Server.RootHTTPModules
	if sameCollection(schema.HTTPModules, root, p.effective(schema.HTTPModules, root, p.base())) {
		return
	}
	name := schema.HTTPModules.Root.Collection.Item.Attr("name")
	label := func(it config.Item) string { return it.Value(name) }
	for _, lc := range p.ownChanges(schema.HTTPModules, root, p.base(), label) {
		for _, e := range lc.elems {
			p.blocker(e, 22, "system.web/httpModules "+lc.change, integratedFix, classicMigrateFix, scopes)
		}
	}
	if inherited := p.changesBy(schema.HTTPModules, root, p.base(), label, p.parentApp); len(inherited) > 0 && len(inherited[0].elems) > 0 {
		lc := inherited[0]
		p.inheritedBlocker(22, "system.web/httpModules that "+lc.change, lc.elems[0], lc.doc, inheritedFix, classicMigrateFix, scopes)
	}
}

package validate

import "strings"

// ANCMV1InProcess: in-process hosting asked of ANCM V1, which has none.
var ANCMV1InProcess = register(&Rule{
	Code:     "IC501",
	Name:     "ancm-v1-in-process",
	Severity: Error,
	Summary:  `hostingModel="inprocess" served by the ASP.NET Core Module V1 (modules="AspNetCoreModule"), which cannot host in process`,
	Doc: `ASP.NET Core Module V1 (modules="AspNetCoreModule" on the aspNetCore handler) only
forwards requests to a separate Kestrel process; in-process hosting came with V2
(modules="AspNetCoreModuleV2", ASP.NET Core 2.2). Where V1 is installed it ignores
hostingModel="inprocess" and starts the app out of process, which an app built for in-process
hosting does not expect (HTTP 502.5 or 500.30 at start); the Hosting Bundle has not installed
V1 since .NET Core 3.0, so on a current server IIS answers HTTP 500.21 ("bad module
AspNetCoreModule in its module list").

The rule reads the handler list and system.webServer/aspNetCore as they apply at each
aspNetCore element's path, so a handler inherited from a parent web.config counts.

Fix it by writing modules="AspNetCoreModuleV2" on the handler (the SDK's web.config does), or
hostingModel="outofprocess" if the app must keep V1.`,
	check: checkANCMV1InProcess,
})

func checkANCMV1InProcess(p *pass) {
	for _, e := range p.ownElements(aspNetCoreSection) {
		a := e.SelectAttr("hostingModel")
		if a == nil || hostingModel(a.Value) != inProcess {
			continue
		}
		path := p.pathOf(e)
		if p.settingAt(aspNetCoreSection, "hostingModel", path).elem != e {
			continue // a later level decides the hosting model
		}
		h, ok := p.ancmHandler(path)
		if !ok {
			continue
		}
		if m, _ := h.Get("modules"); !strings.EqualFold(strings.TrimSpace(m), ancmV1) {
			continue
		}
		name, _ := h.Get("name")
		p.reportAttr(e, "hostingModel", `hostingModel=%q, but handler %q runs modules="AspNetCoreModule" (ANCM V1), which has no in-process hosting: V1 starts the app out of process, and a server without V1 answers HTTP 500.21; write modules="AspNetCoreModuleV2" on the handler`, a.Value, name)
	}
}

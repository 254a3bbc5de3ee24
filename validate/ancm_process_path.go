package validate

import (
	"strings"

	"github.com/beevik/etree"
)

// ANCMProcessPath: an aspNetCore section that names no process to start.
var ANCMProcessPath = register(&Rule{
	Code:     "IC503",
	Name:     "ancm-process-path",
	Severity: Error,
	Summary:  `system.webServer/aspNetCore without a processPath: the ASP.NET Core Module has nothing to start (HTTP 500.0 or 502.5)`,
	Doc: `processPath tells the ASP.NET Core Module what to run: "dotnet" (with the app's dll in
arguments) for a framework-dependent app, ".\MyApp.exe" for a self-contained one. IIS's schema
does not require it, so a section without it passes the configuration system, and the module
then fails every request: out of process it cannot start the process (HTTP 502.5 "Process
Failure"), in process it cannot find the app (HTTP 500.0 or 500.30).

The rule reads processPath as it applies at the section's path, so a value inherited from a
parent web.config counts, and a blank value is as bad as none.

Fix it by publishing with the SDK (it writes processPath and arguments) or by writing them by
hand: processPath="dotnet" arguments=".\MyApp.dll", or processPath=".\MyApp.exe".`,
	check: checkANCMProcessPath,
})

func checkANCMProcessPath(p *pass) {
	for _, e := range p.ownElements(aspNetCoreSection) {
		path := p.pathOf(e)
		s := p.settingAt(aspNetCoreSection, "processPath", path)
		if strings.TrimSpace(s.value) != "" {
			continue
		}
		if s.elem == e {
			p.reportAttr(e, "processPath", "processPath is blank: the ASP.NET Core Module has nothing to start, so every request fails (HTTP 502.5 out of process, 500.0 in process); write processPath=\"dotnet\" with the app's dll in arguments, or the app's .exe")
			continue
		}
		if s.elem == nil && p.lastSectionElement(aspNetCoreSection, path) == e {
			p.reportStartTag(e, "aspNetCore has no processPath here or above: the ASP.NET Core Module has nothing to start, so every request fails (HTTP 502.5 out of process, 500.0 in process); write processPath=\"dotnet\" with the app's dll in arguments, or the app's .exe")
		}
	}
}

// lastSectionElement is the last element of a section that applies at
// path along the chain, nil when none does.
func (p *pass) lastSectionElement(section, path string) *etree.Element {
	levels := p.levels(section, path)
	if len(levels) == 0 {
		return nil
	}
	els := levels[len(levels)-1].Elems
	return els[len(els)-1]
}

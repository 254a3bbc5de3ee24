package validate

import (
	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// UnsupportedRuntime: .NET 1.1 in an Integrated pool.
var UnsupportedRuntime = register(&Rule{
	Code:     "IC104",
	Name:     "integrated-runtime-v1.1",
	Severity: Error,
	Summary:  "an application pool runs .NET 1.1 in the Integrated pipeline, which IIS does not support",
	Doc: `ASP.NET 1.1 predates the Integrated pipeline: IIS runs .NET 1.1 only in Classic mode
("Moving an ASP.NET Application from IIS 6.0 to IIS 7.0"). A pool with
managedRuntimeVersion="v1.1" and managedPipelineMode="Integrated" (the default) fails for every
application in it.

Set managedPipelineMode="Classic" on the pool, or move the applications to .NET 2.0 or later.`,
	check: checkUnsupportedRuntime,
})

func checkUnsupportedRuntime(p *pass) {
	if p.doc.Kind() != config.KindAppHost || p.ctx.Path != "" {
		return
	}
	host, err := config.NewAppHost(p.doc)
	if err != nil {
		return
	}
	for _, pool := range host.Pools {
		if pool.Runtime == schema.V11 && !pool.Classic && pool.Elem != nil {
			p.report(pool.Elem, "application pool %q runs .NET v1.1 in the Integrated pipeline", pool.Name)
			p.explain("IIS does not support .NET v1.1 in the Integrated pipeline", `set managedPipelineMode="Classic"`)
		}
	}
}

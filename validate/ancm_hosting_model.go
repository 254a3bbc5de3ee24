package validate

// ANCMHostingModel: a hostingModel ANCM does not know.
var ANCMHostingModel = register(&Rule{
	Code:     "IC502",
	Name:     "ancm-hosting-model",
	Severity: Error,
	Summary:  `aspNetCore hostingModel is neither "inprocess" nor "outofprocess": the ASP.NET Core Module refuses to start the app`,
	Doc: `The ASP.NET Core Module V2 reads hostingModel case-insensitively and knows two values:
"inprocess" (the app runs in the IIS worker process) and "outofprocess" (IIS forwards to a
Kestrel process; also what an empty or absent value means). Any other value ("in-process",
"InProc", "inprocess;") makes the module refuse to start the app with "Unknown hosting model",
so every request fails (HTTP 500.0 with the ANCM error page, and an event log entry).

IIS's own schema types hostingModel as a plain string, so the configuration system accepts any
value and no HTTP 500.19 warns about it; this rule is the only check before the first request.

Fix it by writing hostingModel="inprocess" or hostingModel="outofprocess" (the SDK writes the
value of the project's AspNetCoreHostingModel property).`,
	check: checkANCMHostingModel,
})

func checkANCMHostingModel(p *pass) {
	for _, e := range p.ownElements(aspNetCoreSection) {
		a := e.SelectAttr("hostingModel")
		if a == nil {
			continue
		}
		if m := hostingModel(a.Value); m != inProcess && m != outOfProcess {
			p.reportAttr(e, "hostingModel", `hostingModel=%q is not a hosting model the ASP.NET Core Module knows, so it refuses to start the app ("Unknown hosting model"); write "inprocess" or "outofprocess"`, a.Value)
		}
	}
}

package validate

// ModuleNotInstalled: a section of an add-on the server does not have.
var ModuleNotInstalled = schemaRule(&Rule{
	Code:     "IC213",
	Name:     nameModuleNotInstalled,
	Severity: Error,
	Summary:  "a section of an add-on module (URL Rewrite, ASP.NET Core Module, ARR, ...) the server profile does not have: IIS answers HTTP 500.19",
	Doc: `Add-on modules declare their sections in applicationHost.config when they are installed:
<rewrite> comes with URL Rewrite, <aspNetCore> with the ASP.NET Core Module, <proxy> with
Application Request Routing, <httpPlatform> with HttpPlatformHandler, <iisnode> with iisnode.
On a server without the module the section is undeclared and IIS answers every request with
HTTP 500.19 (0x8007000d, "The configuration section cannot be read because it is missing a
section declaration").

Without --apphost the rule checks against the server named by --server (IISCFG_SERVER,
"server:" in .iiscfg.yaml): iis10 (a stock IIS 10 with ASP.NET and no add-on), iisexpress (URL
Rewrite), azure-app-service (URL Rewrite, ASP.NET Core Module, ARR, HttpPlatformHandler,
iisnode, WebSockets), each extended with "+addon" ("iis10+rewrite+aspnetcore"). When no
server is named, the rule stays quiet: most files that use <rewrite> or <aspNetCore> are
deployed where the module is installed, and iiscfg does not guess otherwise. With --apphost, applicationHost.config's declarations decide
(undeclared-section). "iiscfg requires PATH" lists what a deployment needs installed.

Fix it by installing the module on the server, or by telling iiscfg the server has it
(--server iis10+rewrite).`,
})

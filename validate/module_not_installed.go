package validate

// ModuleNotInstalled: a section of an add-on the server does not have.
var ModuleNotInstalled = schemaRule(&Rule{
	Code:     "IC213",
	Name:     nameModuleNotInstalled,
	Severity: Error,
	Summary:  "a section of an add-on module (URL Rewrite, ASP.NET Core Module, HttpPlatformHandler, iisnode, CORS) the server does not have: IIS answers HTTP 500.19",
	Doc: `Add-on modules declare their sections in applicationHost.config when they are installed:
<rewrite> comes with URL Rewrite, <aspNetCore> with the ASP.NET Core Module, <httpPlatform>
with HttpPlatformHandler, <iisnode> with iisnode, <cors> with the IIS CORS Module. On a server
without the module the section is undeclared and IIS answers every request with HTTP 500.19
(0x8007000d, "The configuration section cannot be read because it is missing a section
declaration"). One finding per add-on and file.

Without --apphost the rule checks against the server named by --server (IISCFG_SERVER,
"server:" in .iiscfg.yaml; docs/servers.md lists what each has): iis10 (a stock IIS 10 with
ASP.NET and no add-on), iisexpress (URL Rewrite), azure-app-service (URL Rewrite, ASP.NET Core
Module, HttpPlatformHandler, iisnode), each extended with "+addon"
("iis10+rewrite+aspnetcore"). Against a named server the finding is an error. When no server
is named, iiscfg assumes a stock IIS 10 and reports it as an info, which never fails a run:
most files that use <rewrite> or <aspNetCore> are deployed where the module is installed, and
the info says how to name that server. --server none turns the rule off. With --apphost,
applicationHost.config's declarations decide (undeclared-section). "iiscfg requires PATH"
lists everything a deployment needs installed.

Fix it by installing the module on the server, and telling iiscfg the server has it
(--server iis10+rewrite).`,
})

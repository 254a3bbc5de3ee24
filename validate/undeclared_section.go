package validate

// UndeclaredSection: a section nothing declares.
var UndeclaredSection = schemaRule(&Rule{
	Code:     "IC209",
	Name:     nameUndeclaredSection,
	Severity: Warning,
	Summary:  "a section no <configSections> declares: IIS cannot read it (HTTP 500.19) unless the server has the module that declares it",
	Doc: `Every section must be declared in a <configSections> of the file or of a level above. IIS
answers HTTP 500.19 "The configuration section 'x' cannot be read because it is missing a
section declaration" for a section of a module the server does not have: <rewrite> without URL
Rewrite, <aspNetCore> without the ASP.NET Core Module, <system.webServer/proxy> without ARR.

iiscfg knows the sections of a stock IIS 10 server with URL Rewrite and the ASP.NET Core Module,
of the .NET 4 machine.config, and those declared in the file and the files above it (with
--apphost, applicationHost.config's). A section of another installed module is declared in your
applicationHost.config: pass it with --apphost. A warning, not an error, for that reason.`,
})

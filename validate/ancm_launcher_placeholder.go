package validate

import "strings"

// ANCMLauncherPlaceholder: Visual Studio's placeholders left in the file.
var ANCMLauncherPlaceholder = register(&Rule{
	Code:     "IC504",
	Name:     "ancm-launcher-placeholder",
	Severity: Warning,
	Summary:  `%LAUNCHER_PATH% or %LAUNCHER_ARGS% in aspNetCore: if this file is deployed as is, the process fails to start (HTTP 502.5)`,
	Doc: `Visual Studio writes processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" into a
project's web.config and fills them in when it runs the project under IIS or IIS Express;
"dotnet publish" replaces them with the real command. They are not Windows environment
variables: a file deployed with them (copied from the project folder, or published by a tool
that does not transform web.config) makes the ASP.NET Core Module try to start a program
literally named "%LAUNCHER_PATH%", and every request gets HTTP 502.5 "Process Failure"
(500.30 in process).

This is a warning, not an error, because the project's own web.config legitimately holds them
when only "dotnet publish" output is deployed: turn the rule off for source folders
(overrides: in .iiscfg.yaml) and keep it on for the published output.

Fix it by deploying what "dotnet publish" produces, or by writing the real values:
processPath="dotnet" arguments=".\MyApp.dll", or processPath=".\MyApp.exe".`,
	check: checkANCMLauncherPlaceholder,
})

func checkANCMLauncherPlaceholder(p *pass) {
	for _, e := range p.ownElements(aspNetCoreSection) {
		for _, attr := range []string{"processPath", "arguments"} {
			a := e.SelectAttr(attr)
			if a == nil {
				continue
			}
			var found []string
			for _, ph := range []string{"%LAUNCHER_PATH%", "%LAUNCHER_ARGS%"} {
				if strings.Contains(strings.ToUpper(a.Value), ph) {
					found = append(found, ph)
				}
			}
			if len(found) > 0 {
				p.reportAttr(e, attr, "%s holds %s, which only Visual Studio and dotnet publish replace: deployed as is, the ASP.NET Core Module cannot start the process (HTTP 502.5); deploy the publish output or write the real command", attr, strings.Join(found, " and "))
			}
		}
	}
}

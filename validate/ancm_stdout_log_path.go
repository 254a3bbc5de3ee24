package validate

import (
	"strings"
)

// ANCMStdoutLogPath: a stdout log folder outside the application.
var ANCMStdoutLogPath = register(&Rule{
	Code:     "IC506",
	Name:     "ancm-stdout-log-path",
	Severity: Warning,
	Summary:  `aspNetCore stdoutLogFile outside the application's folder (an absolute path, or ..\): the pool identity usually cannot write there`,
	Doc: `stdoutLogFile is a path prefix, relative to the application's folder (".\logs\stdout" is
what the SDK writes). The ASP.NET Core Module writes the log as the application pool's identity
(IIS AppPool\<pool>), which by default may write only where the application's folder grants it.
An absolute path (C:\logs\stdout, \\server\share\stdout) or one that climbs out of the
application (..\logs\stdout) points where that identity usually has no right to create files,
so no log is written exactly when it is needed, and a deployment neither creates nor cleans that
folder.

The rule checks stdoutLogFile only where stdout logging is on (stdoutLogEnabled as it applies
at the section's path). A path that starts with an environment variable (%HOME%\LogFiles\stdout,
the location Azure App Service documents) is not reported: its folder is the host's choice.

Fix it by writing a path inside the application (.\logs\stdout) and creating that folder with
write permission for the pool identity, or by granting the pool identity write access to the
folder named.`,
	check: checkANCMStdoutLogPath,
})

func checkANCMStdoutLogPath(p *pass) {
	for _, e := range p.ownElements(aspNetCoreSection) {
		a := e.SelectAttr("stdoutLogFile")
		if a == nil || !outsideApp(a.Value) {
			continue
		}
		path := p.pathOf(e)
		if p.settingAt(aspNetCoreSection, "stdoutLogFile", path).elem != e {
			continue
		}
		if on, _ := parseBool(p.settingAt(aspNetCoreSection, "stdoutLogEnabled", path).value); !on {
			continue
		}
		p.reportAttr(e, "stdoutLogFile", "stdoutLogFile \"%s\" is outside the application's folder, where the pool identity usually cannot create files, so no stdout log is written; use a path inside the application such as .\\logs\\stdout", a.Value)
	}
}

// outsideApp reports whether a Windows path is absolute (drive, UNC, rooted)
// or climbs above the folder it is relative to. Paths that start with an
// environment variable are the host's choice and not judged.
func outsideApp(v string) bool {
	v = strings.TrimSpace(strings.ReplaceAll(v, "/", `\`))
	v = strings.TrimPrefix(v, `\\?\`) // the long-path prefix
	if v == "" || strings.HasPrefix(v, "%") {
		return false
	}
	if strings.HasPrefix(v, `\`) || (len(v) >= 2 && v[1] == ':') {
		return true
	}
	depth := 0
	for _, seg := range strings.Split(v, `\`) {
		switch seg {
		case "", ".":
		case "..":
			depth--
			if depth < 0 {
				return true
			}
		default:
			depth++
		}
	}
	return false
}

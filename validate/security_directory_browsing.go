package validate

// DirectoryBrowsing: folder listings on.
var DirectoryBrowsing = register(&Rule{
	Code:     "IC705",
	Name:     "directory-browsing",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `system.webServer/directoryBrowse enabled="true" in effect: a folder without a default document lists its files`,
	Doc: `With directory browsing on, a request for a folder that has no default document returns a
list of its files and subfolders: backups, exports, logs, configuration files that request
filtering does not block, anything copied there by mistake. It is off by default.

The rule reports enabled="true" where it applies (a <location> for one public folder is judged
at that folder's path).

Fix it with enabled="false", or turn it on only in a <location> for the one folder meant to be
listed.`,
	check: checkDirectoryBrowsing,
})

func checkDirectoryBrowsing(p *pass) {
	for _, e := range p.effectiveInsecure(insecureSetting{"system.webServer/directoryBrowse", "enabled", isTrue}) {
		p.reportAttr(e, "enabled", `directory browsing is on: folders without a default document list their files; set enabled="false", or limit it to one folder with <location>`)
	}
}

package validate

// LockedSection: a section locked at a parent level.
var LockedSection = schemaRule(&Rule{
	Code:     "IC208",
	Name:     nameLockedSection,
	Severity: Error,
	Summary:  "a web.config sets a section that applicationHost.config locks: IIS answers HTTP 500.19",
	Doc: `Sections declared overrideModeDefault="Deny" (handlers, modules, the authentication
sections, asp, ...) can be set in a web.config only where applicationHost.config unlocks them
with <location path="..." overrideMode="Allow">; a <location overrideMode="Deny"> (or the
legacy allowOverride="false") locks any section for the paths below it, and a lower level can
never unlock what a higher level locked. IIS answers HTTP 500.19 (0x80070021) with "This
configuration section cannot be used at this path. This happens when the section is locked at
a parent level."

Without --apphost a web.config is checked against the locks of the server --server names
(docs/servers.md): by default a stock IIS 10, whose applicationHost.config unlocks only modules
and handlers; azure-app-service also unlocks webSocket, ipSecurity and dynamicIpSecurity;
--server none assumes no lock. Fix: unlock the section for the site in applicationHost.config
(appcmd unlock config -section:...), or move the setting there.`,
})

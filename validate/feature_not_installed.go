package validate

// FeatureNotInstalled: a section of an optional IIS role service the named
// server does not have, which IIS reads and ignores.
var FeatureNotInstalled = schemaRule(&Rule{
	Code:     "IC214",
	Name:     nameFeatureNotInstalled,
	Severity: Warning,
	Summary:  "a switched-on section of an IIS role service (URL Authorization, Application Initialization, HTTP Redirection, ...) the named server does not have: IIS silently ignores it",
	Doc: `Optional role services of the Web Server role declare their sections on every IIS server,
installed or not, so a web.config that sets them is read without an error, and nothing
happens: <system.webServer><security><authorization> rules are never applied (every user
reaches the URLs they were meant to guard), <applicationInitialization> does not warm the
application up, <httpRedirect enabled="true"> does not redirect, <urlCompression
doDynamicCompression="true"> does not compress.

The rule runs only against a server named with --server (IISCFG_SERVER, "server:" in
.iiscfg.yaml; docs/servers.md lists what each has), and only for sections switched on
(<httpRedirect enabled="false"/> needs nothing). A section the server locks is locked-section's
finding instead. URL Authorization's finding is an error: access rules that are silently off
are a security hole. "iiscfg requires" lists every role service a deployment needs.

Fix it by installing the role service (Install-WindowsFeature Web-Url-Auth, ...) and telling
iiscfg the server has it (--server iis10+urlauth).`,
})

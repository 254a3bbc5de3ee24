package schema

import (
	"fmt"
	"sort"
	"strings"

	"github.com/beevik/etree"
)

// Server profiles: what a server iiscfg lints against without its
// applicationHost.config has installed and locks (docs/servers.md).

// AddOn is an IIS feature that is not part of a stock IIS 10 with ASP.NET:
// an optional role service of the Web Server role, or a module downloaded
// and installed on its own. Each fact is cited in docs/servers.md.
type AddOn struct {
	Key  string // as written after "+" in --server: "rewrite"
	Name string // "URL Rewrite 2"
	// Sections are the section paths (or path prefixes ending in "/") the
	// add-on owns.
	Sections []string
	// Switch, when set, is the attribute that turns the feature on
	// ("enabled"): a section element needs the add-on only when that
	// attribute is "true", or absent and SwitchDefault is true.
	Switch        string
	SwitchDefault bool
	// Modules are the names of the add-on's native modules, as a
	// system.webServer/handlers entry names them in modules="...".
	Modules []string
	// Declared: a stock IIS 10 applicationHost.config declares the
	// add-on's sections even when it is not installed (an optional role
	// service), so IIS reads them without HTTP 500.19; the feature simply
	// does nothing.
	Declared bool
	// AppHostOnly: its sections are declared allowDefinition="AppHostOnly",
	// so a web.config never sets them, installed or not.
	AppHostOnly bool
	// Feature is the Windows feature that installs it (Install-WindowsFeature
	// on Windows Server); Download, for an add-on that is no Windows
	// feature, where it is downloaded.
	Feature  string
	Download string
}

// AddOns are the add-ons iiscfg knows, in the order "requires" lists them.
var AddOns = []*AddOn{
	{Key: "rewrite", Name: "URL Rewrite 2", Sections: []string{"system.webServer/rewrite/"},
		Download: "https://www.iis.net/downloads/microsoft/url-rewrite"},
	{Key: "aspnetcore", Name: "ASP.NET Core Module V2", Sections: []string{"system.webServer/aspNetCore"},
		Modules: []string{"AspNetCoreModuleV2", "AspNetCoreModule"}, Download: "https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/hosting-bundle"},
	{Key: "arr", Name: "Application Request Routing 3", Sections: []string{"system.webServer/proxy", "system.webServer/diskCache"},
		AppHostOnly: true, Download: "https://www.iis.net/downloads/microsoft/application-request-routing"},
	{Key: "httpplatform", Name: "HttpPlatformHandler", Sections: []string{"system.webServer/httpPlatform"},
		Modules: []string{"httpPlatformHandler"}, Download: "https://www.iis.net/downloads/microsoft/httpplatformhandler"},
	{Key: "iisnode", Name: "iisnode", Sections: []string{"system.webServer/iisnode"},
		Modules: []string{"iisnode"}, Download: "https://github.com/Azure/iisnode/releases"},
	{Key: "cors", Name: "IIS CORS Module", Sections: []string{"system.webServer/cors"},
		Download: "https://www.iis.net/downloads/microsoft/iis-cors-module"},
	{Key: "websocket", Name: "WebSocket Protocol", Sections: []string{"system.webServer/webSocket"},
		Switch: "enabled", SwitchDefault: true, Declared: true, Feature: "Web-WebSockets"},
	{Key: "windowsauth", Name: "Windows Authentication", Sections: []string{"system.webServer/security/authentication/windowsAuthentication"},
		Switch: "enabled", Declared: true, Feature: "Web-Windows-Auth"},
	{Key: "basicauth", Name: "Basic Authentication", Sections: []string{"system.webServer/security/authentication/basicAuthentication"},
		Switch: "enabled", Declared: true, Feature: "Web-Basic-Auth"},
	{Key: "digestauth", Name: "Digest Authentication", Sections: []string{"system.webServer/security/authentication/digestAuthentication"},
		Switch: "enabled", Declared: true, Feature: "Web-Digest-Auth"},
	{Key: "ipsecurity", Name: "IP and Domain Restrictions", Sections: []string{"system.webServer/security/ipSecurity", "system.webServer/security/dynamicIpSecurity"},
		Declared: true, Feature: "Web-IP-Security"},
	{Key: "urlauth", Name: "URL Authorization", Sections: []string{"system.webServer/security/authorization"},
		Declared: true, Feature: "Web-Url-Auth"},
	{Key: "appinit", Name: "Application Initialization", Sections: []string{"system.webServer/applicationInitialization"},
		Declared: true, Feature: "Web-AppInit"},
	{Key: "dyncompression", Name: "Dynamic Content Compression", Sections: []string{"system.webServer/urlCompression"},
		Switch: "doDynamicCompression", Declared: true, Feature: "Web-Dyn-Compression"},
	{Key: "httpredirect", Name: "HTTP Redirection", Sections: []string{"system.webServer/httpRedirect"},
		Switch: "enabled", Declared: true, Feature: "Web-Http-Redirect"},
	{Key: "cgi", Name: "CGI and FastCGI", Modules: []string{"CgiModule", "FastCgiModule"},
		Declared: true, Feature: "Web-CGI"},
	{Key: "asp", Name: "ASP (classic)", Sections: []string{"system.webServer/asp"},
		Declared: true, Feature: "Web-ASP"},
	{Key: "ssi", Name: "Server Side Includes", Sections: []string{"system.webServer/serverSideInclude"},
		Modules: []string{"ServerSideIncludeModule"}, Declared: true, Feature: "Web-Includes"},
	{Key: "tracing", Name: "Failed Request Tracing", Sections: []string{"system.webServer/tracing/traceFailedRequests"},
		Declared: true, Feature: "Web-Http-Tracing"},
}

// AddOnOf returns the add-on that owns a section, or nil. Section names
// are case-sensitive, as IIS reads them: <Rewrite> is no URL Rewrite section.
func AddOnOf(section string) *AddOn {
	for _, a := range AddOns {
		for _, s := range a.Sections {
			if section == s || (strings.HasSuffix(s, "/") && len(section) > len(s) && strings.HasPrefix(section, s)) {
				return a
			}
		}
	}
	return nil
}

// AddOnOfModule returns the add-on whose native module a handler names,
// or nil.
func AddOnOfModule(module string) *AddOn {
	for _, a := range AddOns {
		for _, m := range a.Modules {
			if strings.EqualFold(strings.TrimSpace(module), m) {
				return a
			}
		}
	}
	return nil
}

// SwitchedOn reports whether a section element of the add-on uses it: a
// feature its own switch turns off (<windowsAuthentication
// enabled="false"/>) needs nothing installed. A section an undeclared
// add-on owns is read, on or off, so it always needs the add-on.
func (a *AddOn) SwitchedOn(e *etree.Element) bool {
	if a.Switch == "" || !a.Declared {
		return true
	}
	v, ok := "", false
	for _, at := range e.Attr {
		if at.Space == "" && at.Key == a.Switch {
			v, ok = strings.TrimSpace(at.Value), true
		}
	}
	if !ok {
		return a.SwitchDefault
	}
	return strings.EqualFold(v, "true")
}

// Install says how the add-on is installed, in a few words.
func (a *AddOn) Install() string {
	if a.Feature != "" {
		return "Windows feature " + a.Feature
	}
	return "download " + a.Download
}

// ServerProfile is a kind of server.
type ServerProfile struct {
	Name string
	// Installed are the add-ons (by key) the server has.
	Installed map[string]bool
	// Explicit: the user named the server (--server, IISCFG_SERVER,
	// server: in .iiscfg.yaml), so what it lacks is known, not guessed.
	Explicit bool
	// Unlocked are the sections the server's applicationHost.config opens
	// to web.config files although their declaration says
	// overrideModeDefault="Deny".
	Unlocked map[string]bool
	// Unknown are the add-ons no public source says the server has or
	// lacks: requires names them as such, lint never counts them missing.
	Unknown map[string]bool
}

// Has reports whether the server has an add-on.
func (p *ServerProfile) Has(a *AddOn) bool { return p.Installed[a.Key] }

// Lacks reports whether the server is known not to have an add-on.
func (p *ServerProfile) Lacks(a *AddOn) bool { return !p.Installed[a.Key] && !p.Unknown[a.Key] }

// OverrideMode is the lock state of a section for a web.config on this
// server: the declaration's overrideModeDefault, unless the server unlocks it.
func (p *ServerProfile) OverrideMode(section string) string {
	if p.Unlocked[section] {
		return "Allow"
	}
	if reg := Declared(section); reg != nil && reg.OverrideModeDefault != "" {
		return reg.OverrideModeDefault
	}
	return "Allow"
}

// ServerNames are the profiles --server accepts.
var ServerNames = []string{"iis10", "iisexpress", "azure-app-service", "none"}

// serverProfile is what one kind of server has and unlocks
// (docs/servers.md).
type serverProfile struct {
	installed []string
	unlocked  []string
	unknown   []string
}

// stockUnlocked: a stock applicationHost.config (IIS 10 and IIS Express)
// opens modules and handlers with <location path="" overrideMode="Allow">.
var stockUnlocked = []string{"system.webServer/modules", "system.webServer/handlers"}

var profiles = map[string]serverProfile{
	// A stock IIS 10 with ASP.NET 4.x: no optional role service, no add-on.
	"iis10": {unlocked: stockUnlocked},
	// IIS Express 10 ships every role service's module and URL Rewrite;
	// its locks are IIS 10's. The ASP.NET Core Module comes with Visual
	// Studio's ASP.NET workload, so whether it is there is not known.
	"iisexpress": {installed: []string{"rewrite", "websocket", "windowsauth", "basicauth", "digestauth", "ipsecurity",
		"urlauth", "appinit", "dyncompression", "httpredirect", "cgi", "asp", "ssi", "tracing"}, unlocked: stockUnlocked,
		unknown: []string{"aspnetcore"}},
	// Azure App Service (Windows): what its platform installs and which of
	// the Deny sections it opens to web.config files.
	"azure-app-service": {installed: []string{"rewrite", "aspnetcore", "arr", "httpplatform", "iisnode", "websocket",
		"ipsecurity", "appinit", "cgi", "tracing"},
		unlocked: append([]string{"system.webServer/webSocket", "system.webServer/security/ipSecurity",
			"system.webServer/security/dynamicIpSecurity"}, stockUnlocked...),
		unknown: []string{"cors", "windowsauth", "basicauth", "digestauth", "urlauth", "dyncompression", "httpredirect", "asp", "ssi"}},
}

// ParseServer reads a --server value: a profile name, optionally followed
// by "+addon" for each add-on the server also has ("iis10+rewrite+aspnetcore").
// "none" (nil profile) assumes nothing.
func ParseServer(s string) (*ServerProfile, error) {
	parts := strings.Split(strings.ToLower(strings.TrimSpace(s)), "+")
	name := parts[0]
	if name == "none" {
		if len(parts) > 1 {
			return nil, fmt.Errorf("--server none takes no add-ons")
		}
		return nil, nil
	}
	base, ok := profiles[name]
	if !ok {
		return nil, fmt.Errorf("unknown server %q (want %s, optionally with +ADDON: %s)", s, strings.Join(ServerNames, ", "), strings.Join(addOnKeys(), ", "))
	}
	p := &ServerProfile{Name: strings.Join(parts, "+"), Installed: map[string]bool{}, Unlocked: map[string]bool{}, Unknown: map[string]bool{}, Explicit: true}
	for _, k := range base.unknown {
		p.Unknown[k] = true
	}
	for _, k := range base.installed {
		p.Installed[k] = true
	}
	for _, k := range parts[1:] {
		if !isAddOn(k) {
			return nil, fmt.Errorf("unknown add-on %q in --server %q (want one of %s)", k, s, strings.Join(addOnKeys(), ", "))
		}
		p.Installed[k] = true
		delete(p.Unknown, k)
	}
	for _, sec := range base.unlocked {
		p.Unlocked[sec] = true
	}
	return p, nil
}

func isAddOn(k string) bool { return AddOnByKey(k) != nil }

// AddOnByKey returns the add-on of a --server key ("rewrite"), or nil.
func AddOnByKey(k string) *AddOn {
	for _, a := range AddOns {
		if a.Key == k {
			return a
		}
	}
	return nil
}

func addOnKeys() []string {
	var out []string
	for _, a := range AddOns {
		out = append(out, a.Key)
	}
	sort.Strings(out)
	return out
}

// DefaultServer is the profile lint assumes when none is named: a stock
// IIS 10 with ASP.NET, whose add-ons are unknown.
func DefaultServer() *ServerProfile {
	p, _ := ParseServer("iis10")
	p.Explicit = false
	return p
}

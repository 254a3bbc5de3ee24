package schema

import (
	"fmt"
	"sort"
	"strings"
)

// Server profiles: what a server iiscfg lints against without its
// applicationHost.config has installed and locks (docs/servers.md).

// AddOn is an installable IIS feature or module whose sections a web.config
// may use.
type AddOn struct {
	Key  string // as written after "+" in --server: "rewrite"
	Name string // "URL Rewrite 2"
	// Sections are the section paths (or path prefixes ending in "/") the
	// add-on owns.
	Sections []string
	// Declared: a stock IIS 10 applicationHost.config declares its
	// sections even when the feature is not installed (an optional role
	// service), so IIS reads them without HTTP 500.19; the feature simply
	// does nothing.
	Declared bool
}

// AddOns are the add-ons iiscfg knows, in the order "requires" lists them.
var AddOns = []*AddOn{
	{Key: "rewrite", Name: "URL Rewrite 2", Sections: []string{"system.webServer/rewrite/"}},
	{Key: "aspnetcore", Name: "ASP.NET Core Module V2", Sections: []string{"system.webServer/aspNetCore"}},
	{Key: "arr", Name: "Application Request Routing 3", Sections: []string{"system.webServer/proxy", "system.webServer/diskCache"}},
	{Key: "httpplatform", Name: "HttpPlatformHandler", Sections: []string{"system.webServer/httpPlatform"}},
	{Key: "iisnode", Name: "iisnode", Sections: []string{"system.webServer/iisnode"}},
	{Key: "websocket", Name: "WebSocket Protocol", Sections: []string{"system.webServer/webSocket"}, Declared: true},
	{Key: "windowsauth", Name: "Windows Authentication", Sections: []string{"system.webServer/security/authentication/windowsAuthentication"}, Declared: true},
	{Key: "basicauth", Name: "Basic Authentication", Sections: []string{"system.webServer/security/authentication/basicAuthentication"}, Declared: true},
	{Key: "ipsecurity", Name: "IP and Domain Restrictions", Sections: []string{"system.webServer/security/ipSecurity", "system.webServer/security/dynamicIpSecurity"}, Declared: true},
	{Key: "appinit", Name: "Application Initialization", Sections: []string{"system.webServer/applicationInitialization"}, Declared: true},
	{Key: "urlauth", Name: "URL Authorization", Sections: []string{"system.webServer/security/authorization"}, Declared: true},
}

// AddOnOf returns the add-on that owns a section, or nil.
func AddOnOf(section string) *AddOn {
	for _, a := range AddOns {
		for _, s := range a.Sections {
			if section == s || (strings.HasSuffix(s, "/") && strings.HasPrefix(section, s)) {
				return a
			}
		}
	}
	return nil
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
}

// Has reports whether the server has an add-on.
func (p *ServerProfile) Has(a *AddOn) bool { return p.Installed[a.Key] }

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

// stockUnlocked: a stock applicationHost.config (IIS 10 and IIS Express)
// opens modules and handlers with <location path="" overrideMode="Allow">
// (docs/servers.md).
var stockUnlocked = []string{"system.webServer/modules", "system.webServer/handlers"}

var profiles = map[string][]string{
	"iis10":             nil,
	"iisexpress":        {"rewrite"},
	"azure-app-service": {"rewrite", "aspnetcore", "arr", "httpplatform", "iisnode", "websocket"},
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
		return nil, fmt.Errorf("unknown server %q (want %s, optionally with +%s)", s, strings.Join(ServerNames, ", "), strings.Join(addOnKeys(), ", +"))
	}
	p := &ServerProfile{Name: s, Installed: map[string]bool{}, Unlocked: map[string]bool{}, Explicit: true}
	for _, k := range base {
		p.Installed[k] = true
	}
	for _, k := range parts[1:] {
		if !isAddOn(k) {
			return nil, fmt.Errorf("unknown add-on %q in --server %q (want one of %s)", k, s, strings.Join(addOnKeys(), ", "))
		}
		p.Installed[k] = true
	}
	for _, sec := range stockUnlocked {
		p.Unlocked[sec] = true
	}
	return p, nil
}

func isAddOn(k string) bool {
	for _, a := range AddOns {
		if a.Key == k {
			return true
		}
	}
	return false
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

package validate_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// addOnWeb uses every undeclared add-on section iiscfg knows, twice for
// URL Rewrite (rules and rewriteMaps, and again in a <location>).
const addOnWeb = `<configuration>
  <system.webServer>
    <rewrite>
      <rules />
      <rewriteMaps />
    </rewrite>
    <aspNetCore processPath="dotnet" />
    <httpPlatform processPath="node.exe" />
    <iisnode nodeProcessCommandLine="node.exe" />
    <webSocket enabled="true" />
  </system.webServer>
  <location path="api">
    <system.webServer>
      <rewrite><rules /></rewrite>
    </system.webServer>
  </location>
</configuration>`

func lintModules(t *testing.T, text string, ctx validate.Context) []string {
	t.Helper()
	ctx.Enabled = validate.OnlyRules("module-not-installed")
	var out []string
	for _, f := range validate.Lint(mustLoad(t, "web.config", text), ctx) {
		out = append(out, fmt.Sprintf("%d:%d %s %s", f.Start.Line, f.Start.Column, f.Severity, f.Message))
	}
	return out
}

func TestModuleNotInstalled(t *testing.T) {
	profile := func(s string) *schema.ServerProfile {
		p, err := schema.ParseServer(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		name    string
		profile *schema.ServerProfile
		want    []string
	}{
		// One finding per add-on and file, on <rewrite> itself; WebSocket
		// is declared on every IIS 10, so it is locked-section's business.
		{"assumed stock IIS 10", schema.DefaultServer(), []string{
			"3:5 info system.webServer/rewrite needs URL Rewrite 2, which a stock IIS 10 does not have",
			"7:5 info system.webServer/aspNetCore needs ASP.NET Core Module V2, which a stock IIS 10 does not have",
			"8:5 info system.webServer/httpPlatform needs HttpPlatformHandler, which a stock IIS 10 does not have",
			"9:5 info system.webServer/iisnode needs iisnode, which a stock IIS 10 does not have",
		}},
		{"named iis10", profile("iis10+httpplatform"), []string{
			`3:5 error system.webServer/rewrite needs URL Rewrite 2, which the "iis10+httpplatform" server (--server) does not have`,
			`7:5 error system.webServer/aspNetCore needs ASP.NET Core Module V2, which the "iis10+httpplatform" server (--server) does not have`,
			`9:5 error system.webServer/iisnode needs iisnode, which the "iis10+httpplatform" server (--server) does not have`,
		}},
		// IIS Express may have the ASP.NET Core Module (Visual Studio
		// installs it): not reported.
		{"iisexpress", profile("iisexpress+iisnode"), []string{
			`8:5 error system.webServer/httpPlatform needs HttpPlatformHandler, which the "iisexpress+iisnode" server (--server) does not have`,
		}},
		{"azure-app-service", profile("azure-app-service"), nil},
		{"none", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := validate.DefaultContext(schema.V40)
			ctx.Profile = tc.profile
			if got := lintModules(t, addOnWeb, ctx); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestModuleNotInstalledDeclaredElsewhere: a file that declares the section
// itself, or one linted under an applicationHost.config (whose declarations
// are undeclared-section's to judge), is never reported.
func TestModuleNotInstalledDeclaredElsewhere(t *testing.T) {
	ctx := validate.DefaultContext(schema.V40)
	ctx.Profile, _ = schema.ParseServer("iis10")
	declared := `<configuration>
  <configSections>
    <sectionGroup name="system.webServer"><section name="aspNetCore" /></sectionGroup>
  </configSections>
  <system.webServer><aspNetCore processPath="dotnet" /></system.webServer>
</configuration>`
	if got := lintModules(t, declared, ctx); len(got) != 0 {
		t.Errorf("section declared by the file itself: %v", got)
	}
	host := mustLoad(t, "applicationHost.config", `<configuration><configSections>
  <sectionGroup name="system.webServer"><section name="aspNetCore" /></sectionGroup>
</configSections></configuration>`)
	ctx.Above = []config.Source{{Doc: host}}
	ctx.Prefix = "Site"
	if got := lintModules(t, `<configuration><system.webServer><aspNetCore processPath="dotnet" /><iisnode /></system.webServer></configuration>`, ctx); len(got) != 0 {
		t.Errorf("under applicationHost.config: %v", got)
	}
}

// roleServiceWeb switches on role services a stock IIS 10 lacks: URL
// Authorization, Application Initialization, dynamic compression; HTTP
// Redirection is switched off, and ipSecurity is locked on IIS 10.
const roleServiceWeb = `<configuration>
  <system.webServer>
    <security>
      <authorization><add accessType="Deny" users="?" /></authorization>
      <ipSecurity allowUnlisted="false" />
    </security>
    <applicationInitialization><add initializationPage="/" /></applicationInitialization>
    <httpRedirect enabled="false" />
    <urlCompression doDynamicCompression="true" />
  </system.webServer>
</configuration>`

func TestFeatureNotInstalled(t *testing.T) {
	lint := func(profile *schema.ServerProfile) []string {
		ctx := validate.DefaultContext(schema.V40)
		ctx.Profile = profile
		ctx.Enabled = validate.OnlyRules("feature-not-installed")
		var out []string
		for _, f := range validate.Lint(mustLoad(t, "web.config", roleServiceWeb), ctx) {
			out = append(out, fmt.Sprintf("%d:%d %s %s", f.Start.Line, f.Start.Column, f.Severity, f.Message))
		}
		return out
	}
	server := func(s string) *schema.ServerProfile {
		p, err := schema.ParseServer(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	want := []string{
		`4:7 error system.webServer/security/authorization needs the URL Authorization role service, which the "iis10+appinit" server (--server) does not have`,
		`9:5 warning system.webServer/urlCompression needs the Dynamic Content Compression role service, which the "iis10+appinit" server (--server) does not have`,
	}
	if got := lint(server("iis10+appinit")); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("iis10+appinit:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// IIS Express has them all; App Service has Application Initialization
	// and leaves the others unknown; an unnamed server is not judged.
	for name, p := range map[string]*schema.ServerProfile{
		"iisexpress": server("iisexpress"), "azure-app-service": server("azure-app-service"),
		"unnamed": schema.DefaultServer(), "none": nil,
	} {
		if got := lint(p); len(got) != 0 {
			t.Errorf("%s: %v", name, got)
		}
	}
}

// TestLockedSectionHelpPerServer: where a named server is unlocked.
func TestLockedSectionHelpPerServer(t *testing.T) {
	web := `<configuration><system.webServer><security><authentication><windowsAuthentication enabled="true" /></authentication></security></system.webServer></configuration>`
	for server, want := range map[string]string{
		"azure-app-service": `applicationHost.xdt transform in D:\home\site`,
		"iisexpress":        ".vs/config/applicationhost.config",
		"iis10":             `set it in applicationHost.config (<location path="Site/app">)`,
	} {
		ctx := validate.DefaultContext(schema.V40)
		ctx.Profile, _ = schema.ParseServer(server)
		ctx.Enabled = validate.OnlyRules("locked-section")
		fs := validate.Lint(mustLoad(t, "web.config", web), ctx)
		if len(fs) != 1 || !strings.Contains(fs[0].Help, want) {
			t.Errorf("%s: %v", server, fs)
		}
	}
}

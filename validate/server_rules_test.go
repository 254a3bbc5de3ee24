package validate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

func mustLoad(t *testing.T, name, text string) *config.Document {
	t.Helper()
	d, err := config.Load(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// lintUnder lints web under applicationHost.config host, as the site
// root's web.config of "Site" with nested applications exclude.
func lintUnder(host, web *config.Document, exclude []string, rules ...string) []string {
	ctx := validate.DefaultContext(schema.V40)
	ctx.Above = []config.Source{{Doc: host}}
	ctx.Prefix, ctx.Exclude = "Site", exclude
	ctx.Enabled = validate.OnlyRules(rules...)
	var out []string
	for _, f := range validate.Lint(web, ctx) {
		out = append(out, fmt.Sprintf("%d:%d %s: %s", f.Start.Line, f.Start.Column, f.Rule.Name, f.Message))
	}
	return out
}

const rewriteWeb = `<configuration>
  <system.webServer>
    <rewrite>
      <rules>
        <rule name="Proxy">
          <match url="^api/(.*)" />
          <serverVariables>
            <set name="HTTP_X_ORIGINAL_HOST" value="{HTTP_HOST}" />
            <set name="http_x_forwarded_proto" value="https" />
          </serverVariables>
          <action type="Rewrite" url="http://backend/{R:1}" />
        </rule>
      </rules>
    </rewrite>
  </system.webServer>
</configuration>
`

// TestRewriteWithAppHost: with applicationHost.config, rewrite-proxy reads
// system.webServer/proxy and rewrite-server-variable-not-allowed reads
// allowedServerVariables (add, remove, clear; per location; any case).
func TestRewriteWithAppHost(t *testing.T) {
	web := mustLoad(t, "web.config", rewriteWeb)
	rules := []string{"rewrite-proxy", "rewrite-server-variable-not-allowed"}
	cases := []struct {
		name, host string
		want       []string
	}{
		{"no proxy, nothing allowed", `<configuration><system.applicationHost/></configuration>`, []string{
			`8:18 rewrite-server-variable-not-allowed: rule "Proxy" sets server variable "HTTP_X_ORIGINAL_HOST", which allowedServerVariables in applicationHost.config does not list: URL Rewrite answers HTTP 500.50 ("The server variable is not allowed to be set"); add it on the server`,
			`9:18 rewrite-server-variable-not-allowed: rule "Proxy" sets server variable "http_x_forwarded_proto", which allowedServerVariables in applicationHost.config does not list: URL Rewrite answers HTTP 500.50 ("The server variable is not allowed to be set"); add it on the server`,
			`11:34 rewrite-proxy: a Rewrite to "http://backend/{R:1}" is a reverse proxy: it needs Application Request Routing installed with system.webServer/proxy enabled="true", else IIS answers HTTP 404.4; enable the proxy, or use type="Redirect"`,
		}},
		{"proxy on, one allowed for the site", `<configuration><system.applicationHost/>
  <system.webServer><proxy enabled="true" /></system.webServer>
  <location path="Site"><system.webServer><rewrite><allowedServerVariables>
    <add name="HTTP_X_FORWARDED_PROTO" /><add name="HTTP_X_ORIGINAL_HOST" /><remove name="HTTP_X_ORIGINAL_HOST" />
  </allowedServerVariables></rewrite></system.webServer></location>
</configuration>`, []string{
			`8:18 rewrite-server-variable-not-allowed: rule "Proxy" sets server variable "HTTP_X_ORIGINAL_HOST", which allowedServerVariables in applicationHost.config does not list: URL Rewrite answers HTTP 500.50 ("The server variable is not allowed to be set"); add it on the server`,
		}},
		{"both allowed server-wide, the proxy off", `<configuration><system.applicationHost/>
  <system.webServer><proxy enabled="false" /><rewrite><allowedServerVariables>
    <add name="HTTP_X_FORWARDED_PROTO" /><add name="HTTP_X_ORIGINAL_HOST" />
  </allowedServerVariables></rewrite></system.webServer>
  <location path="Other"><system.webServer><rewrite><allowedServerVariables><clear /></allowedServerVariables></rewrite></system.webServer></location>
</configuration>`, []string{
			`11:34 rewrite-proxy: a Rewrite to "http://backend/{R:1}" is a reverse proxy: it needs Application Request Routing installed with system.webServer/proxy enabled="true", else IIS answers HTTP 404.4; enable the proxy, or use type="Redirect"`,
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			host := mustLoad(t, "applicationHost.config", tc.host)
			got := lintUnder(host, web, nil, rules...)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	// Without applicationHost.config nothing is known about the list.
	ctx := validate.DefaultContext(schema.V40)
	ctx.Enabled = validate.OnlyRules("rewrite-server-variable-not-allowed")
	if fs := validate.Lint(web, ctx); len(fs) != 0 {
		t.Errorf("lone file: %v", fs)
	}
}

// TestRewriteCorpusServer: the corpus reverse proxy is clean under its own
// applicationHost.config (ARR's proxy on, both variables allowed for the
// site), though alone it needs the proxy (rewrite-findings.txt).
func TestRewriteCorpusServer(t *testing.T) {
	dir, _ := testutil.CorpusFiles(t)
	read := func(rel string) *config.Document {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		return mustLoad(t, filepath.Base(rel), string(data))
	}
	host := read("applicationhost/mattgillard__iis-reverse-proxy__applicationHost.config")
	web := read("webconfig/mattgillard__iis-reverse-proxy__web.config")
	ctx := validate.DefaultContext(schema.V40)
	ctx.Above = []config.Source{{Doc: host}}
	ctx.Prefix = "Default Web Site"
	ctx.Enabled = validate.OnlyRules("rewrite-proxy", "rewrite-server-variable-not-allowed")
	if fs := validate.Lint(web, ctx); len(fs) != 0 {
		t.Errorf("findings under the repository's own server: %v", fs)
	}
}

// TestANCMHandlerInherited: a site root's aspNetCore handler reaches the
// nested applications unless a <location inheritInChildApplications=
// "false"> holds it.
func TestANCMHandlerInherited(t *testing.T) {
	host := mustLoad(t, "applicationHost.config", `<configuration><system.applicationHost/></configuration>`)
	exposed := mustLoad(t, "web.config", `<configuration>
  <system.webServer>
    <handlers>
      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
    </handlers>
    <aspNetCore processPath="dotnet" arguments=".\Site.dll" hostingModel="inprocess" />
  </system.webServer>
</configuration>
`)
	wrapped := mustLoad(t, "web.config", `<configuration>
  <location path="." inheritInChildApplications="false">
    <system.webServer>
      <handlers>
        <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
      </handlers>
    </system.webServer>
  </location>
</configuration>
`)
	got := lintUnder(host, exposed, []string{"Site/api", "Other/app"}, "ancm-handler-inherited")
	want := `4:12 ancm-handler-inherited: handler "aspNetCore" runs the ASP.NET Core Module and is inherited by nested application "Site/api", which then collide with it (HTTP 500.19 duplicate "aspNetCore") or send requests to this app's process; wrap it and the aspNetCore section in <location path="." inheritInChildApplications="false">`
	if strings.Join(got, "\n") != want {
		t.Errorf("got %q", got)
	}
	if got := lintUnder(host, wrapped, []string{"Site/api"}, "ancm-handler-inherited"); len(got) != 0 {
		t.Errorf("wrapped: %q", got)
	}
	if got := lintUnder(host, exposed, nil, "ancm-handler-inherited"); len(got) != 0 {
		t.Errorf("no nested application: %q", got)
	}
}

// TestSecurityEffectiveAlongChain: the security rules judge the effective
// setting: machine.config's <deployment retail="true"> turns debug,
// tracing and detailed ASP.NET errors off.
func TestSecurityEffectiveAlongChain(t *testing.T) {
	web := mustLoad(t, "web.config", `<configuration><system.web>
  <compilation debug="true" /><trace enabled="true" /><customErrors mode="Off" />
</system.web></configuration>`)
	machine := mustLoad(t, "machine.config", `<configuration><system.web><deployment retail="true" /></system.web></configuration>`)
	ctx := validate.DefaultContext(schema.V40)
	ctx.Enabled = validate.OnlyRules("debug-compilation", "trace-enabled", "custom-errors-off")
	if got := len(validate.Lint(web, ctx)); got != 3 {
		t.Errorf("alone: %d findings, want 3", got)
	}
	ctx.Above = []config.Source{{Doc: machine}}
	if fs := validate.Lint(web, ctx); len(fs) != 0 {
		t.Errorf("under retail machine.config: %v", fs)
	}

	// applicationHost.config is judged in its own pass (Path ""), once,
	// whatever its applications' web.config files say; the passes for each
	// application do not repeat it.
	host := mustLoad(t, "applicationHost.config", `<configuration><system.applicationHost/>
  <location path="Site/app"><system.webServer><directoryBrowse enabled="true" /><httpErrors errorMode="Detailed" /></system.webServer></location>
</configuration>`)
	app := mustLoad(t, "web.config", `<configuration><system.webServer><directoryBrowse enabled="false" /></system.webServer></configuration>`)
	names := func(fs []validate.Finding) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Rule.Name)
		}
		return strings.Join(out, " ")
	}
	hctx := validate.DefaultContext(schema.V40)
	hctx.Enabled = validate.OnlyRules("directory-browsing", "detailed-http-errors")
	if got := names(validate.Lint(host, hctx)); got != "directory-browsing detailed-http-errors" {
		t.Errorf("applicationHost.config's own pass: %v", got)
	}
	hctx.Path = "Site/app"
	hctx.Below = []config.Source{{Doc: app, Prefix: "Site/app"}}
	if got := names(validate.Lint(host, hctx)); got != "" {
		t.Errorf("the pass for Site/app repeats applicationHost.config's findings: %v", got)
	}
}

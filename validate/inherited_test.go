package validate_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// parentApp is a site root's web.config whose httpModules and identity a
// nested application inherits.
const parentApp = `<configuration>
  <system.web>
    <identity impersonate="true" />
    <httpModules>
      <add name="ErrorLog" type="Elmah.ErrorLogModule, Elmah" />
    </httpModules>
  </system.web>
</configuration>`

const host = `<configuration>
  <system.applicationHost>
    <sites>
      <site name="S" id="1">
        <application path="/"><virtualDirectory path="/" physicalPath="C:\s" /></application>
        <application path="/child"><virtualDirectory path="/" physicalPath="C:\c" /></application>
      </site>
    </sites>
  </system.applicationHost>
</configuration>`

func integratedFindings(doc *config.Document, ctx validate.Context) []string {
	ctx.Enabled = validate.OnlyRules("classic-http-modules", "classic-impersonation")
	var out []string
	for _, f := range validate.Lint(doc, ctx) {
		out = append(out, f.File+":"+itoa(f.Start.Line)+":"+itoa(f.Start.Column)+" "+f.Rule.Name+": "+f.Message)
	}
	return out
}

func itoa(i int) string { return fmt.Sprintf("%02d", i) }

// TestInheritedBlockers: a nested application that inherits a parent
// application's httpModules or impersonation fails in an Integrated pool
// too; lint names it on the nested application's own file, or on its
// <application> in applicationHost.config when it has none.
func TestInheritedBlockers(t *testing.T) {
	parent := config.MustLoad("site/web.config", []byte(parentApp))
	childCtx := func(child string) (*config.Document, validate.Context) {
		ctx := validate.DefaultContext(schema.V40)
		ctx.Above = []config.Source{{Doc: parent, Prefix: "S", ParentApp: true}}
		ctx.Prefix = "S/child"
		return config.MustLoad("child/web.config", []byte(child)), ctx
	}

	doc, ctx := childCtx(`<configuration/>`)
	got := integratedFindings(doc, ctx)
	want := []string{
		`child/web.config:01:01 classic-http-modules: this application inherits system.web/httpModules that adds "ErrorLog" from its parent application (site/web.config:4)`,
		`child/web.config:01:01 classic-impersonation: this application inherits <identity impersonate="true"/> without a userName from its parent application (site/web.config:3)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("nested application:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The nested application turns validation off: IIS no longer checks.
	doc, ctx = childCtx(`<configuration><system.webServer><validation validateIntegratedModeConfiguration="false" /></system.webServer></configuration>`)
	if got := integratedFindings(doc, ctx); len(got) != 0 {
		t.Errorf("with validation off: %v", got)
	}

	// The migrator asks only about its own document.
	doc, ctx = childCtx(`<configuration/>`)
	ctx.OwnOnly = true
	if got := integratedFindings(doc, ctx); len(got) != 0 {
		t.Errorf("OwnOnly: %v", got)
	}

	// The parent keeps its settings to itself.
	kept := config.MustLoad("site/web.config", []byte(`<configuration><location path="." inheritInChildApplications="false">`+
		strings.TrimSuffix(strings.TrimPrefix(parentApp, "<configuration>"), "</configuration>")+`</location></configuration>`))
	doc, ctx = childCtx(`<configuration/>`)
	ctx.Above[0].Doc = kept
	if got := integratedFindings(doc, ctx); len(got) != 0 {
		t.Errorf("inheritInChildApplications=false: %v", got)
	}

	// No web.config of its own: the finding goes on its <application>.
	hostDoc := config.MustLoad("applicationHost.config", []byte(host))
	hctx := validate.DefaultContext(schema.V40)
	hctx.Path, hctx.Scope = "S/child", "S/child"
	hctx.Below = []config.Source{{Doc: parent, Prefix: "S", ParentApp: true}}
	got = integratedFindings(hostDoc, hctx)
	if len(got) != 2 || !strings.HasPrefix(got[0], `applicationHost.config:06:09 classic-http-modules: S/child inherits system.web/httpModules`) {
		t.Errorf("applicationHost.config:\n%s", strings.Join(got, "\n"))
	}
	// With a web.config of its own, that file's pass reports it.
	hctx.Below = append(hctx.Below, config.Source{Doc: config.MustLoad("child/web.config", []byte(`<configuration/>`)), Prefix: "S/child"})
	if got := integratedFindings(hostDoc, hctx); len(got) != 0 {
		t.Errorf("applicationHost.config with the application's web.config: %v", got)
	}
}

// TestInheritedHandlers: a parent application's system.web/httpHandlers
// reach a nested application too (HTTP 500.23 there), per URL: the nested
// application is named on its own file, for the paths where IIS validates,
// and not where the nested application clears the list or turns
// validation off.
func TestInheritedHandlers(t *testing.T) {
	parent := config.MustLoad("site/web.config", []byte(`<configuration>
  <system.web>
    <httpHandlers>
      <add verb="POST,GET,HEAD" path="elmah.axd" type="Elmah.ErrorLogPageFactory, Elmah" />
    </httpHandlers>
  </system.web>
</configuration>`))
	lintChild := func(child string) []string {
		ctx := validate.DefaultContext(schema.V40)
		ctx.Above = []config.Source{{Doc: parent, Prefix: "S", ParentApp: true}}
		ctx.Prefix = "S/child"
		ctx.Enabled = validate.OnlyRules("classic-http-handlers")
		var out []string
		for _, f := range validate.Lint(config.MustLoad("child/web.config", []byte(child)), ctx) {
			out = append(out, f.File+":"+itoa(f.Start.Line)+":"+itoa(f.Start.Column)+" "+f.Message)
		}
		return out
	}
	want := `child/web.config:01:01 this application inherits system.web/httpHandlers that adds "elmah.axd (verb POST,GET,HEAD)" from its parent application (site/web.config:3)`
	if got := lintChild(`<configuration/>`); strings.Join(got, "\n") != want {
		t.Errorf("nested application:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	for name, child := range map[string]string{
		"validation off":              `<configuration><system.webServer><validation validateIntegratedModeConfiguration="false" /></system.webServer></configuration>`,
		"own list back to the root's": `<configuration><system.web><httpHandlers><remove verb="POST,GET,HEAD" path="elmah.axd" /></httpHandlers></system.web></configuration>`,
	} {
		if got := lintChild(child); len(got) != 0 {
			t.Errorf("%s: %v", name, got)
		}
	}
}

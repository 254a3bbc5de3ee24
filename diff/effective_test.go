package diff

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// effectiveChanges merges server then app along a two-file chain at "app"
// (the app file's location tags apply below it) and compares old and new
// app files.
func effectiveChanges(t *testing.T, server, oldApp, newApp string) []string {
	t.Helper()
	srv := config.MustLoad("server.config", []byte(server))
	side := func(name, app string) []config.EffectiveElement {
		chain := []config.Source{{Doc: srv}, {Doc: config.MustLoad(name, []byte(app)), Prefix: "app"}}
		var out []config.EffectiveElement
		for _, sec := range []*schema.Section{schema.HTTPHandlers, schema.Handlers, schema.Modules, schema.Validation} {
			base := func(p string) []config.Item {
				if p == schema.HTTPHandlers.Path {
					return config.ItemsFromEntries(schema.RootHTTPHandlers(schema.V40))[:3]
				}
				return nil
			}
			out = append(out, config.Effective(chain, sec, "app", base)...)
		}
		return out
	}
	var out []string
	for _, c := range Effective(side("old.config", oldApp), side("new.config", newApp), Options{}) {
		where := func(file string, p *config.Pos) string {
			if p == nil {
				return file
			}
			return fmt.Sprintf("%s:%d", file, p.Line)
		}
		out = append(out, fmt.Sprintf("%s %s %s→%s (%s → %s)", c.Kind.Symbol(), c.Where(), c.Old, c.New, where(c.OldFile, c.OldPos), where(c.NewFile, c.NewPos)))
	}
	return out
}

func TestEffective(t *testing.T) {
	server := `<configuration>
<system.webServer>
<handlers><add name="A" path="*.a" verb="*" type="TA"/><add name="B" path="*.b" verb="*" type="TB"/></handlers>
<modules runAllManagedModulesForAllRequests="true"><add name="M" type="TM"/></modules>
</system.webServer>
</configuration>`
	tests := []struct {
		name           string
		oldApp, newApp string
		want           []string
	}{
		{"equal files", `<configuration/>`, `<configuration><!-- c --></configuration>`, nil},
		{"a default written out is no change",
			`<configuration/>`,
			`<configuration><system.webServer><validation validateIntegratedModeConfiguration="true"/><handlers><remove name="X"/></handlers></system.webServer></configuration>`, nil},
		{"the same value set at another level is no change",
			`<configuration/>`,
			`<configuration><system.webServer><modules runAllManagedModulesForAllRequests="true"/></system.webServer></configuration>`, nil},
		{"an inherited entry removed, located in the file that added it",
			`<configuration/>`,
			`<configuration><system.webServer><handlers><remove name="A"/></handlers></system.webServer></configuration>`,
			[]string{"- system.webServer/handlers/add[@name='A'] name=\"A\" path=\"*.a\" verb=\"*\" type=\"TA\"→ (server.config:3 → )"}},
		{"a default overridden",
			`<configuration/>`,
			`<configuration>
<system.webServer><validation validateIntegratedModeConfiguration="false"/></system.webServer></configuration>`,
			[]string{"± system.webServer/validation/@validateIntegratedModeConfiguration true→false (default → new.config:2)"}},
		{"handlers prepend: a local entry goes first, the rest do not move",
			`<configuration/>`,
			`<configuration><system.webServer><handlers><add name="C" path="*.c" verb="*" type="TC"/></handlers></system.webServer></configuration>`,
			[]string{"+ system.webServer/handlers/add[@name='C'] →name=\"C\" path=\"*.c\" verb=\"*\" type=\"TC\" ( → new.config:1)"}},
		{"clear and re-add in another order is a move",
			`<configuration/>`,
			`<configuration><system.webServer><handlers><clear/><add name="B" path="*.b" verb="*" type="TB"/><add name="A" path="*.a" verb="*" type="TA"/></handlers></system.webServer></configuration>`,
			[]string{"⇆ system.webServer/handlers/add[@name='A'] entry 1→entry 2 (server.config:3 → new.config:1)"}},
		{"httpHandlers: duplicate keys by occurrence; built-in entries",
			`<configuration><system.web><httpHandlers><add path="*" verb="*" type="One"/></httpHandlers></system.web></configuration>`,
			`<configuration><system.web><httpHandlers><add path="*" verb="*" type="One"/><add path="*" verb="*" type="Two"/><remove path="trace.axd" verb="*"/></httpHandlers></system.web></configuration>`,
			[]string{
				"- system.web/httpHandlers/add[@path='trace.axd' and @verb='*'] path=\"trace.axd\" verb=\"*\" type=\"System.Web.Handlers.TraceHandler\" validate=\"True\"→ (built-in → )",
				// The second (path, verb) entry is the new one; the first stays.
				"+ system.web/httpHandlers/add[@path='*' and @verb='*'][2] →path=\"*\" verb=\"*\" type=\"Two\" ( → new.config:1)",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := effectiveChanges(t, server, tc.oldApp, tc.newApp)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

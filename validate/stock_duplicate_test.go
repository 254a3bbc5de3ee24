package validate_test

import (
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// TestStockDuplicateExplained: a duplicate of a stock list's entry says
// which servers have it and which <remove> fixes it; a key the file adds
// twice itself, or a file under an applicationHost.config, gets no such
// note.
func TestStockDuplicateExplained(t *testing.T) {
	web := `<configuration><system.webServer>
  <staticContent>
    <mimeMap fileExtension=".json" mimeType="application/json" />
    <mimeMap fileExtension=".zip" mimeType="application/zip" />
    <mimeMap fileExtension=".webmanifest" mimeType="application/manifest+json" />
    <mimeMap fileExtension=".webmanifest" mimeType="application/manifest+json" />
  </staticContent>
</system.webServer></configuration>`
	lint := func(ctx validate.Context) []string {
		ctx.Enabled = validate.OnlyRules("duplicate-collection-key")
		var out []string
		for _, f := range validate.Lint(mustLoad(t, "web.config", web), ctx) {
			out = append(out, itoa(f.Start.Line)+" "+f.Note+" | "+f.Help)
		}
		return out
	}
	want := []string{
		`03 a stock IIS 10 server already has it (IIS 7.5's list did not: the same file works there) | write <remove fileExtension=".json" /> just before it (removing an entry a server does not have is no error)`,
		`04 a stock IIS 10 server already has it | write <remove fileExtension=".zip" /> just before it (removing an entry a server does not have is no error)`,
		`06  | `,
	}
	if got := lint(validate.DefaultContext(schema.V40)); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Under a real applicationHost.config with the stock entries, its
	// list decides; no claim about stock servers.
	host := mustLoad(t, "applicationHost.config", `<configuration><system.webServer><staticContent>
  <mimeMap fileExtension=".json" mimeType="application/json" />
</staticContent></system.webServer></configuration>`)
	ctx := validate.DefaultContext(schema.V40)
	ctx.Above = []config.Source{{Doc: host}}
	ctx.Prefix = "Site"
	got := lint(ctx)
	if len(got) != 2 || got[0] != "03  | " {
		t.Errorf("under applicationHost.config: %q", got)
	}
}

// TestStockListPerServer: a web.config for IIS Express is judged against
// IIS Express's lists, which have entries a stock IIS 10 lacks (.woff2).
func TestStockListPerServer(t *testing.T) {
	web := `<configuration><system.webServer><staticContent>
  <mimeMap fileExtension=".woff2" mimeType="font/woff2" />
</staticContent></system.webServer></configuration>`
	rules := func(server string) []string {
		ctx := validate.DefaultContext(schema.V40)
		if server != "" {
			ctx.Profile, _ = schema.ParseServer(server)
		}
		ctx.Enabled = validate.OnlyRules("duplicate-collection-key", "add-without-remove")
		var out []string
		for _, f := range validate.Lint(mustLoad(t, "web.config", web), ctx) {
			out = append(out, f.Rule.Name+": "+f.Note)
		}
		return out
	}
	if got := rules("iisexpress"); len(got) != 1 || got[0] != "duplicate-collection-key: IIS Express already has it" {
		t.Errorf("iisexpress: %q", got)
	}
	for _, server := range []string{"", "iis10", "azure-app-service"} {
		if got := rules(server); len(got) != 1 || !strings.HasPrefix(got[0], "add-without-remove: ") {
			t.Errorf("%q: %q", server, got)
		}
	}
}

package validate

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// ANCMDuplicateEnvironmentVariable: one variable set twice.
var ANCMDuplicateEnvironmentVariable = register(&Rule{
	Code:     "IC507",
	Name:     "ancm-duplicate-environment-variable",
	Severity: Error,
	Summary:  `the same environmentVariable name twice in aspNetCore/environmentVariables: the app gets "a;b" or fails to start`,
	Doc: `IIS's schema gives aspNetCore/environmentVariables no unique key, so the configuration
system accepts two entries with the same name, here or one inherited from a parent web.config
and one added below it. The ASP.NET Core Module then passes both: in process the app reads
the values joined with ";" (ASPNETCORE_ENVIRONMENT="Development;Production" matches no
appsettings.{Environment}.json, dotnet/aspnetcore#4566), and out of process the duplicate
reaches the child process's environment block, where reading the environment throws "Item
has already been added" and the process dies at start (HTTP 502.5, dotnet/corefx#30341).
Windows compares variable names case-insensitively, and so does this rule.

The usual cause is Visual Studio adding ASPNETCORE_ENVIRONMENT to a web.config that already
has it, or a publish profile and a transform both adding it.

Fix it by keeping one entry per name; to change an inherited value below, start the
collection with <clear/> and add every variable again.`,
	check: checkANCMDuplicateEnvironmentVariable,
})

func checkANCMDuplicateEnvironmentVariable(p *pass) {
	for _, e := range p.ownElements(aspNetCoreSection) {
		// Each element is judged at its own path, against what applies
		// there, and reports only its own entries.
		path := p.pathOf(e)
		type entry struct {
			doc  *config.Document
			elem *etree.Element
		}
		seen := map[string]entry{}
		for _, l := range p.levels(aspNetCoreSection, path) {
			for _, s := range l.Elems {
				for _, vars := range s.SelectElements("environmentVariables") {
					for _, v := range vars.ChildElements() {
						switch v.Tag {
						case "clear":
							seen = map[string]entry{}
						case "environmentVariable":
							name := strings.ToUpper(strings.TrimSpace(v.SelectAttrValue("name", "")))
							if name == "" {
								continue
							}
							if first, dup := seen[name]; dup && s == e {
								p.reportAttr(v, "name", "environment variable %q is already set%s: the ASP.NET Core Module passes both (in process the app reads the values joined with \";\", out of process the process fails to start); keep one entry", v.SelectAttrValue("name", ""), p.where(first.doc, first.elem))
							}
							seen[name] = entry{l.Doc, v}
						}
					}
				}
			}
		}
	}
}

// where says where an element of a chain's document is: " on line N" in
// this document, " in FILE" in another one.
func (p *pass) where(doc *config.Document, e *etree.Element) string {
	if doc == p.doc {
		return fmt.Sprintf(" on line %d", doc.StartPos(e).Line)
	}
	return " in " + doc.Path
}

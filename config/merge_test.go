package config_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// mergeCases chain configuration files (applicationHost.config first, then
// web.config files with their configuration-path prefixes) and merge a
// collection at a path, as IIS does.
var mergeCases = []struct {
	name    string
	section *schema.Section
	path    string
	files   [][2]string // prefix, XML
}{
	{"append: child entries after inherited ones", schema.Modules, "Site/app", [][2]string{
		{"", `<configuration><system.webServer><modules><add name="A"/><add name="B"/></modules></system.webServer></configuration>`},
		{"Site/app", `<configuration><system.webServer><modules><add name="C"/></modules></system.webServer></configuration>`},
	}},
	{"prepend: handlers (mergeAppend=false) put the child's first", schema.Handlers, "Site/app", [][2]string{
		{"", `<configuration><system.webServer><handlers><add name="A" path="a" verb="*"/><add name="B" path="b" verb="*"/></handlers></system.webServer></configuration>`},
		{"Site", `<configuration><system.webServer><handlers><add name="S1" path="s" verb="*"/><add name="S2" path="t" verb="*"/></handlers></system.webServer></configuration>`},
		{"Site/app", `<configuration><system.webServer><handlers><add name="C" path="c" verb="*"/></handlers></system.webServer></configuration>`},
	}},
	{"clear drops everything before it", schema.Modules, "Site", [][2]string{
		{"", `<configuration><system.webServer><modules><add name="A"/></modules></system.webServer></configuration>`},
		{"Site", `<configuration><system.webServer><modules><add name="B"/><clear/><add name="C"/></modules></system.webServer></configuration>`},
	}},
	{"remove by key; httpModules names are not case-sensitive", schema.HTTPModules, "Site", [][2]string{
		{"", `<configuration><system.web><httpModules><add name="Session" type="S"/><add name="Profile" type="P"/></httpModules></system.web></configuration>`},
		{"Site", `<configuration><system.web><httpModules><remove name="session"/></httpModules></system.web></configuration>`},
	}},
	{"modules names are case-sensitive: remove of another case removes nothing", schema.Modules, "Site", [][2]string{
		{"", `<configuration><system.webServer><modules><add name="Session"/></modules></system.webServer></configuration>`},
		{"Site", `<configuration><system.webServer><modules><remove name="session"/></modules></system.webServer></configuration>`},
	}},
	{"duplicate unique key: IIS's 500.19 text", schema.Modules, "Site", [][2]string{
		{"", `<configuration><system.webServer><modules><add name="A" type="T"/></modules></system.webServer></configuration>`},
		{"Site", `<configuration><system.webServer><modules><add name="A" type="T2"/></modules></system.webServer></configuration>`},
	}},
	{"httpHandlers allows duplicates; remove takes (path, verb)", schema.HTTPHandlers, "Site", [][2]string{
		{"", `<configuration><system.web><httpHandlers><add path="*.x" verb="*" type="A"/></httpHandlers></system.web></configuration>`},
		{"Site", `<configuration><system.web><httpHandlers><add path="*.x" verb="*" type="B"/><add path="*.y" verb="GET" type="C"/><remove path="*.y" verb="POST"/></httpHandlers></system.web></configuration>`},
	}},
	{"location tags: applicationHost's, then the site file's, deepest last", schema.Modules, "Site/app/sub", [][2]string{
		{"", `<configuration><system.webServer><modules><add name="Server"/></modules></system.webServer>` +
			`<location path="Site/app/sub"><system.webServer><modules><add name="HostSub"/></modules></system.webServer></location>` +
			`<location path="Site"><system.webServer><modules><add name="HostSite"/></modules></system.webServer></location>` +
			`<location path="Other"><system.webServer><modules><add name="NotHere"/></modules></system.webServer></location></configuration>`},
		{"Site", `<configuration><location path="app"><system.webServer><modules><add name="SiteApp"/></modules></system.webServer></location>` +
			`<system.webServer><modules><add name="SiteRoot"/></modules></system.webServer></configuration>`},
	}},
	{"duplicate combined key where duplicates are not allowed", &schema.Section{Path: "x", Root: &schema.Element{Collection: &schema.Collection{Add: []string{"add"}, Remove: "remove", Clear: "clear", MergeAppend: true,
		Item: &schema.Element{Attrs: []*schema.Attribute{{Name: "fullPath", CombinedKey: true}, {Name: "arguments", CombinedKey: true}}}}}}, "", [][2]string{
		{"", `<configuration><x><add fullPath="php.exe" arguments=""/><add fullPath="php.exe" arguments=""/></x></configuration>`},
	}},
}

func TestMergeGolden(t *testing.T) {
	var b strings.Builder
	for _, tc := range mergeCases {
		var chain []config.Source
		for i, f := range tc.files {
			chain = append(chain, config.Source{Doc: config.MustLoad(fmt.Sprintf("file%d.config", i+1), []byte(f[1])), Prefix: f[0]})
		}
		c := config.NewCollection(tc.section.Root.Collection, nil)
		var errs []string
		for _, l := range config.LevelsAt(chain, tc.section.Path, tc.path) {
			for _, e := range c.ApplyLevel(l) {
				p := e.Doc.StartPos(e.Elem)
				errs = append(errs, fmt.Sprintf("%s:%d:%d: %s", e.Doc.Path, p.Line, p.Column, e.Msg))
			}
		}
		fmt.Fprintf(&b, "== %s\n%s at %q:\n", tc.name, tc.section.Path, tc.path)
		for _, it := range c.Items {
			var attrs []string
			for _, a := range it.Attrs {
				attrs = append(attrs, a.Name+"="+a.Value)
			}
			fmt.Fprintf(&b, "  %s %s  (%s)\n", it.Tag, strings.Join(attrs, " "), it.Doc.Path)
		}
		for _, e := range errs {
			fmt.Fprintf(&b, "  error: %s\n", e)
		}
	}
	golden := filepath.Join(testutil.RepoRoot(), "testdata", "merge", "merge.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil || string(want) != b.String() {
		t.Errorf("%s differs:\n%s", golden, b.String())
	}
}

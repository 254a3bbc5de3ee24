package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/schema"
)

// duplicateBase is an inherited list for every collection, as lint gives
// them: the stock server and root web.config lists, machine.config's.
func duplicateBase(p string) []config.Item {
	switch p {
	case "system.webServer/handlers":
		return stockHandlers
	case "system.webServer/modules":
		return stockModules
	case "system.web/httpHandlers":
		return rootHandlers
	case "system.web/httpModules":
		return rootModules
	}
	return config.ItemsFromEntries(schema.MachineConfigCollection(p))
}

var (
	stockHandlers = config.ItemsFromEntries(schema.AppHostHandlers(false))
	stockModules  = config.ItemsFromEntries(schema.AppHostModules(false))
	rootHandlers  = config.ItemsFromEntries(schema.RootHTTPHandlers(schema.V40))
	rootModules   = config.ItemsFromEntries(schema.RootHTTPModules(schema.V40))
)

// crafted are directive sequences a real file rarely has: clear, remove
// of an inherited key then its add, letter case, a multi-attribute key, a
// remove in a location, a duplicate in a parent.
var crafted = []string{
	`<configuration><system.webServer><handlers><remove name="PageHandlerFactory-Integrated-4.0"/><add name="pagehandlerfactory-integrated-4.0" path="*.aspx" verb="*" type="x"/><add name="PAGEHANDLERFACTORY-INTEGRATED-4.0" path="*.aspx" verb="*" type="y"/></handlers></system.webServer></configuration>`,
	`<configuration><system.webServer><modules><add name="UrlRoutingModule-4.0" type="x"/><clear/><add name="UrlRoutingModule-4.0" type="x"/><add name="a" type="x"/><remove name="A"/><add name="a" type="y"/><add name="A" type="z"/></modules></system.webServer></configuration>`,
	`<configuration><location path="sub"><system.webServer><security><requestFiltering><fileExtensions><add fileExtension=".a" allowed="false"/><add fileExtension=".A" allowed="true"/></fileExtensions><hiddenSegments><add segment="bin"/><add segment="Bin"/></hiddenSegments></requestFiltering></security></system.webServer></location>
<system.webServer><security><requestFiltering><fileExtensions><add fileExtension=".a" allowed="false"/></fileExtensions></requestFiltering></security><staticContent><mimeMap fileExtension=".k" mimeType="a/b"/><mimeMap fileExtension=".K" mimeType="a/b"/></staticContent></system.webServer></configuration>`,
	`<configuration><system.web><authorization><allow users="a" roles="r" verbs="GET"/><allow users="a" roles="r" verbs="GET"/><deny users="a"/></authorization><httpHandlers><add path="*.x" verb="*" type="t"/><add path="*.x" verb="*" type="t"/></httpHandlers><httpModules><add name="M" type="t"/><add name="m" type="t"/></httpModules></system.web>
<connectionStrings><add name="LocalSqlServer" connectionString="x"/><remove name="LocalSqlServer"/><add name="LocalSqlServer" connectionString="y"/></connectionStrings>
<appSettings><add key="k" value="1"/><add key="k" value="2"/><add key="ǅ" value="3"/><add key="ǆ" value="4"/></appSettings></configuration>`,
	manyAdds(),
}

// manyAdds is a level with more adds than duplicateKeys compares one by
// one: duplicates, removes and a clear before and after it changes to a
// set of folded keys.
func manyAdds() string {
	var b strings.Builder
	b.WriteString(`<configuration><appSettings>`)
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, `<add key="k%d" value="v"/>`, i)
		switch i {
		case 3, 15, 16, 17, 30:
			fmt.Fprintf(&b, `<add key="K%d" value="dup"/><remove key="k%d"/><add key="K%d" value="again"/><add key="k%d" value="dup"/>`, i, i-1, i-1, i-1)
		case 20:
			b.WriteString(`<clear/><add key="k3" value="after clear"/><add key="K3" value="dup"/>`)
		}
	}
	b.WriteString(`</appSettings><system.webServer><modules>`)
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, `<add name="m%d" type="t"/><add name="M%d" type="t"/>`, i, i)
	}
	b.WriteString(`<remove name="UrlRoutingModule-4.0"/><add name="urlroutingmodule-4.0" type="t"/><add name="UrlRoutingModule-4.0" type="t"/></modules></system.webServer></configuration>`)
	return b.String()
}

// TestDuplicatesMatchEffective: the key-only merge finds exactly the
// merge errors of the full merge (same elements, messages and keys, same
// order), for every section of every project fixture and corpus file, at
// the file's level and at each of its location paths, alone and below a
// parent that holds the same file.
func TestDuplicatesMatchEffective(t *testing.T) {
	var docs []*config.Document
	for i, s := range crafted {
		docs = append(docs, config.MustLoad("crafted"+string(rune('0'+i)), []byte(s)))
	}
	fixtures, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "lint", "*.config"))
	if len(fixtures) == 0 {
		t.Fatal("no fixtures in testdata/lint")
	}
	if _, err := os.Stat(filepath.Join(testutil.RepoRoot(), "..", "shared", "corpus")); err == nil {
		dir, names := testutil.CorpusFiles(t)
		for _, n := range names {
			fixtures = append(fixtures, filepath.Join(dir, n))
		}
	}
	for _, f := range fixtures {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := config.Load(f, data); err == nil {
			docs = append(docs, d)
		}
	}
	sections := schema.Sections()
	var paths []string
	for p := range sections {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	compared, errorsSeen := 0, 0
	for _, d := range docs {
		twin, err := config.Load(d.Path+" (parent)", d.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		at := []string{"sub"}
		for _, loc := range d.Locations() {
			at = append(at, config.JoinPath("sub", loc.Path))
		}
		chains := [][]config.Source{{{Doc: d, Prefix: "sub"}}, {{Doc: twin}, {Doc: d, Prefix: "sub"}}}
		for _, chain := range chains {
			for _, path := range at {
				for _, sp := range paths {
					sec := sections[sp]
					var want []config.MergeError
					for _, el := range config.Effective(chain, sec, path, duplicateBase) {
						want = append(want, el.Errors...)
					}
					got := config.Duplicates(chain, sec, path, duplicateBase)
					compared++
					errorsSeen += len(want)
					if len(got) != len(want) {
						t.Errorf("%s %s at %q (chain of %d): %d errors, want %d", d.Path, sp, path, len(chain), len(got), len(want))
						continue
					}
					for i := range want {
						g, w := got[i], want[i]
						if g.Doc != w.Doc || g.Elem != w.Elem || g.Msg != w.Msg || strings.Join(g.Key, "\x00") != strings.Join(w.Key, "\x00") {
							t.Errorf("%s %s at %q: error %d is %q on %p, want %q on %p", d.Path, sp, path, i, g.Msg, g.Elem, w.Msg, w.Elem)
						}
					}
				}
			}
		}
	}
	if errorsSeen < 20 {
		t.Errorf("only %d merge errors in %d comparisons: the fixtures no longer exercise duplicates", errorsSeen, compared)
	}
}

// TestFoldCaseASCIIPathAgreesWithRuneFolding checks FoldCase's byte-wise
// ASCII path against folding rune by rune (each rune to the smallest of
// its case orbit), and that equal folds are exactly strings.EqualFold.
func TestFoldCaseASCIIPathAgreesWithRuneFolding(t *testing.T) {
	byRune := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			smallest := r
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				smallest = min(smallest, f)
			}
			b.WriteRune(smallest)
		}
		return b.String()
	}
	inputs := []string{"", "a", "Z", "add", "ADD", "System.Web.UI.PageHandlerFactory", "*.axd", "ScriptModule-4.0",
		"name with spaces", "az{}[]@`", "k", "K", "\u212a", "stra\u00dfe", "STRASSE", "\u017f", "s", "caf\u00e9", "CAF\u00c9",
		"mixed\u00e9ASCII", "\x7f~", "0123456789", "ab\xffcd", "\xc3", "\u01c5\u01c6"}
	for _, s := range inputs {
		if got, want := config.FoldCase(s), byRune(s); got != want {
			t.Errorf("config.FoldCase(%q) = %q, folding rune by rune gives %q", s, got, want)
		}
		if got, want := string(config.AppendFoldCase([]byte("x"), s)), "x"+config.FoldCase(s); got != want {
			t.Errorf("config.AppendFoldCase(%q) = %q, want %q", s, got, want)
		}
		for _, u := range inputs {
			if (config.FoldCase(s) == config.FoldCase(u)) != strings.EqualFold(s, u) {
				t.Errorf("config.FoldCase(%q) == config.FoldCase(%q) is %v, strings.EqualFold says %v", s, u, config.FoldCase(s) == config.FoldCase(u), strings.EqualFold(s, u))
			}
		}
	}
}

package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// TestModuleAndHandlerIndexAgreeWithScanning: the maps behind
// classic-entry-not-migrated answer as comparing with every entry in
// order does (the first match wins), letter case and the Kelvin sign
// included.
func TestModuleAndHandlerIndexAgreeWithScanning(t *testing.T) {
	names := []string{"Session", "SESSION", "\u212aey", "key", "Stra\u00dfe", ""}
	types := []string{"A.B, Asm", "a.b", "C.D", ""}
	var items []config.Item
	for i, n := range names {
		for j, ty := range types {
			attrs := []schema.Attr{{Name: "name", Value: n}, {Name: "path", Value: strings.ToUpper(n) + "*"}}
			if ty != "" {
				attrs = append(attrs, schema.Attr{Name: "type", Value: ty})
			}
			var doc *config.Document
			if (i+j)%3 == 0 {
				doc = config.MustLoad("web.config", []byte("<configuration/>"))
			}
			items = append(items, config.Item{Tag: "add", Attrs: attrs, Doc: doc})
		}
	}
	scanFind := func(list []config.Item, name, typ string) (*config.Item, bool) {
		for i := range list {
			if strings.EqualFold(itemAttr(list[i], "name"), name) {
				return &list[i], typ == "" || strings.EqualFold(className(itemAttr(list[i], "type")), className(typ))
			}
		}
		if typ == "" {
			return nil, false
		}
		for i := range list {
			if strings.EqualFold(className(itemAttr(list[i], "type")), className(typ)) {
				return &list[i], true
			}
		}
		return nil, false
	}
	scanHandlerFor := func(list []config.Item, it config.Item) bool {
		for _, h := range list {
			if strings.EqualFold(itemAttr(h, "path"), itemAttr(it, "path")) &&
				(strings.EqualFold(className(itemAttr(h, "type")), className(itemAttr(it, "type"))) || h.Doc != nil && h.Doc.Kind() == config.KindWebConfig) {
				return true
			}
		}
		return false
	}
	for cut := 0; cut <= len(items); cut += 3 {
		list := items[:cut]
		mods, hands := newModuleIndex(list), newHandlerIndex(list)
		for _, it := range items {
			for _, typ := range append(types, "x.y") {
				name := itemAttr(it, "name")
				gm, gs := mods.find(name, typ)
				wm, ws := scanFind(list, name, typ)
				if gm != wm || gs != ws {
					t.Errorf("find(%q, %q) in %d entries = %v %v, want %v %v", name, typ, cut, gm, gs, wm, ws)
				}
			}
			if got, want := hands.hasHandlerFor(it), scanHandlerFor(list, it); got != want {
				t.Errorf("hasHandlerFor(%v) in %d entries = %v, want %v", it.Attrs, cut, got, want)
			}
		}
	}
}

// BenchmarkClassicEntryNotMigratedLong: a web.config with 2,000 httpHandlers
// and 2,000 handlers, 2,000 httpModules and 2,000 modules, validation off
// (ten times the longest corpus lists): each entry is looked up, not
// compared with every other.
func BenchmarkClassicEntryNotMigratedLong(b *testing.B) {
	const n = 2000
	var sb strings.Builder
	sb.WriteString("<configuration><system.web><httpModules>")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "<add name=\"M%d\" type=\"N.M%d, A\"/>", i, i)
	}
	sb.WriteString("</httpModules><httpHandlers>")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "<add path=\"p%d.axd\" verb=\"*\" type=\"N.H%d, A\"/>", i, i)
	}
	sb.WriteString("</httpHandlers></system.web><system.webServer><validation validateIntegratedModeConfiguration=\"false\"/><modules>")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "<add name=\"m%d\" type=\"N.M%d, A\"/>", n-1-i, n-1-i)
	}
	sb.WriteString("</modules><handlers>")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "<add name=\"h%d\" path=\"P%d.axd\" verb=\"*\" type=\"N.H%d, A\"/>", i, n-1-i, n-1-i)
	}
	sb.WriteString("</handlers></system.webServer></configuration>")
	doc := config.MustLoad("web.config", []byte(sb.String()))
	ctx := DefaultContext(schema.V40)
	ctx.Enabled = func(r *Rule) bool { return r == ClassicEntryNotMigrated }
	if fs := Check(doc, ctx).Findings; len(fs) != 0 {
		b.Fatalf("every entry has its counterpart, yet %d findings: %s", len(fs), fs[0].OneLine())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Check(doc, ctx)
	}
}

package config_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// A key is found in a long list (through an index) as in a short one (by
// scanning): letter case folded as strings.EqualFold folds it, so that the
// long s (U+017F) is an s.
func TestApplyLevelFoldsKeysAlikeInShortAndLongLists(t *testing.T) {
	coll := schema.HTTPModules.Root.Collection
	for _, n := range []int{2, 40} {
		inherited := make([]config.Item, n)
		for i := range inherited {
			inherited[i] = config.Item{Tag: "add", Attrs: []schema.Attr{{Name: "name", Value: fmt.Sprintf("m%d", i)}, {Name: "type", Value: "T"}}}
		}
		inherited[n-1].Attrs[0].Value = "Session"
		load := func(body string) config.Level {
			doc := config.MustLoad("web.config", []byte("<configuration><system.web><httpModules>"+body+"</httpModules></system.web></configuration>"))
			return config.LevelsAt([]config.Source{{Doc: doc}}, schema.HTTPModules.Path, "")[0]
		}

		c := config.NewCollection(coll, inherited)
		if errs := c.ApplyLevel(load(`<add name="Seßion" type="T"/><add name="ſession" type="T"/>`)); len(errs) != 1 || !strings.Contains(errs[0].Msg, "'ſession'") {
			t.Errorf("%d inherited: an add of ſession (Session inherited) gives %v, want one duplicate", n, errs)
		}

		c = config.NewCollection(coll, inherited)
		c.ApplyLevel(load(`<remove name="ſession"/>`))
		if len(c.Items) != n-1 {
			t.Errorf("%d inherited: <remove name=\"ſession\"> leaves %d items, want %d", n, len(c.Items), n-1)
		}

		var adds strings.Builder
		for i := 0; i < 20; i++ {
			fmt.Fprintf(&adds, `<add name="own%d" type="T"/>`, i)
		}
		c = config.NewCollection(coll, nil)
		if errs := c.ApplyLevel(load(adds.String() + `<add name="s" type="T"/><add name="ſ" type="T"/>`)); len(errs) != 1 {
			t.Errorf("a level of many adds: ſ after s gives %v, want one duplicate", errs)
		}
	}
}

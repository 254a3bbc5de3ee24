package validate

import (
	"fmt"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// TestItemIndexAgreesWithScanning: the hashed lookups of collectionChange
// answer as comparing with every item does, letter case, the Kelvin sign
// and booleans included.
func TestItemIndexAgreesWithScanning(t *testing.T) {
	names := []string{"Session", "SESSION", "session", "key", "KEY", "\u212aey", "Stra\u00dfe", "STRASSE", "\u017fession"}
	types := []string{"A", "a", ""}
	var items []config.Item
	for _, n := range names {
		for _, ty := range types {
			attrs := []schema.Attr{{Name: "name", Value: n}}
			if ty != "" {
				attrs = append(attrs, schema.Attr{Name: "type", Value: ty})
			}
			items = append(items, config.Item{Tag: "add", Attrs: attrs})
		}
	}
	sec := schema.HTTPModules
	coll := config.NewCollection(sec.Root.Collection, nil)
	for cut := 0; cut <= len(items); cut += 5 {
		list := items[:cut]
		x := newItemIndex(sec, list)
		for _, it := range items {
			wantSame := false
			for _, o := range list {
				if sameItem(sec, o, it) {
					wantSame = true
				}
			}
			if got := x.hasSame(it, x.idHash(it)); got != wantSame {
				t.Errorf("hasSame(%v) in %d items = %v, want %v", it.Attrs, cut, got, wantSame)
			}
			if got, want := x.hasKey(it, x.keyHash(it)), coll.HasKey(list, it); got != want {
				t.Errorf("hasKey(%v) in %d items = %v, want %v", it.Attrs, cut, got, want)
			}
		}
	}
	if x, it := newItemIndex(sec, items[:3]), (config.Item{Attrs: []schema.Attr{{Name: "name", Value: fmt.Sprint("SeSsIoN")}}}); !x.hasKey(it, x.keyHash(it)) {
		t.Error("a name in other letter case is the same key")
	}
}

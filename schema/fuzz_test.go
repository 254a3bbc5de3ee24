package schema

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzSchemaFile: a --schema-dir file never panics the loader, and what it
// loads has the shape the rules walk (every collection has an item).
func FuzzSchemaFile(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/schemadir/*.xml")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		secs := map[string]*Section{}
		if err := MergeSchemaFile(secs, "fuzz.xml", data); err != nil {
			return
		}
		for _, s := range secs {
			var walk func(e *Element)
			walk = func(e *Element) {
				if e.Collection != nil {
					if e.Collection.Item == nil || len(e.Collection.Add) == 0 {
						t.Fatalf("%s: collection without item", s.Path)
					}
					walk(e.Collection.Item)
				}
				for _, c := range e.Children {
					walk(c)
				}
				for _, a := range e.Attrs {
					a.CheckValue("x", true)
				}
			}
			walk(s.Root)
		}
	})
}

package schema

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// mergeFixtureFiles merges the schema files of a test folder in name order,
// as --schema-dir does.
func mergeFixtureFiles(t *testing.T, dir string) map[string]*Section {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	if len(files) == 0 {
		t.Fatalf("%s: no schema files", dir)
	}
	sort.Strings(files)
	secs := map[string]*Section{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := MergeSchemaFile(secs, f, data); err != nil {
			t.Fatal(err)
		}
	}
	return secs
}

func TestMergeSchemaFileMergesDefinitions(t *testing.T) {
	secs := mergeFixtureFiles(t, "testdata/schemadir")
	c := secs["system.webServer/contoso"]
	if c == nil {
		t.Fatal("section not loaded")
	}
	if c.Root.Attr("enabled") == nil || c.Root.Attr("region") == nil {
		t.Error("attributes of both files")
	}
	if l := c.Root.Child("limits"); l == nil || l.Attr("max") == nil || l.Attr("burst") == nil {
		t.Error("element merged across files")
	}
	coll := c.Root.Collection
	if coll == nil || coll.MergeAppend || coll.Remove != "remove" || coll.Clear != "" || coll.Item.Attr("name") == nil {
		t.Fatalf("collection: %+v", coll)
	}
	if v := coll.Item.Attr("name").Validation; v != "" {
		t.Errorf("an unknown validator should check nothing, got %q", v)
	}
	if m := c.Root.Attr("mode"); m.Type != Enum || len(m.Values) != 2 {
		t.Errorf("enum: %+v", m)
	}
	if m := c.Root.Attr("timeout").CheckValue("02:00:00", false); m == "" {
		t.Error("range of a loaded attribute not checked")
	}

	set := Builtin().WithSections(secs)
	if set.Lookup("system.webServer/contoso") == nil {
		t.Error("loaded section not in the set")
	}
	// A loaded definition replaces the built-in one but keeps its registration.
	h := set.Lookup("system.webServer/handlers")
	if h.Root.Collection != nil || h.OverrideModeDefault != "Deny" {
		t.Errorf("handlers from the schema dir: %+v", h)
	}
	if Builtin().Lookup("system.webServer/handlers").Root.Collection == nil {
		t.Error("the built-in set was changed")
	}
}

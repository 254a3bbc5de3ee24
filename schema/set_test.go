package schema

import "testing"

func TestLoadDirMergesDefinitions(t *testing.T) {
	secs, err := ReadDir("testdata/schemadir")
	if err != nil {
		t.Fatal(err)
	}
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

func TestLoadDirErrors(t *testing.T) {
	if _, err := ReadDir("testdata/nope"); err == nil {
		t.Error("missing directory accepted")
	}
	if _, err := ReadDir("set_test.go"); err == nil {
		t.Error("a file accepted as a directory")
	}
	if _, err := ReadDir("."); err == nil {
		t.Error("a directory without schema files accepted")
	}
}

package schema

import (
	"strings"
	"testing"
)

func TestParseSchemaText(t *testing.T) {
	secs, err := parseSchemaText("t", `# a comment
section system.webServer/contoso def=MachineToApplication override=Deny nolocation
  @enabled bool =true
  @note string ="two words"
  @mode enum(Fast=0,Safe=1) =Fast cs
  @timeout timeSpan =30 seconds infinite check=timeSpanRange:1,3600,1
  limits default open
    @max uint req
  +rule,skip remove=remove clear=wipe default=ruleDefaults prepend dups open
    @name string req key
    nested any
declare system.webServer/other
`)
	if err != nil {
		t.Fatal(err)
	}
	s := secs["system.webServer/contoso"]
	if s == nil || s.AllowDefinition != "MachineToApplication" || s.OverrideModeDefault != "Deny" || s.AllowLocation {
		t.Fatalf("registration: %+v", s)
	}
	if a := s.Root.Attr("note"); a == nil || a.Default != "two words" {
		t.Errorf("quoted default: %+v", a)
	}
	if a := s.Root.Attr("mode"); a.Type != Enum || len(a.Values) != 2 || !a.CaseSensitive || a.Values[1] != (EnumValue{"Safe", 1}) {
		t.Errorf("enum: %+v", a)
	}
	if a := s.Root.Attr("timeout"); a.TimeSpanFormat != "seconds" || !a.AllowInfinite || a.Validation != "timeSpanRange" || a.ValidationParam != "1,3600,1" {
		t.Errorf("timeSpan: %+v", a)
	}
	if l := s.Root.Child("limits"); l == nil || !l.IsCollectionDefault || !l.AllowUnrecognizedAttributes || !l.Attr("max").Required {
		t.Errorf("child element: %+v", l)
	}
	c := s.Root.Collection
	if c == nil || strings.Join(c.Add, ",") != "rule,skip" || c.Remove != "remove" || c.Clear != "wipe" || c.DefaultElement != "ruleDefaults" ||
		c.MergeAppend || !c.AllowDuplicates || !c.Item.AllowUnrecognizedAttributes || !c.Item.Attr("name").UniqueKey || !c.Item.Child("nested").AnyContent {
		t.Errorf("collection: %+v", c)
	}
	if d := secs["system.webServer/other"]; d == nil || d.Root != nil {
		t.Errorf("declare: %+v", d)
	}
}

func TestParseSchemaTextErrors(t *testing.T) {
	for text, want := range map[string]string{
		"section a\n   @x bool":                  "t:2: indent with two spaces a level",
		"section a\n  @x blob":                   `t:2: unknown type "blob"`,
		"section a\n  @x bool =true frob":        `t:2: unknown attribute option "frob"`,
		"section a\n  @x string check=magic":     `t:2: unknown validator "magic"`,
		"section a\n  @x enum(A)":                `t:2: bad enum value "A"`,
		"section a\n  @x bool\n  @x bool":        "t:3: attribute x twice",
		"section a\n    @x bool":                 "t:2: unexpected indentation",
		"section a def=Somewhere":                `t:1: unknown allowDefinition "Somewhere"`,
		"section a\nsection a":                   "t:2: section a twice",
		"declare a open":                         "t:1: open needs a described section",
		"section a\n  +add\n  +add":              "t:3: a second collection in one element",
		"section a\n  +add frob":                 `t:2: unknown collection option "frob"`,
		"section a\n  @x string =\"unterminated": "t:2: unterminated quoted value",
		"frob a":                                 "t:1: expected section or declare",
	} {
		if _, err := parseSchemaText("t", text); err == nil || err.Error() != want {
			t.Errorf("%q: got %v, want %s", text, err, want)
		}
	}
}

// TestBuiltinSchema checks facts of the embedded data that the rules and
// the migration rely on.
func TestBuiltinSchema(t *testing.T) {
	if Handlers.Root.Collection.MergeAppend {
		t.Error("handlers must prepend")
	}
	if !HTTPHandlers.Root.Collection.AllowDuplicates || HTTPHandlers.Root.Collection.MergeAppend {
		t.Error("httpHandlers: prepend with duplicates")
	}
	if k := Modules.Root.Collection.Keys(); len(k) != 1 || k[0].Name != "name" || !k[0].CaseSensitive {
		t.Errorf("modules key: %+v", k)
	}
	if Modules.AllowDefinition != "MachineToApplication" || Modules.OverrideModeDefault != "Deny" {
		t.Errorf("modules registration: %+v", Modules)
	}
	if rf := Lookup("system.webServer/security/requestFiltering"); rf == nil || rf.Root.Child("requestLimits").Child("headerLimits").Collection == nil {
		t.Error("requestFiltering/requestLimits/headerLimits")
	}
	if Declared("system.web/profile") == nil || Lookup("system.web/profile") != nil {
		t.Error("system.web/profile is declared, not described")
	}
	for _, g := range []string{"system.webServer", "system.webServer/security/authentication", "system.web", "system.serviceModel"} {
		if !IsGroup(g) {
			t.Errorf("%s is a group", g)
		}
	}
	if IsGroup("system.webServer/modules") {
		t.Error("modules is a section, not a group")
	}
	// Every collection that has a remove directive has a key to remove by.
	for p, s := range Sections() {
		var walk func(path string, e *Element)
		walk = func(path string, e *Element) {
			if c := e.Collection; c != nil {
				if c.Remove != "" && len(c.Keys()) == 0 {
					t.Errorf("%s: <%s> without key attributes", path, c.Remove)
				}
				walk(path+"/"+c.Add[0], c.Item)
			}
			for _, ch := range e.Children {
				walk(path+"/"+ch.Name, ch)
			}
		}
		walk(p, s.Root)
	}
}

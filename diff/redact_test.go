package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
)

func TestRedact(t *testing.T) {
	files := []File{{Changes: []Change{
		{Kind: Changed, Path: "appSettings", Entry: "add[@key='Title']", Attr: "value", Old: "a", New: "b"},
		{Kind: Changed, Path: "appSettings", Entry: "add[@key='Stripe.SecretKey']", Attr: "value", Old: "sk1", New: "sk2"},
		{Kind: Changed, Path: "appSettings", Entry: "add[3]", Attr: "value", Old: "x", New: "y"},
		{Kind: Added, Path: "appSettings", Entry: "add[@key='Db']", New: `key="Db" value="Server=x;Password=p\"q"`},
		{Kind: Removed, Path: "connectionStrings", Entry: "add[@name='Main']", Old: `name="Main" connectionString="Server=x" (2 child elements)`},
		{Kind: Changed, Path: "system.web/machineKey", Attr: "validationKey", Old: "", New: "ABC"},
		{Kind: Changed, Path: "system.web/compilation", Attr: "debug", Old: "true", New: "false"},
		{Kind: Changed, Path: "s/setting[@name='SmtpPassword']/value", Attr: "#text", Old: "p1", New: "p2"},
		{Kind: Moved, Path: "appSettings", Entry: "add[@key='ApiKey']", Old: "entry 1", New: "entry 2"},
	}}}
	Redact(files)
	want := [][2]string{
		{"a", "b"},
		{"***", "***"},
		{"***", "***"}, // the key is out of sight: assume the worst
		{"", `key="Db" value="Server=x;Password=***"`},
		{`name="Main" connectionString="***" (2 child elements)`, ""},
		{"", "***"},
		{"true", "false"},
		{"***", "***"},
		{"entry 1", "entry 2"},
	}
	for i, c := range files[0].Changes {
		if c.Old != want[i][0] || c.New != want[i][1] {
			t.Errorf("%s: got %q → %q, want %q → %q", c.Where(), c.Old, c.New, want[i][0], want[i][1])
		}
	}
}

// TestRedactLoneElements: where a path leaves an element's key out (a lone
// <setting>, a lone custom entry), its key is read from the element: a
// secret one is masked, a harmless one shows (review2 F2: every lone
// setting was masked), and an element without a key is masked.
func TestRedactLoneElements(t *testing.T) {
	doc := func(setting, custom string) *config.Document {
		return config.MustLoad("x", []byte(`<configuration><applicationSettings><My.Settings>`+setting+`</My.Settings></applicationSettings><stripe>`+custom+`</stripe></configuration>`))
	}
	a := doc(`<setting name="Title"><value>Old Title</value></setting>`, `<setting key="Mode" value="test"/>`)
	b := doc(`<setting name="Title"><value>New Title</value></setting>`, `<setting key="Mode" value="live"/>`)
	c := doc(`<setting name="SmtpPassword"><value>p1</value></setting>`, `<setting key="SecretKey" value="k1"/>`)
	d := doc(`<setting name="SmtpPassword"><value>p2</value></setting>`, `<setting key="SecretKey" value="k2"/>`)
	e := doc(`<setting><value>v1</value></setting>`, `<setting value="w1"/>`)
	f := doc(`<setting><value>v2</value></setting>`, `<setting value="w2"/>`)
	for _, tc := range []struct {
		old, new *config.Document
		want     []string
	}{
		{a, b, []string{`"Old Title" → "New Title"`, `"test" → "live"`}},
		{c, d, []string{`"***" → "***"`, `"***" → "***"`}},
		{e, f, []string{`"***" → "***"`, `"***" → "***"`}},
	} {
		files := []File{{Changes: Semantic(tc.old, tc.new, Options{})}}
		Redact(files)
		var got []string
		for _, ch := range files[0].Changes {
			got = append(got, fmt.Sprintf("%q → %q", ch.Old, ch.New))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

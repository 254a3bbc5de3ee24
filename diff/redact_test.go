package diff

import "testing"

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

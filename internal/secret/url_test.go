package secret

import (
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://svc:Hunter2Url@backend/{R:1}?code=Hunter2Code", "https://svc:***@backend/{R:1}?code=***"},
		{"https://ghp_token@github.com/x", "https://***@github.com/x"},
		{"mongodb://user:p@ss@db:27017/app", "mongodb://user:***@db:27017/app"},
		{"https://acct.blob.core.windows.net/c?sv=2020-08-04&sig=abc%2F=&se=2030", "https://acct.blob.core.windows.net/c?sv=2020-08-04&sig=***&se=2030"},
		{"http://b/?api_key=k1&page=2&access_token=t#frag", "http://b/?api_key=***&page=2&access_token=***#frag"},
		{"http://b/{R:1}?key={C:1}&q={QUERY_STRING}", "http://b/{R:1}?key={C:1}&q={QUERY_STRING}"},
		{"http://backend:5000/{R:1}", "http://backend:5000/{R:1}"},
		{"see http://a/?token=x and https://u:p@b", "see http://a/?token=*** and https://u:***@b"},
		{"http://b/path@x?monkey=1", "http://b/path@x?monkey=1"},
		{"", ""},
	} {
		if got := URL(tc.in); got != tc.want {
			t.Errorf("URL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestURLInXML: a URL written in an attribute is masked in a quoted line
// and a document; the query's "&" is written "&amp;".
func TestURLInXML(t *testing.T) {
	in := `<action type="Rewrite" url="https://svc:Hunter2Url@backend/?x=1&amp;code=Hunter2Code&amp;y=2" />`
	want := `<action type="Rewrite" url="https://svc:***@backend/?x=1&amp;code=***&amp;y=2" />`
	if got := Line(in); got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	if got := Document(in); got != want {
		t.Errorf("Document = %q, want %q", got, want)
	}
	// A connection string's password and a URL's in one value.
	if got := Value("value", "Endpoint", "Server=x;Password=p;Url=https://u:q@h"); got != "Server=x;Password=***;Url=https://u:***@h" {
		t.Errorf("Value = %q", got)
	}
}

func TestXPath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"@connectionString='Server=z;Password=Hunter2Cond'", "@connectionString='***'"},
		{"/configuration/appSettings/add[@key='Mode' and @value='x']", "/configuration/appSettings/add[@key='Mode' and @value='x']"},
		{"/configuration/appSettings/add[@key='ApiKey' and @value='k']", "/configuration/appSettings/add[@key='ApiKey' and @value='***']"},
		{"add[@value='v']", "add[@value='***']"},
		{`contains(@password, "p1") or @name="a"`, `contains(@password, "***") or @name="a"`},
		{"@other='Data Source=x;Pwd=p'", "@other='Data Source=x;Pwd=***'"},
		{"@url='https://u:p@h/'", "@url='https://u:***@h/'"},
		{"@name='a'", "@name='a'"},
		{"@password='unterminated", "@password='***"},
		// review2 F8: the literal on the left, and every part of a concat().
		{"add['HunterRev'=@password]", "add['***'=@password]"},
		{"add['a' != @connectionString]", "add['***' != @connectionString]"},
		{"add[@value=concat('Hun','terCC')]", "add[@value=concat('***','***')]"},
		{"add[@key='Mode'][@x='y']", "add[@key='Mode'][@x='y']"},
		{"add['Mode'=@key and @value='v']", "add['Mode'=@key and @value='v']"},
		// review3: a literal on the left after another attribute.
		{"add[@key='Title' and 'hunter2'=@password]", "add[@key='Title' and '***'=@password]"},
		{"'unterminated", "'unterminated"},
		{"'", "'"},
	} {
		if got := XPath(tc.in); got != tc.want {
			t.Errorf("XPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzXPath: no expression makes the masking panic (an unterminated
// literal on the left of nothing did), and an expression without quotes
// is left as it is.
func FuzzXPath(f *testing.F) {
	for _, s := range []string{"add['x'=@password]", "'", "@value=concat('a','b')", "add[@key='k' and 'v'=@password]", `"`, "@a='"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		got := XPath(expr)
		if !strings.ContainsAny(expr, `'"`) && got != expr {
			t.Errorf("XPath(%q) = %q: nothing to mask", expr, got)
		}
	})
}

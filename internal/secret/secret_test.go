package secret

import (
	"strings"
	"testing"
)

func TestIsSecretAttr(t *testing.T) {
	for _, tc := range []struct {
		attr, key string
		want      bool
	}{
		{"connectionString", "", true},
		{"password", "", true},
		{"userPassword", "", true},
		{"validationKey", "", true},
		{"decryptionKey", "AutoGenerate", true},
		{"clientSecret", "", true},
		{"value", "ApiKey", true},
		{"value", "Payment.ApiKey", true},
		{"value", "SENDGRID_KEY", true},
		{"value", "ConnectionStrings__Db", true},
		{"value", "Smtp:Password", true},
		{"value", "AuthToken", true},
		// review3: header credentials ("Bearer ...", "Basic ...").
		{"value", "HTTP_AUTHORIZATION", true},
		{"value", "Authorization", true},
		{"value", "Auth", true},
		{"value", "Api.Auth", true},
		{"value", "AuthMode", false},
		{"value", "webpages:Version", false},
		{"value", "Monkey", false},
		{"value", "", false},
		{"passwordFormat", "", false},
		{"minRequiredPasswordLength", "", false},
		{"userName", "", false},
		{"name", "Password", false},
		{"apikey", "", true},
		{"accessToken", "", true},
		{"publicKeyToken", "", false},
	} {
		if got := IsSecretAttr(tc.attr, tc.key); got != tc.want {
			t.Errorf("IsSecretAttr(%q, %q) = %v, want %v", tc.attr, tc.key, got, tc.want)
		}
	}
}

func TestIsSecretValue(t *testing.T) {
	for _, tc := range []struct {
		attr, key, v string
		want         bool
	}{
		{"validationKey", "", "AutoGenerate,IsolateApps", false},
		{"validationKey", "", "0A1B2C", true},
		{"value", "AllowPasswordReset", "true", false},
		{"value", "AllowPasswordReset", "False", false},
		{"value", "MasterPassword", "armada77", true},
		{"password", "", "true", true},
		{"password", "", "", false},
	} {
		if got := IsSecretValue(tc.attr, tc.key, tc.v); got != tc.want {
			t.Errorf("IsSecretValue(%q, %q, %q) = %v, want %v", tc.attr, tc.key, tc.v, got, tc.want)
		}
	}
}

func TestConnectionString(t *testing.T) {
	for in, want := range map[string]string{
		"Server=db;User ID=sa;Password=p@ss;Database=x": "Server=db;User ID=sa;Password=***;Database=x",
		"server=.;uid=sa;pwd='S3cr3t;x';database=old":   "server=.;uid=sa;pwd=***;database=old",
		`Pwd="a;""b";X=1`:                    "Pwd=***;X=1",
		"Driver={SQL Server};PWD={a;}}b};":   "Driver={SQL Server};PWD=***;",
		"Jet OLEDB:Database Password=j;A=1":  "Jet OLEDB:Database Password=***;A=1",
		"AccountName=a;AccountKey=k==;":      "AccountName=a;AccountKey=***;",
		"Endpoint=sb://x/;SharedAccessKey=k": "Endpoint=sb://x/;SharedAccessKey=***",
		"Password=":                          "Password=",
		"Integrated Security=SSPI":           "Integrated Security=SSPI",
		"just text":                          "just text",
		`metadata=res://*/M.csdl;provider connection string="data source=db;password=EfSecret99;MARS=True"`: `metadata=res://*/M.csdl;provider connection string="data source=db;password=***;MARS=True"`,
	} {
		if got := ConnectionString(in); got != want {
			t.Errorf("ConnectionString(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestDocument(t *testing.T) {
	in := `<?xml version="1.0"?>
<configuration>
  <connectionStrings>
    <add name="Main" connectionString="Server=db;Password=Secret1" providerName="System.Data.SqlClient" />
    <!-- <add name="Old" connectionString="Server=old;Password=Secret2" /> -->
    <add name="Ef" connectionString='x' other="metadata=x;provider connection string=&quot;data source=db;password=Secret3&amp;x;a=1&quot;" />
  </connectionStrings>
  <appSettings>
    <add key="Payment.ApiKey"
         value="Secret4
continued" />
    <add key="Title" value="Contoso" />
    <add value="Secret5" key="ClientSecret" />
    <add key="Reports" value="Server=rpt;Pwd=Secret6" />
  </appSettings>
  <applicationSettings>
    <My.Settings>
      <setting name="SmtpPassword" serializeAs="String"><value>Secret7</value></setting>
      <setting name="Greeting" serializeAs="String"><value>Hello</value></setting>
    </My.Settings>
  </applicationSettings>
  <system.web>
    <machineKey validationKey="Secret8" decryptionKey="Secret9" validation="SHA1" />
  </system.web>
  <!-- the old server: Data Source=x;Password=Secret10 -->
  <system.applicationHost><applicationPools><add name="P"><processModel identityType="SpecificUser" userName="u" password='Secret11' /></add></applicationPools></system.applicationHost>
</configuration>
`
	got := Document(in)
	for i := 1; i <= 11; i++ {
		s := "Secret" + itoa(i)
		if strings.Contains(got, s+"\n") || strings.Contains(got, s+`"`) || strings.Contains(got, s+"'") || strings.Contains(got, s+"<") || strings.Contains(got, s+"&") || strings.Contains(got, s+" ") {
			t.Errorf("%s not masked:\n%s", s, got)
		}
	}
	for _, keep := range []string{`value="Contoso"`, `<value>Hello</value>`, `name="Main"`, `validation="SHA1"`, `userName="u"`, `key="Payment.ApiKey"`, `data source=db;password=***;a=1&quot;`, `Password=*** -->`} {
		if !strings.Contains(got, keep) {
			t.Errorf("lost %s:\n%s", keep, got)
		}
	}
	if strings.Count(got, "\n") != strings.Count(in, "\n") {
		t.Errorf("line count changed: %d -> %d", strings.Count(in, "\n"), strings.Count(got, "\n"))
	}
	if !strings.Contains(got, `value="***`+"\n"+`" />`) {
		t.Errorf("a value over two lines should keep its line break:\n%s", got)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return "1" + string(rune('0'+i-10))
}

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		`    <add key="ApiKey" value="k" />`:                       `    <add key="ApiKey" value="***" />`,
		`    <add key="Title" value="Contoso" />`:                  `    <add key="Title" value="Contoso" />`,
		`         value="Quoted-Multiline-3" typo="x" />`:          `         value="***" typo="x" />`,
		`         connectionString="a" providerName="b" />`:        `         connectionString="***" providerName="b" />`,
		`<value>secret</value>`:                                    `<value>***</value>`,
		`Data Source=db;Password=abc and more`:                     `Data Source=db;Password=***`,
		`    <machineKey validationKey="AB" decryptionKey="CD" />`: `    <machineKey validationKey="***" decryptionKey="***" />`,
		`  <add name="x" connectionString="unterminated`:           `  <add name="x" connectionString="***`,
		`  plain text with a = sign and <b>bold</b>`:               `  plain text with a = sign and <b>bold</b>`,
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// FuzzDocument: masking never panics, keeps every line terminator, and
// cuts stay inside the text in order.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{
		`<add key="ApiKey" value="x"/>`,
		`<add name="a" connectionString="Password='x;y`,
		"<setting name=\"Pwd\"><value>x\r\ny</value>",
		`Password=&quot;a;Pwd={b`,
		`<a b='c' d="e`,
		"value=\"x\" />\n<",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, partial := range []bool{false, true} {
			last := 0
			for _, c := range scan(text, partial) {
				if c.Start < last || c.End < c.Start || c.End > len(text) {
					t.Fatalf("bad cut %+v after %d in %q", c, last, text)
				}
				last = c.End
			}
		}
		got := Document(text)
		if strings.Count(got, "\n") != strings.Count(text, "\n") || strings.Count(got, "\r") != strings.Count(text, "\r") {
			t.Fatalf("line terminators changed: %q -> %q", text, got)
		}
	})
}

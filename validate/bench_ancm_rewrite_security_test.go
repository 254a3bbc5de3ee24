package validate_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// ownRules selects the IC5xx, IC6xx and IC7xx rules (the opt-in ones too).
func ownRules(r *validate.Rule) bool {
	return strings.HasPrefix(r.Code, "IC5") || strings.HasPrefix(r.Code, "IC6") || strings.HasPrefix(r.Code, "IC7")
}

// bigRewrite is a web.config with n rewrite rules, each with a pattern,
// two conditions, a map lookup and server variables: real sites have up to
// a few hundred rules.
func bigRewrite(n int) []byte {
	var b strings.Builder
	b.WriteString("<configuration><system.webServer><rewrite><rewriteMaps><rewriteMap name=\"M\"><add key=\"a\" value=\"b\"/></rewriteMap></rewriteMaps><rules>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<rule name="r%d"><match url="^section%d/(\d+)/(?:[a-z-]+)/(.*)$" /><conditions><add input="{HTTP_HOST}" pattern="^(www\.)?example%d\.com$" /><add input="{M:{R:1}}" pattern="(.+)" /></conditions><serverVariables><set name="X_%d" value="{C:1}" /></serverVariables><action type="Rewrite" url="page.aspx?id={R:1}&amp;rest={R:2}&amp;host={HTTP_HOST}" /></rule>`+"\n", i, i, i, i)
	}
	b.WriteString("</rules></rewrite></system.webServer></configuration>\n")
	return []byte(b.String())
}

// bigAppHost is an applicationHost.config with n <location> tags, each
// setting what the security and ANCM rules read: large servers have a few
// thousand.
func bigAppHost(n int) []byte {
	var b strings.Builder
	b.WriteString("<configuration><system.applicationHost/>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<location path="Site%d"><system.webServer><directoryBrowse enabled="true" /><httpErrors errorMode="Detailed" /><aspNetCore processPath="dotnet" stdoutLogEnabled="true" /></system.webServer><system.web><compilation debug="true" /></system.web></location>`+"\n", i)
	}
	b.WriteString("</configuration>\n")
	return []byte(b.String())
}

func benchmarkOwnRules(b *testing.B, name string, data []byte) {
	doc, err := config.Load(name, data)
	if err != nil {
		b.Fatal(err)
	}
	ctx := validate.DefaultContext(schema.V40)
	ctx.Enabled = ownRules
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		validate.Lint(doc, ctx)
	}
}

// BenchmarkRewriteRules: 300 and 3,000 rules (10x a large site); the cost
// per rule must stay flat.
func BenchmarkRewriteRules(b *testing.B) {
	for _, n := range []int{300, 3000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchmarkOwnRules(b, "web.config", bigRewrite(n)) })
	}
}

// BenchmarkSecurityAppHost: 1,000 and 10,000 location tags.
func BenchmarkSecurityAppHost(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchmarkOwnRules(b, "applicationHost.config", bigAppHost(n)) })
	}
}

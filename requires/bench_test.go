package requires_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/requires"
)

// bigWebConfig is ten times a large real web.config: 5,000 handlers (some
// on add-on modules), 5,000 rewrite rules (some proxies) and 1,000
// <location> tags each setting role-service sections.
func bigWebConfig() []byte {
	var b strings.Builder
	b.WriteString("<configuration>\n<system.webServer>\n<handlers>\n")
	for i := 0; i < 5000; i++ {
		mod := "IsapiModule"
		if i%10 == 0 {
			mod = "FastCgiModule"
		}
		fmt.Fprintf(&b, "<add name=\"h%d\" path=\"*.x%d\" verb=\"*\" modules=\"%s\" />\n", i, i, mod)
	}
	b.WriteString("</handlers>\n<rewrite><rules>\n")
	for i := 0; i < 5000; i++ {
		url := fmt.Sprintf("/local/%d", i)
		if i%10 == 0 {
			url = fmt.Sprintf("http://backend%d/{R:1}", i)
		}
		fmt.Fprintf(&b, "<rule name=\"r%d\"><match url=\"^p%d/(.*)\" /><action type=\"Rewrite\" url=\"%s\" /></rule>\n", i, i, url)
	}
	b.WriteString("</rules></rewrite>\n</system.webServer>\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "<location path=\"p%d\"><system.webServer><security><authentication><windowsAuthentication enabled=\"true\" /></authentication><authorization><add accessType=\"Allow\" users=\"*\" /></authorization></security><httpRedirect enabled=\"false\" /></system.webServer></location>\n", i)
	}
	b.WriteString("</configuration>\n")
	return []byte(b.String())
}

func BenchmarkFind(b *testing.B) {
	data := bigWebConfig()
	doc, err := config.Load("web.config", data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		needs := requires.Find([]*config.Document{doc})
		if len(needs) != 5 { // rewrite, arr, windowsauth, urlauth, cgi
			b.Fatalf("%d needs", len(needs))
		}
	}
}

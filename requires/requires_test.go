package requires_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/requires"
)

var update = flag.Bool("update", false, "rewrite the corpus golden (new lines are marked UNCHECKED)")

func load(t *testing.T, name, text string) *config.Document {
	t.Helper()
	d, err := config.Load(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// summary is "key file:line:col what" per use.
func summary(needs []requires.Need) []string {
	var out []string
	for _, n := range needs {
		for _, u := range n.Uses {
			out = append(out, fmt.Sprintf("%s %s:%d:%d %s", n.AddOn.Key, u.File, u.Pos.Line, u.Pos.Column, u.What))
		}
	}
	return out
}

func TestFind(t *testing.T) {
	web := load(t, "web.config", `<configuration>
  <location path="api">
    <system.webServer>
      <rewrite>
        <globalRules><rule name="g"><action type="Rewrite" url="HTTPS://other/{R:0}" /></rule></globalRules>
        <rules>
          <rule name="local"><action type="Rewrite" url="/index.html" /></rule>
          <rule name="out"><action type="Redirect" url="http://elsewhere/" /></rule>
        </rules>
      </rewrite>
    </system.webServer>
  </location>
  <system.webServer>
    <handlers>
      <add name="both" path="*.x" verb="*" modules="IsapiModule, FastCgiModule" />
      <add name="core" path="*" verb="*" modules="AspNetCoreModuleV2" />
      <add name="ASPClassic" path="*.asp" verb="GET,HEAD,POST" modules="IsapiModule" scriptProcessor="%windir%\system32\inetsrv\asp.dll" resourceType="File" />
      <add name="SSINC-shtml" path="*.shtml" verb="GET,HEAD,POST" modules="ServerSideIncludeModule" resourceType="File" />
    </handlers>
    <webSocket />
    <security>
      <authentication>
        <windowsAuthentication />
        <basicAuthentication enabled="true" />
        <digestAuthentication enabled="false" />
      </authentication>
    </security>
    <httpRedirect enabled="false" destination="https://x/" />
    <urlCompression doDynamicCompression="false" />
  </system.webServer>
  <system.web><authorization><deny users="?" /></authorization></system.web>
</configuration>`)
	want := []string{
		"rewrite web.config:4:7 <rewrite>",
		"aspnetcore web.config:16:7 handler \"core\" (modules=\"AspNetCoreModuleV2\")",
		"arr web.config:5:37 rule \"g\" rewrites to HTTPS://other/{R:0} (a reverse proxy: ARR with its proxy enabled)",
		"websocket web.config:20:5 <webSocket>",
		"basicauth web.config:24:9 <basicAuthentication enabled=\"true\">",
		"cgi web.config:15:7 handler \"both\" (modules=\"FastCgiModule\")",
		"asp web.config:17:7 handler \"ASPClassic\" (asp.dll)",
		"ssi web.config:18:7 handler \"SSINC-shtml\" (modules=\"ServerSideIncludeModule\")",
	}
	if got := summary(requires.Find([]*config.Document{web})); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFindReadsWebConfigsOnly: transforms and the server's own files are
// not a deployment's needs.
func TestFindReadsWebConfigsOnly(t *testing.T) {
	transform := load(t, "Web.Release.config", `<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"><system.webServer><rewrite xdt:Transform="Remove" /></system.webServer></configuration>`)
	host := load(t, "applicationHost.config", `<configuration><system.applicationHost /><system.webServer><asp /><webSocket /></system.webServer></configuration>`)
	if got := requires.Find([]*config.Document{transform, host, nil}); len(got) != 0 {
		t.Errorf("%v", summary(got))
	}
}

// TestFindOrder: uses sorted by file then position, whatever the order of
// the documents.
func TestFindOrder(t *testing.T) {
	b := load(t, "b/web.config", `<configuration><system.webServer><aspNetCore /></system.webServer></configuration>`)
	a := load(t, "a/web.config", `<configuration><system.webServer><aspNetCore /><handlers><add name="h" modules="AspNetCoreModule" /></handlers></system.webServer></configuration>`)
	got := summary(requires.Find([]*config.Document{b, a}))
	want := []string{
		"aspnetcore a/web.config:1:34 <aspNetCore>",
		"aspnetcore a/web.config:1:58 handler \"h\" (modules=\"AspNetCoreModule\")",
		"aspnetcore b/web.config:1:34 <aspNetCore>",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCorpusRequires: what the corpus web.config files need, each use
// checked by hand (testdata/corpus/requires.txt).
func TestCorpusRequires(t *testing.T) {
	dir, files := testutil.CorpusFiles(t)
	var docs []*config.Document
	for _, rel := range files {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := config.Load(filepath.ToSlash(rel), data)
		if err != nil {
			continue
		}
		docs = append(docs, doc)
	}
	got := summary(requires.Find(docs))
	testutil.CheckCorpusGolden(t, "requires.txt", got, *update)
}

// TestFindCaseSensitive: IIS reads section names as written, so a
// misspelt <Rewrite> or <AspNetCore> uses no add-on (lint reports it as
// undeclared).
func TestFindCaseSensitive(t *testing.T) {
	web := load(t, "web.config", `<configuration><system.webServer><Rewrite><rules /></Rewrite><AspNetCore /></system.webServer></configuration>`)
	if got := requires.Find([]*config.Document{web}); len(got) != 0 {
		t.Errorf("%v", summary(got))
	}
}

package diff

import (
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
)

func changes(t *testing.T, a, b string, opts Options) []string {
	t.Helper()
	var out []string
	for _, c := range Semantic(config.MustLoad("a", []byte(a)), config.MustLoad("b", []byte(b)), opts) {
		out = append(out, c.Kind.Symbol()+" "+c.Where())
	}
	return out
}

func TestSemanticEquivalences(t *testing.T) {
	same := [][2]string{
		// An empty section states nothing.
		{`<configuration><system.web/></configuration>`, `<configuration><system.web><httpModules/></system.web></configuration>`},
		// Namespace declarations are not configuration.
		{`<configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0"><appSettings><add key="a" value="1"/></appSettings></configuration>`,
			`<configuration><appSettings><add key="a" value="1"/></appSettings></configuration>`},
		// location path="." and "" are the same scope.
		{`<configuration><location path="."><system.web><trace enabled="true"/></system.web></location></configuration>`,
			`<configuration><location path=""><system.web><trace enabled="true"/></system.web></location></configuration>`},
		// Two location tags for one path are one scope.
		{`<configuration><location path="a"><x k="1"/></location><location path="a"><y k="2"/></location></configuration>`,
			`<configuration><location path="a"><y k="2"/><x k="1"/></location></configuration>`},
	}
	for _, s := range same {
		if got := changes(t, s[0], s[1], Options{}); len(got) != 0 {
			t.Errorf("%s\nvs %s\ngives %v", s[0], s[1], got)
		}
	}
}

func TestSemanticIdentities(t *testing.T) {
	tests := []struct {
		a, b string
		want string
	}{
		// Repeated siblings without a key are matched by position.
		{`<configuration><x><rule a="1"/><rule a="2"/></x></configuration>`, `<configuration><x><rule a="1"/><rule a="3"/></x></configuration>`,
			"± x/rule[2]/@a"},
		// A unique name attribute identifies repeated siblings.
		{`<configuration><x><rule name="p" a="1"/><rule name="q" a="2"/></x></configuration>`, `<configuration><x><rule name="q" a="3"/><rule name="p" a="1"/></x></configuration>`,
			"± x/rule[@name='q']/@a"},
		// Collections the schema does not describe are keyed by name/key/id/path.
		{`<configuration><log4net><add name="a" level="INFO"/></log4net></configuration>`, `<configuration><log4net><add name="a" level="DEBUG"/></log4net></configuration>`,
			"± log4net/add[@name='a']/@level"},
		// httpHandlers entries are keyed by (path, verb); duplicates by occurrence.
		{`<configuration><system.web><httpHandlers><add path="x" verb="*" type="A"/><add path="x" verb="*" type="B"/></httpHandlers></system.web></configuration>`,
			`<configuration><system.web><httpHandlers><add path="x" verb="*" type="A"/><add path="x" verb="*" type="C"/></httpHandlers></system.web></configuration>`,
			"± system.web/httpHandlers/add[@path='x' and @verb='*'][2]/@type"},
		// A remove directive is an operation of its own.
		{`<configuration><system.webServer><modules/></system.webServer></configuration>`, `<configuration><system.webServer><modules><remove name="Session"/></modules></system.webServer></configuration>`,
			"+ system.webServer/modules/remove[@name='Session']"},
		// Attributes are compared by name, in name order, whatever the
		// order written; a namespace prefix is part of the name.
		{`<configuration><x b="1" a="1" c="1" xmlns:p="urn:p" p:e="1"/></configuration>`, `<configuration><x xmlns:p="urn:p" p:e="2" d="1" a="2" b="1"/></configuration>`,
			"± x/@a; - x/@c; + x/@d; ± x/@p:e"},
		// Values with quotes are quoted the other way.
		{`<configuration><appSettings><add key="it's" value="1"/></appSettings></configuration>`, `<configuration><appSettings><add key="it's" value="2"/></appSettings></configuration>`,
			`± appSettings/add[@key="it's"]/@value`},
	}
	for _, tc := range tests {
		got := changes(t, tc.a, tc.b, Options{})
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%s\nvs %s\ngives %v, want %s", tc.a, tc.b, got, tc.want)
		}
	}
}

package xdt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

// The largest web.config of the corpus (dasBlog, 192 KB).
const benchSource = "webconfig/shanselman__dasblog__source_newtelligence.DasBlog.Web_Web.config.IIS7"

func benchDoc(b *testing.B, scale int) *config.Document {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(testutil.CorpusDir(b), benchSource))
	if err != nil {
		b.Fatal(err)
	}
	if scale > 1 {
		data = scaledBytes(b, data, scale)
	}
	d, err := config.Load("web.config", data)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// scaledBytes repeats the children of <configuration> scale times.
func scaledBytes(b testing.TB, data []byte, scale int) []byte {
	open := bytes.Index(data, []byte("<configuration"))
	start := open + bytes.IndexByte(data[open:], '>') + 1
	end := bytes.LastIndex(data, []byte("</configuration>"))
	if open < 0 || end < start {
		b.Fatal("no <configuration> in the benchmark source")
	}
	var out bytes.Buffer
	out.Write(data[:start])
	for i := 0; i < scale; i++ {
		out.Write(data[start:end])
	}
	out.Write(data[end:])
	return out.Bytes()
}

// generatedTransform writes a transform of n SetAttributes, each addressing one
// named element of src by its path and Match, every fourth an Insert
// beside it instead. Elements are named by their first attribute of name,
// key, path, type, namespace or assembly.
func generatedTransform(b testing.TB, src *config.Document, n int) *config.Document {
	b.Helper()
	var sb strings.Builder
	sb.WriteString(`<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">` + "\n")
	count := 0
	for _, e := range src.Elements() {
		if count == n {
			break
		}
		keyAttr, name := "", ""
		for _, k := range []string{"name", "key", "path", "type", "namespace", "assembly"} {
			if v := e.SelectAttrValue(k, ""); v != "" {
				keyAttr, name = k, v
				break
			}
		}
		if name == "" || e.NamespaceURI() != "" || strings.ContainsAny(name, `"<&`) {
			continue
		}
		var chain []*etree.Element
		for p := e.Parent(); p != nil && p != src.Root() && p != &src.Tree.Element; p = p.Parent() {
			chain = append(chain, p)
		}
		for i := len(chain) - 1; i >= 0; i-- {
			fmt.Fprintf(&sb, "<%s>", chain[i].Tag)
		}
		if count%4 == 3 {
			fmt.Fprintf(&sb, `<%s %s="bench%d" xdt:Transform="Insert" />`, e.Tag, keyAttr, count)
		} else {
			fmt.Fprintf(&sb, `<%s %s="%s" bench="%d" xdt:Transform="SetAttributes(bench)" xdt:Locator="Match(%s)" />`, e.Tag, keyAttr, name, count, keyAttr)
		}
		for i := 0; i < len(chain); i++ {
			fmt.Fprintf(&sb, "</%s>", chain[i].Tag)
		}
		sb.WriteString("\n")
		count++
	}
	sb.WriteString("</configuration>\n")
	if count < n {
		b.Fatalf("only %d named elements for %d transforms", count, n)
	}
	return config.MustLoad("Web.Release.config", []byte(sb.String()))
}

func benchmarkApply(b *testing.B, scale, transforms int) {
	src := benchDoc(b, scale)
	tr := generatedTransform(b, src, transforms)
	b.SetBytes(int64(len(src.Text())))
	b.ReportAllocs()
	b.ResetTimer()
	parses := 0
	for i := 0; i < b.N; i++ {
		res, err := Apply(src, tr)
		if err != nil {
			b.Fatal(err)
		}
		if res.Applied == 0 {
			b.Fatal("nothing applied")
		}
		parses = res.Parses
	}
	b.ReportMetric(float64(parses), "parses")
}

// BenchmarkApply20 is the figure: the largest corpus web.config
// with a 20-transform file.
func BenchmarkApply20(b *testing.B) { benchmarkApply(b, 1, 20) }

// BenchmarkApply200: ten times the transforms (on the file four times over,
// which has enough named elements for 200).
func BenchmarkApply200(b *testing.B) { benchmarkApply(b, 4, 200) }

// BenchmarkApply20Tenfold: a web.config ten times the largest (1.9 MB).
func BenchmarkApply20Tenfold(b *testing.B) { benchmarkApply(b, 10, 20) }

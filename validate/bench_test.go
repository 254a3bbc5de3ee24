package validate_test

import (
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// BenchmarkLint parses and lints every corpus file, as "iiscfg lint" does
// per file (MB/s is over the corpus bytes).
func BenchmarkLint(b *testing.B) {
	files, total := testutil.ReadCorpus(b)
	ctx := validate.DefaultContext(schema.V40)
	b.SetBytes(total)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			doc, err := config.Load(f.Name, f.Data)
			if err != nil {
				continue
			}
			validate.Lint(doc, ctx)
		}
	}
}

// BenchmarkRulesOnly runs the rules on parsed corpus files: the rules' own
// cost, without parsing (BenchmarkSchemaRules: the IC2xx rules alone).
func BenchmarkRulesOnly(b *testing.B) { benchmarkRules(b, nil) }

func BenchmarkSchemaRules(b *testing.B) {
	benchmarkRules(b, func(r *validate.Rule) bool { return r.ChecksSchema() })
}

func benchmarkRules(b *testing.B, enabled func(*validate.Rule) bool) {
	files, total := testutil.ReadCorpus(b)
	var docs []*config.Document
	for _, f := range files {
		if doc, err := config.Load(f.Name, f.Data); err == nil {
			docs = append(docs, doc)
		}
	}
	ctx := validate.DefaultContext(schema.V40)
	ctx.Enabled = enabled
	benchmarkDocs(b, docs, total, func(doc *config.Document) { validate.Lint(doc, ctx) })
}

// benchmarkDocs times f on every document (MB/s over total, their bytes).
func benchmarkDocs(b *testing.B, docs []*config.Document, total int64, f func(*config.Document)) {
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, doc := range docs {
			f(doc)
		}
	}
}

// BenchmarkRulesTree runs the rules on the corpus's web.config files, each
// as the root web.config of an application: the per-file work of
// "iiscfg lint TREE" after parsing.
func BenchmarkRulesTree(b *testing.B) {
	files, _ := testutil.ReadCorpus(b)
	var docs []*config.Document
	var total int64
	for _, f := range files {
		if !strings.HasSuffix(strings.ToLower(f.Name), "web.config") {
			continue
		}
		if doc, err := config.Load("app/web.config", f.Data); err == nil {
			docs = append(docs, doc)
			total += int64(len(f.Data))
		}
	}
	ctx := validate.DefaultContext(schema.V40)
	benchmarkDocs(b, docs, total, func(doc *config.Document) { validate.Check(doc, ctx) })
}

package validate_test

import (
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

package validate_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// FuzzLint: every rule, opt-in ones included, runs on any document that parses without panicking,
// and every finding points inside the document.
func FuzzLint(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "lint", "*.config"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := config.Load("fuzz.config", data)
		if err != nil {
			return
		}
		for _, r := range []schema.Runtime{schema.V40, schema.V20} {
			ctx := validate.DefaultContext(r)
			ctx.Enabled = func(*validate.Rule) bool { return true } // the opt-in rules too
			for _, fd := range validate.Lint(doc, ctx) {
				if fd.Start.Line < 1 || fd.Start.Line > doc.LineCount() || fd.End.Offset < fd.Start.Offset {
					t.Fatalf("finding out of the document: %+v", fd)
				}
			}
		}
	})
}

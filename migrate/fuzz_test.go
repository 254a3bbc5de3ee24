package migrate_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/migrate"
	"github.com/iiscfg/iiscfg/schema"
)

// FuzzMigrate: any document that parses migrates without panicking (or is
// refused with an error), the result parses, and migrating the result
// again changes nothing. Seeds: every migrate golden input.
func FuzzMigrate(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "migrate", "*", "in.config"))
	for _, in := range inputs {
		if data, err := os.ReadFile(in); err == nil {
			f.Add(data, false)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, v2 bool) {
		doc, err := config.Load("web.config", data)
		if err != nil {
			return
		}
		runtime := schema.V40
		if v2 {
			runtime = schema.V20
		}
		for _, compat := range []migrate.Compat{migrate.Best, migrate.Appcmd} {
			opts := migrate.DefaultOptions(runtime)
			opts.Compat = compat
			opts.Server = migrate.StockServer(runtime, runtime)
			res, err := migrate.Migrate(doc, opts)
			if err != nil {
				continue
			}
			out, err := config.Load("web.config", res.Doc.Bytes())
			if err != nil {
				t.Fatalf("%v: output does not parse: %v\n%s", compat, err, res.Doc.Bytes())
			}
			if compat != migrate.Best {
				continue
			}
			again, err := migrate.Migrate(out, opts)
			if err != nil {
				t.Fatalf("second run refused: %v", err)
			}
			if again.Changed {
				t.Fatalf("not idempotent:\n--- first\n%s\n--- second\n%s", res.Doc.Bytes(), again.Doc.Bytes())
			}
		}
	})
}

package migrate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/migrate"
	"github.com/iiscfg/iiscfg/schema"
)

// BenchmarkMigrate parses and migrates every corpus web.config.
func BenchmarkMigrate(b *testing.B) {
	files, _ := testutil.ReadCorpus(b)
	var total int64
	var inputs []testutil.CorpusFile
	for _, f := range files {
		if strings.HasPrefix(f.Name, "webconfig/") {
			inputs = append(inputs, f)
			total += int64(len(f.Data))
		}
	}
	opts := migrate.DefaultOptions(schema.V40)
	b.SetBytes(total)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, f := range inputs {
			doc, err := config.Load(f.Name, f.Data)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = migrate.Migrate(doc, opts)
		}
	}
}

// BenchmarkMigrateDasBlog is the largest corpus web.config (192 KB, 5760
// lines), parsed and migrated.
func BenchmarkMigrateDasBlog(b *testing.B) {
	dir := testutil.CorpusDir(b)
	data, err := os.ReadFile(filepath.Join(dir, "webconfig", "shanselman__dasblog__source_newtelligence.DasBlog.Web_Web.config.IIS7"))
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		opts migrate.Options
	}{
		{"best", migrate.DefaultOptions(schema.V40)},
		{"appcmd-v2", func() migrate.Options {
			o := migrate.DefaultOptions(schema.V20)
			o.Compat, o.Server = migrate.Appcmd, migrate.StockServer(schema.V20, schema.V40)
			return o
		}()},
	} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				doc, err := config.Load("web.config", data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := migrate.Migrate(doc, mode.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package diff_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/diff"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

func dasBlogPair(b *testing.B) (old, changed []byte) {
	dir := testutil.CorpusDir(b)
	data, err := os.ReadFile(filepath.Join(dir, "webconfig", "shanselman__dasblog__source_newtelligence.DasBlog.Web_Web.config.IIS7"))
	if err != nil {
		b.Fatal(err)
	}
	changed = bytes.Replace(data, []byte(`requestLimit="1000"`), []byte(`requestLimit="50"`), 1)
	if bytes.Equal(changed, data) {
		b.Fatal("no attribute to change")
	}
	return data, changed
}

// BenchmarkSemanticDasBlog diffs the 192 KB dasBlog web.config against
// itself with one attribute changed, parsing both (as "iiscfg diff" does).
func BenchmarkSemanticDasBlog(b *testing.B) {
	old, changed := dasBlogPair(b)
	b.SetBytes(int64(len(old) + len(changed)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		a := config.MustLoad("old", old)
		c := config.MustLoad("new", changed)
		if n := len(diff.Semantic(a, c, diff.Options{})); n != 1 {
			b.Fatalf("%d changes, want 1", n)
		}
	}
}

// BenchmarkTextDasBlog is the unified text diff of the same pair.
func BenchmarkTextDasBlog(b *testing.B) {
	old, changed := dasBlogPair(b)
	b.SetBytes(int64(len(old) + len(changed)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if diff.Unified("a", "b", old, changed, 3, diff.Palette{}) == "" {
			b.Fatal("no diff")
		}
	}
}

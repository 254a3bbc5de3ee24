package secret

import (
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/internal/testutil"
)

// BenchmarkDocument masks the whole corpus, and the corpus ten times over
// as one text (a tenfold file: the cost must stay linear).
func BenchmarkDocument(b *testing.B) {
	files, total := testutil.ReadCorpus(b)
	b.Run("corpus", func(b *testing.B) {
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				_ = Document(string(f.Data))
			}
		}
	})
	var all strings.Builder
	for range 10 {
		for _, f := range files {
			all.Write(f.Data)
		}
	}
	big := all.String()
	b.Run("tenfold", func(b *testing.B) {
		b.SetBytes(int64(len(big)))
		b.ReportAllocs()
		for b.Loop() {
			_ = Document(big)
		}
	})
}

// BenchmarkLineWorstCase: a line of many "=" and ";" (connection-string
// parsing) and one of many attributes stay linear.
func BenchmarkLineWorstCase(b *testing.B) {
	eqs := "x" + strings.Repeat("Password=a;", 100000)
	attrs := "<add" + strings.Repeat(` a="Server=x;Pwd=y"`, 100000) + "/>"
	for name, line := range map[string]string{"pairs": eqs, "attributes": attrs} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(line)))
			for b.Loop() {
				_ = Line(line)
			}
		})
	}
}

package config_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

// BenchmarkLoad parses every corpus file (MB/s is over the corpus bytes).
func BenchmarkLoad(b *testing.B) { benchmarkLoad(b, config.Load) }

// BenchmarkLoadLean is BenchmarkLoad with LoadLean, as lint reads the
// documents it only judges.
func BenchmarkLoadLean(b *testing.B) { benchmarkLoad(b, config.LoadLean) }

func benchmarkLoad(b *testing.B, load func(name string, data []byte) (*config.Document, error)) {
	files, total := testutil.ReadCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			_, _ = load(f.Name, f.Data)
		}
	}
}

// BenchmarkEncodingXMLTokenize is the baseline: encoding/xml's RawToken over
// the same bytes, building nothing.
func BenchmarkEncodingXMLTokenize(b *testing.B) {
	files, total := testutil.ReadCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			d := xml.NewDecoder(bytes.NewReader(f.Data))
			d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
			for {
				if _, err := d.RawToken(); err != nil {
					break
				}
			}
		}
	}
}

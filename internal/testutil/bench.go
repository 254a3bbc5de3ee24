package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// CorpusFile is a corpus file's name and bytes.
type CorpusFile struct {
	Name string
	Data []byte
}

// ReadCorpus reads every corpus file into memory (for benchmarks) and
// returns them with their total size.
func ReadCorpus(tb testing.TB) ([]CorpusFile, int64) {
	tb.Helper()
	dir, names := CorpusFiles(tb)
	var files []CorpusFile
	var total int64
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, CorpusFile{Name: filepath.ToSlash(n), Data: data})
		total += int64(len(data))
	}
	return files, total
}

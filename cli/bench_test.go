package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/iiscfg/iiscfg/internal/testutil"
)

// BenchmarkLintTree lints a tree of 10,000 application folders, each with
// one web.config copied in turn from the corpus (scripts/lint-tree.sh
// builds the same tree for whole-process runs). It reports ns/file,
// MB/s, allocs/file and the peak live heap.
func BenchmarkLintTree(b *testing.B) {
	const files = 10000
	dir, total := buildLintTree(b, files)
	b.SetBytes(total)
	b.ReportAllocs()
	var peak atomic.Uint64
	stop := sampleHeap(&peak)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := run([]string{"iiscfg", "lint", "--format", "compact", "--no-gitignore", "--no-config", dir},
			&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }})
		if r == ExitUsage || r == ExitInput {
			b.Fatalf("exit %d", r)
		}
	}
	b.StopTimer()
	stop()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*files), "ns/file")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

// buildLintTree writes n folders app00001... under a temporary folder.
func buildLintTree(b *testing.B, n int) (string, int64) {
	b.Helper()
	corpus := filepath.Join(testutil.CorpusDir(b), "webconfig")
	entries, err := os.ReadDir(corpus)
	if err != nil {
		b.Skip("no corpus:", err)
	}
	var sources [][]byte
	for _, e := range entries { // sorted by name, as the script sorts
		if strings.HasSuffix(strings.ToLower(e.Name()), "web.config") {
			data, err := os.ReadFile(filepath.Join(corpus, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			sources = append(sources, data)
		}
	}
	if len(sources) == 0 {
		b.Skip("no web.config in the corpus")
	}
	dir := b.TempDir()
	var total int64
	for i := 0; i < n; i++ {
		app := filepath.Join(dir, fmt.Sprintf("app%05d", i+1))
		if err := os.Mkdir(app, 0o755); err != nil {
			b.Fatal(err)
		}
		data := sources[i%len(sources)]
		if err := os.WriteFile(filepath.Join(app, "web.config"), data, 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(data))
	}
	return dir, total
}

// sampleHeap records the largest live heap seen until stop is called.
func sampleHeap(peak *atomic.Uint64) (stop func()) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}

// BenchmarkWalkTree walks the tree of BenchmarkLintTree and finds each
// file's parents: what is done before the first file is judged.
func BenchmarkWalkTree(b *testing.B) {
	const files = 10000
	dir, _ := buildLintTree(b, files)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fsc := newFSContext(nil, nil)
		inputs, _, _ := collectInputsWith([]string{dir}, "web.config", walkOptions{folders: fsc.remember})
		if len(inputs) != files {
			b.Fatalf("%d inputs", len(inputs))
		}
		(&lintPipeline{fs: fsc}).plan(inputs)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*files), "ns/folder")
}

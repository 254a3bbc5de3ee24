package cli

import (
	"math/rand/v2"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// Results come out in input order whatever order the workers finish in,
// and a job is started only when its result has a slot: no more than the
// window wait for an earlier, slower one, however many workers there are.
func TestInParallelInOrder(t *testing.T) {
	const n, window, workers = 2000, 4, 12
	var got []string
	var emitted, ahead atomic.Int64
	inParallelInOrder(n, workers, window, func(i int) fileResult {
		if d := int64(i) - emitted.Load(); d > ahead.Load() {
			ahead.Store(d) // racy maximum: good enough to see a broken bound
		}
		if rand.IntN(50) == 0 {
			time.Sleep(time.Millisecond) // a slow file
		}
		return fileResult{path: strconv.Itoa(i)}
	}, func(r fileResult) {
		got = append(got, r.path)
		emitted.Add(1)
	})
	if len(got) != n {
		t.Fatalf("emitted %d results, want %d", len(got), n)
	}
	for i, p := range got {
		if p != strconv.Itoa(i) {
			t.Fatalf("result %d is %s", i, p)
		}
	}
	if ahead.Load() >= window {
		t.Errorf("a job was started %d results ahead of the last emitted, window %d", ahead.Load(), window)
	}
	inParallelInOrder(0, workers, window, func(int) fileResult { t.Fatal("a job of none"); return fileResult{} }, func(fileResult) {})
}

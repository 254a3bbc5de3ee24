package cli

import (
	"math/rand/v2"
	"os"
	"path/filepath"
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

// Sibling folders share the chain found above them, each taking its
// references; a parent released by every file below it is not handed
// out again: the next file gets a new one, read anew.
func TestChainAboveSharedThenRenewed(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, ".git"), nil, 0o644); err != nil {
		t.Fatal(err) // the chain stops here
	}
	site := `<configuration><system.web><authentication mode="Forms"/></system.web></configuration>`
	for _, f := range []string{"web.config", "a/web.config", "b/web.config"} {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(site), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := newFSContext(nil, nil)
	a, _, err := c.candidates(filepath.Join(root, "a", "web.config"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := c.candidates(filepath.Join(root, "b", "web.config"), "", nil)
	if len(a) != 1 || len(b) != 1 || a[0] != b[0] || a[0].refs != 2 {
		t.Fatalf("siblings: chains %v and %v, want one shared parent with 2 references", a, b)
	}
	if doc, err := c.load(a[0]); doc == nil || err != nil {
		t.Fatalf("parent not read: %v", err)
	}
	c.release(a)
	c.release(b)
	// A chain read just before its parent was released (as a candidates
	// running beside a release could) is not handed out again.
	c.above = map[string]chainAbove{root: {parents: a}}
	again, _, _ := c.candidates(filepath.Join(root, "a", "web.config"), "", nil)
	if len(again) != 1 || again[0] == a[0] || again[0].refs != 1 {
		t.Fatalf("after release: chain %v, want a new parent with 1 reference", again)
	}
	if doc, err := c.load(again[0]); doc == nil || err != nil {
		t.Fatalf("the new parent is not read: %v", err)
	}
}

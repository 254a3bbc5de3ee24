package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestRoomForInput: a large input raises lint's soft memory limit to hold
// its model (a 44 MB web.config spent most of its CPU collecting under the
// 64 MiB limit); a small one, a higher limit, no limit and the user's
// GOMEMLIMIT are left as they are.
func TestRoomForInput(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	t.Setenv("GOMEMLIMIT", "")
	for _, tc := range []struct {
		name        string
		limit, size int64
		want        int64
	}{
		{"small file", defaultSoftLimit, 900 << 10, defaultSoftLimit},
		{"44 MB file", defaultSoftLimit, 44 << 20, defaultSoftLimit + modelPerInputByte*(44<<20)},
		{"higher limit kept", 4 << 30, 44 << 20, 4 << 30},
		{"no limit kept", math.MaxInt64, 44 << 20, math.MaxInt64},
	} {
		debug.SetMemoryLimit(tc.limit)
		roomForInput(tc.size)
		if got := debug.SetMemoryLimit(-1); got != tc.want {
			t.Errorf("%s: limit %d, want %d", tc.name, got, tc.want)
		}
	}
	t.Setenv("GOMEMLIMIT", "100MiB")
	debug.SetMemoryLimit(100 << 20)
	roomForInput(44 << 20)
	if got := debug.SetMemoryLimit(-1); got != 100<<20 {
		t.Errorf("GOMEMLIMIT set: limit %d, want it left at 100 MiB", got)
	}
}

// TestGCPolicy: lint collects at a 64 MiB soft limit, not at a multiple of
// the live heap, and raises the limit to three times the live heap when a
// run keeps more alive; the settings come back afterwards. With the user's
// GOMEMLIMIT, the heap grows to nine times what is live under it.
func TestGCPolicy(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(32 << 20)) // a finite limit, that a late raise would show
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	restore := gcPolicy()
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("GOGC %d, want off", p)
	}
	if l := debug.SetMemoryLimit(-1); l != defaultSoftLimit {
		t.Errorf("limit %d, want %d", l, defaultSoftLimit)
	}
	kept := make([][]byte, 40) // 40 MiB alive: above a third of 64 MiB
	for i := range kept {
		kept[i] = make([]byte, 1<<20)
	}
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) < 3*40<<20 && time.Now().Before(deadline) {
		runtime.GC() // the limit follows after a collection
		time.Sleep(10 * time.Millisecond)
	}
	if l := debug.SetMemoryLimit(-1); l < 3*40<<20 {
		t.Errorf("limit %d with 40 MiB alive, want at least 120 MiB", l)
	}
	restore()
	runtime.GC() // a collection after the run, with 40 MiB still alive, must not raise the limit put back
	time.Sleep(50 * time.Millisecond)
	runtime.KeepAlive(kept)
	if p, l := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1); p != 100 || l != 32<<20 {
		t.Errorf("after: GOGC %d, limit %d; want them restored", p, l)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = gcPolicy()
	if p, l := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1); p != 800 || l != 32<<20 {
		t.Errorf("with GOMEMLIMIT: GOGC %d, limit %d; want 800 and the user's", p, l)
	}
	restore()
}

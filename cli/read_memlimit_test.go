package cli

import (
	"math"
	"runtime/debug"
	"testing"
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

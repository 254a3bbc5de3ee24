package validate

import "testing"

// A run cache keeps the first max keys offered, and no more.
func TestRunCacheKeepsAtMostMax(t *testing.T) {
	c := &runCache[string, int]{max: 2}
	for i, k := range []string{"a", "b", "c"} {
		c.remember(k, i)
	}
	for k, want := range map[string]int{"a": 0, "b": 1} {
		if got, ok := c.load(k); !ok || got != want {
			t.Errorf("%s: %d, %v; want %d", k, got, ok, want)
		}
	}
	if _, ok := c.load("c"); ok {
		t.Error("a third key was kept past max 2")
	}
}

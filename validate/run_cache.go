package validate

import (
	"sync"
	"sync/atomic"
)

// runCache remembers what is derived from a key for the rest of the run,
// for at most max keys: the same patterns and names come back in file
// after file, but a file of thousands of distinct ones must not pin
// memory for the run. Keys must be strings of their own, not pieces of a
// document's text, which they would keep alive.
type runCache[K comparable, V any] struct {
	max     int64
	entries sync.Map     // K -> V
	tried   atomic.Int64 // keys offered to remember, kept or not
}

func (c *runCache[K, V]) load(k K) (V, bool) {
	v, ok := c.entries.Load(k)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

// remember keeps v for k while fewer than max keys were offered.
func (c *runCache[K, V]) remember(k K, v V) {
	if c.tried.Add(1) <= c.max {
		c.entries.Store(k, v)
	}
}

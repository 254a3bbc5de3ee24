package config

import (
	"sync"
	"sync/atomic"
)

// ListCache keeps what is derived from lists that are long-lived and never
// changed (the stock lists, a root web.config's, a server's) for the run,
// up to a bound, by the list's first item and length and a tag telling
// derivations apart. An entry holds its list, so the first item's address
// cannot be taken by another list while the entry is kept.
type ListCache[V any] struct {
	entries sync.Map // listID -> listEntry[V]
	kept    atomic.Int64
}

type listID struct {
	tag   any // comparable: a schema pointer, a string
	first *Item
	n     int
}

type listEntry[V any] struct {
	items []Item
	value V
}

// maxKeptLists bounds a cache: a run that meets more distinct lists (a
// server of many applications) derives the others at each use.
const maxKeptLists = 256

// Get returns derive() for the list items under tag, from the cache when
// it was derived before.
func (c *ListCache[V]) Get(tag any, items []Item, derive func() V) V {
	if len(items) == 0 {
		return derive()
	}
	id := listID{tag, &items[0], len(items)}
	if e, ok := c.entries.Load(id); ok {
		return e.(listEntry[V]).value
	}
	v := derive()
	if c.kept.Add(1) <= maxKeptLists {
		c.entries.Store(id, listEntry[V]{items, v})
	}
	return v
}

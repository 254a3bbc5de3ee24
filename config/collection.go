package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/schema"
)

// Item is one entry of an effective collection.
type Item struct {
	Tag   string        // the add element's name ("add", "allow", ...)
	Attrs []schema.Attr // attributes as written, in order
	Doc   *Document     // nil for built-in defaults
	Elem  *etree.Element
}

// Get returns the written value of an attribute.
func (it Item) Get(name string) (string, bool) {
	for _, a := range it.Attrs {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}

// Value returns the attribute's written value, else the schema default.
func (it Item) Value(a *schema.Attribute) string {
	if v, ok := it.Get(a.Name); ok {
		return v
	}
	return a.Default
}

// ItemsFromEntries turns built-in entries into collection items.
func ItemsFromEntries(entries []schema.Entry) []Item {
	out := make([]Item, len(entries))
	for i, e := range entries {
		out[i] = Item{Tag: "add", Attrs: e}
	}
	return out
}

func itemFromElement(d *Document, e *etree.Element) Item {
	attrs := make([]schema.Attr, 0, len(e.Attr))
	for _, a := range e.Attr {
		attrs = append(attrs, schema.Attr{Name: a.FullKey(), Value: a.Value})
	}
	return Item{Tag: e.Tag, Attrs: attrs, Doc: d, Elem: e}
}

// MergeError is a problem IIS reports while merging a collection (HTTP
// 500.19), with the directive that causes it.
type MergeError struct {
	Doc  *Document
	Elem *etree.Element
	Msg  string
	Key  Key // the duplicate key's values
}

// Collection is an effective collection being merged down the hierarchy.
type Collection struct {
	Schema *schema.Collection
	Items  []Item
	keys   []*schema.Attribute
	// base is the list the collection started from: a caller's
	// long-lived list (a server's, a stock one), whose key index is kept.
	base []Item
}

// NewCollection starts a collection with inherited items.
// The items are shared, not copied: ApplyLevel never changes a list in
// place, it builds the next one.
func NewCollection(c *schema.Collection, inherited []Item) *Collection {
	items := inherited[:len(inherited):len(inherited)]
	return &Collection{Schema: c, Items: items, keys: c.Keys(), base: items}
}

// Clone copies the collection so that a branch of the hierarchy can be
// merged without changing it.
func (c *Collection) Clone() *Collection {
	return &Collection{Schema: c.Schema, Items: c.Items, keys: c.keys, base: c.base}
}

// shortList is the length up to which a list is searched by scanning, not
// through an index of its keys.
const shortList = 16

// ApplyLevel merges the directives of one configuration level (the
// children of its collection elements, in document order) as IIS does:
// <clear/> drops everything before it, <remove> drops the items with its
// key, <add> adds an item; the level's items go after the inherited ones,
// or before them when the collection's mergeAppend is false.
func (c *Collection) ApplyLevel(l Level) []MergeError {
	var errs []MergeError
	inherited, local := c.Items, []Item(nil)
	// A collection without key attributes (URL Rewrite's conditions)
	// cannot have duplicates.
	check := !c.Schema.AllowDuplicates && len(c.keys) > 0
	cleared := false // a <clear/> dropped every inherited item
	var gone []bool  // inherited items a <remove> dropped, by index
	var index *keyIndex
	inheritedIndex := func() *keyIndex { // a long inherited list's keys
		if index == nil {
			if sameList(inherited, c.base) {
				index = sharedKeyIndex(c.Schema, c.keys, inherited)
			} else {
				index = newKeyIndex(c.keys, inherited)
			}
		}
		return index
	}
	// forInherited calls f with the index of each inherited item left
	// that has key k.
	forInherited := func(k Key, f func(i int)) {
		if cleared {
			return
		}
		if len(inherited) <= shortList {
			for i, it := range inherited {
				if (gone == nil || !gone[i]) && c.hasKey(it, k) {
					f(i)
				}
			}
			return
		}
		x := inheritedIndex()
		for i := x.first[c.foldKey(k)]; i != 0; i = x.next[i-1] {
			if gone == nil || !gone[i-1] {
				f(int(i - 1))
			}
		}
	}
	var localKeys map[string]bool // folded keys of local, once it is long
	for _, container := range l.Elems {
		for d := range container.ChildElementsSeq() {
			switch {
			case d.Space != "":
				continue // e.g. xdt:Import in a transform
			case c.Schema.Clear != "" && d.Tag == c.Schema.Clear:
				cleared, gone, local = true, nil, nil
				if localKeys != nil {
					clear(localKeys)
				}
			case c.Schema.Remove != "" && d.Tag == c.Schema.Remove:
				key := c.keyOf(itemFromElement(l.Doc, d))
				forInherited(key, func(i int) {
					if gone == nil {
						gone = make([]bool, len(inherited))
					}
					gone[i] = true
				})
				local = c.without(local, key)
				if localKeys != nil {
					delete(localKeys, c.foldKey(key))
				}
			case c.Schema.IsAdd(d.Tag):
				it := itemFromElement(l.Doc, d)
				if check {
					key := c.keyOf(it)
					dup := false
					forInherited(key, func(int) { dup = true })
					var folded string
					if localKeys == nil && len(local) >= shortList {
						localKeys = make(map[string]bool, len(local))
						for _, x := range local {
							localKeys[foldedKey(c.keys, x.Value)] = true
						}
					}
					if localKeys != nil {
						folded = c.foldKey(key)
						dup = dup || localKeys[folded]
					} else {
						dup = dup || c.contains(local, key)
					}
					if dup {
						errs = append(errs, MergeError{Doc: l.Doc, Elem: d, Msg: c.duplicateMessage(d.Tag, key), Key: key})
						continue
					}
					if localKeys != nil {
						localKeys[folded] = true
					}
				}
				local = append(local, it)
			}
		}
	}
	if len(local) == 0 && gone == nil && (!cleared || len(inherited) == 0) {
		return errs // nothing added, removed or cleared: the list is as inherited
	}
	var kept []Item
	switch {
	case cleared:
	case gone == nil:
		kept = inherited
	default:
		kept = make([]Item, 0, len(inherited))
		for i, it := range inherited {
			if !gone[i] {
				kept = append(kept, it)
			}
		}
	}
	first, second := kept, local
	if !c.Schema.MergeAppend {
		first, second = local, kept
	}
	items := make([]Item, 0, len(first)+len(second))
	c.Items = append(append(items, first...), second...)
	return errs
}

// foldKey is foldedKey of the key k.
func (c *Collection) foldKey(k Key) string {
	return foldedKey(c.keys, func(a *schema.Attribute) string { return k[slices.Index(c.keys, a)] })
}

// sameList reports whether a and b are the same list (not equal lists).
func sameList(a, b []Item) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// keyIndex finds a list's items by key: folded as foldedKey does, so that
// keys found equal are those hasKey takes as equal.
type keyIndex struct {
	items []Item           // the list, held while the index is kept
	first map[string]int32 // folded key -> first index + 1
	next  []int32          // index -> next index with the same key + 1
}

func newKeyIndex(keys []*schema.Attribute, items []Item) *keyIndex {
	x := &keyIndex{items: items, first: make(map[string]int32, len(items)), next: make([]int32, len(items))}
	for i := len(items) - 1; i >= 0; i-- {
		k := foldedKey(keys, items[i].Value)
		x.next[i], x.first[k] = x.first[k], int32(i+1)
	}
	return x
}

// sharedKeyIndex is newKeyIndex for a list a collection starts from:
// such lists are few and long-lived (a server's lists, the stock ones) and
// never changed, so their indexes are kept.
func sharedKeyIndex(c *schema.Collection, keys []*schema.Attribute, items []Item) *keyIndex {
	return sharedKeyIndexes.Get(c, items, func() *keyIndex { return newKeyIndex(keys, items) })
}

var sharedKeyIndexes ListCache[*keyIndex]

// normalize turns a key into a map key that compares as the schema says:
// case-sensitively only for caseSensitive attributes.
func (c *Collection) normalize(k Key) string {
	if len(c.keys) == 1 {
		if c.keys[0].CaseSensitive {
			return k[0]
		}
		return strings.ToLower(k[0])
	}
	var b strings.Builder
	for i, a := range c.keys {
		if i > 0 {
			b.WriteByte(0)
		}
		if a.CaseSensitive {
			b.WriteString(k[i])
		} else {
			b.WriteString(strings.ToLower(k[i]))
		}
	}
	return b.String()
}

// Key is the values of an item's key attributes.
type Key []string

func (c *Collection) keyOf(it Item) Key {
	attrs := c.keys
	k := make(Key, len(attrs))
	for i, a := range attrs {
		k[i] = it.Value(a)
	}
	return k
}

func (c *Collection) contains(items []Item, k Key) bool {
	for _, it := range items {
		if c.hasKey(it, k) {
			return true
		}
	}
	return false
}

// hasKey compares an item's key with k without building the item's key.
func (c *Collection) hasKey(it Item, k Key) bool {
	for i, attr := range c.keys {
		v := it.Value(attr)
		if attr.CaseSensitive {
			if v != k[i] {
				return false
			}
		} else if !strings.EqualFold(v, k[i]) {
			return false
		}
	}
	return true
}

// without drops the items with key k, in place.
func (c *Collection) without(items []Item, k Key) []Item {
	out := items[:0]
	for _, it := range items {
		if !c.hasKey(it, k) {
			out = append(out, it)
		}
	}
	return out
}

// duplicateMessage is IIS's 500.19 text for a duplicate key
// (docs/iis-behaviour.md §5.3, docs/iis-behaviour.md §8).
func (c *Collection) duplicateMessage(tag string, k Key) string {
	attrs := c.keys
	if len(attrs) == 1 {
		return fmt.Sprintf("Cannot add duplicate collection entry of type '%s' with unique key attribute '%s' set to '%s'", tag, attrs[0].Name, k[0])
	}
	names := make([]string, len(attrs))
	for i, a := range attrs {
		names[i] = a.Name
	}
	kind := "combined key attributes"
	if attrs[0].UniqueKey {
		kind = "unique key attributes"
	}
	return fmt.Sprintf("Cannot add duplicate collection entry of type '%s' with %s '%s' respectively set to '%s'", tag, kind, strings.Join(names, ", "), strings.Join(k, ", "))
}

// KeyString is an item's key as a string that compares as the schema
// says (case-sensitively only for caseSensitive attributes): equal key
// strings are equal keys, so a set of them answers HasKey in one lookup.
func (c *Collection) KeyString(it Item) string { return c.normalize(c.keyOf(it)) }

// HasKey reports whether items holds an item with the key of it.
func (c *Collection) HasKey(items []Item, it Item) bool { return c.contains(items, c.keyOf(it)) }

// Find returns the index of the first item with key k (compared as the
// schema says: case-sensitively only for caseSensitive attributes), or -1.
func (c *Collection) Find(k Key) int {
	for i, it := range c.Items {
		if c.hasKey(it, k) {
			return i
		}
	}
	return -1
}

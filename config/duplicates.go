package config

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/schema"
)

// Duplicates returns the duplicate-key errors that merging section sec at
// path along chain meets: the Errors of Effective's elements, in the same
// order. Only keys are merged: no item list is built, and an inherited
// base list's keys are indexed once per process, so the cost follows the
// directives of the chain, not the length of the inherited lists.
func Duplicates(chain []Source, sec *schema.Section, path string, base func(elementPath string) []Item) []MergeError {
	var out []MergeError
	var walk func(p string, el *schema.Element, levels []Level)
	walk = func(p string, el *schema.Element, levels []Level) {
		if c := el.Collection; c != nil && !c.AllowDuplicates && len(levels) > 0 {
			if keys := c.Keys(); len(keys) > 0 {
				var inherited []Item
				if base != nil {
					inherited = base(p)
				}
				out = append(out, duplicateKeys(c, keys, inherited, levels)...)
			}
		}
		for _, child := range el.Children {
			if sub := childLevels(levels, child.Name); len(sub) > 0 {
				walk(p+"/"+child.Name, child, sub)
			}
		}
	}
	walk(sec.Path, sec.Root, LevelsAt(chain, sec.Path, path))
	return out
}

// duplicateKeys is ApplyLevel's duplicate check over levels, on the set
// of keys alone: the inherited keys (indexed once), those a <remove>
// took from them, whether a <clear> dropped them, and the keys the levels
// added.
func duplicateKeys(c *schema.Collection, keys []*schema.Attribute, inherited []Item, levels []Level) []MergeError {
	var errs []MergeError
	fromBase := inheritedKeys(c, keys, inherited)
	cleared := false
	var removed map[string]bool
	added := map[string]bool{}
	for _, l := range levels {
		for _, container := range l.Elems {
			for d := range container.ChildElementsSeq() {
				switch {
				case d.Space != "":
				case c.Clear != "" && d.Tag == c.Clear:
					cleared = true
					clear(added)
				case c.Remove != "" && d.Tag == c.Remove:
					k := foldedKey(keys, func(a *schema.Attribute) string { return elementValue(d, a) })
					delete(added, k)
					if !cleared && fromBase[k] {
						if removed == nil {
							removed = map[string]bool{}
						}
						removed[k] = true
					}
				case c.IsAdd(d.Tag):
					k := foldedKey(keys, func(a *schema.Attribute) string { return elementValue(d, a) })
					if added[k] || !cleared && fromBase[k] && !removed[k] {
						key := make(Key, len(keys))
						for i, a := range keys {
							key[i] = elementValue(d, a)
						}
						col := &Collection{Schema: c, keys: keys}
						errs = append(errs, MergeError{Doc: l.Doc, Elem: d, Msg: col.duplicateMessage(d.Tag, key), Key: key})
						continue
					}
					added[k] = true
				}
			}
		}
	}
	return errs
}

// elementValue is Item.Value for a directive element, without building
// the item: the attribute as written, else the schema default.
func elementValue(e *etree.Element, a *schema.Attribute) string {
	space, key, qualified := strings.Cut(a.Name, ":")
	if !qualified {
		space, key = "", a.Name
	}
	for _, x := range e.Attr {
		if x.Space == space && x.Key == key {
			return x.Value
		}
	}
	return a.Default
}

// foldedKey is a key as a string that is equal for keys the collection
// takes as equal: letter case folded as strings.EqualFold does (each rune
// to the smallest of its case orbit), except for caseSensitive
// attributes; several attributes are joined by NUL.
func foldedKey(keys []*schema.Attribute, value func(*schema.Attribute) string) string {
	if len(keys) == 1 {
		return foldKeyCase(value(keys[0]), keys[0].CaseSensitive)
	}
	var b strings.Builder
	for i, a := range keys {
		if i > 0 {
			b.WriteByte(0)
		}
		b.WriteString(foldKeyCase(value(a), a.CaseSensitive))
	}
	return b.String()
}

func foldKeyCase(s string, caseSensitive bool) string {
	if caseSensitive {
		return s
	}
	return FoldCase(s)
}

// FoldCase maps s to a string that is equal for strings strings.EqualFold
// takes as equal: each rune to the smallest of its case orbit. A string
// with no lower-case ASCII letter and no other letter comes back as it is.
func FoldCase(s string) string {
	folded, ascii := true, true // already folded: no allocation
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			folded, ascii = false, false
			break
		} else if 'a' <= c && c <= 'z' {
			folded = false
		}
	}
	if folded {
		return s
	}
	if ascii {
		// Byte by byte: the common case (names, types, paths) spends
		// most of its time in the rune loop's builder otherwise.
		b := make([]byte, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			b[i] = c
		}
		return unsafe.String(unsafe.SliceData(b), len(b)) // b is not used again
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z':
			// An ASCII letter's smallest fold is its capital (k, K and the
			// Kelvin sign fold together).
			r -= 'a' - 'A'
		case r >= utf8.RuneSelf:
			min := r
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f < min {
					min = f
				}
			}
			r = min
		}
		b.WriteRune(r)
	}
	return b.String()
}

// AppendFoldCase appends FoldCase(s) to dst: a hash of the folded string
// then needs no string of its own.
func AppendFoldCase(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				min := r
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					if f < min {
						min = f
					}
				}
				dst = utf8.AppendRune(dst, min)
			}
			return dst
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// inheritedKeys indexes the keys of an inherited list. The lists are
// few and long-lived (the built-in stock lists, a root web.config's, an
// applicationHost.config's) and shared, never changed: their indexes are
// kept.
func inheritedKeys(c *schema.Collection, keys []*schema.Attribute, items []Item) map[string]bool {
	if len(items) == 0 {
		return nil
	}
	return inheritedKeySets.Get(c, items, func() map[string]bool {
		set := make(map[string]bool, len(items))
		for _, it := range items {
			set[foldedKey(keys, it.Value)] = true
		}
		return set
	})
}

var inheritedKeySets ListCache[map[string]bool]

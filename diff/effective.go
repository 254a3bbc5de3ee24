package diff

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// BuiltIn names where an entry comes from when no file states it: the
// stock root web.config lists iiscfg knows. SchemaDefault marks a value
// no file sets, the schema's default.
const (
	BuiltIn       = "built-in"
	SchemaDefault = "default"
)

// Effective compares what a section amounts to at one configuration path
// before and after (see config.Effective): attributes with their schema
// defaults filled in, so that writing a default changes nothing, and
// collection items by their schema key. Positions name the file that set
// each value, which may be any file of the chain.
func Effective(a, b []config.EffectiveElement, opts Options) []Change {
	byPath := map[string][2]*config.EffectiveElement{}
	var order []string
	for side, els := range [][]config.EffectiveElement{a, b} {
		for i := range els {
			p := els[i].Path
			pair, seen := byPath[p]
			if !seen {
				order = append(order, p)
			}
			pair[side] = &els[i]
			byPath[p] = pair
		}
	}
	var changes []Change
	for _, p := range order {
		pair := byPath[p]
		changes = append(changes, effectiveAttrs(p, pair[0], pair[1])...)
		changes = append(changes, effectiveItems(p, pair[0], pair[1], opts)...)
	}
	return changes
}

// effectiveAttrs compares the element's own attributes.
func effectiveAttrs(path string, x, y *config.EffectiveElement) []Change {
	el := x
	if el == nil {
		el = y
	}
	var names []string
	for _, e := range []*config.EffectiveElement{x, y} {
		if e != nil {
			for _, a := range e.Attrs {
				names = append(names, a.Name)
			}
		}
	}
	var changes []Change
	for _, n := range sortedUnique(names) {
		ov, oset, oa := attrValue(x, el.Schema, n)
		nv, nset, na := attrValue(y, el.Schema, n)
		c := Change{Path: path, Attr: n, Old: ov, New: nv}
		switch {
		case ov == nv && oset == nset:
			continue
		case !oset:
			c.Kind = Added
		case !nset:
			c.Kind = Removed
		default:
			c.Kind = Changed
		}
		c.OldFile, c.OldPos = attrWhere(oa, oset)
		c.NewFile, c.NewPos = attrWhere(na, nset)
		changes = append(changes, c)
	}
	return changes
}

// attrValue is an attribute's effective value: as set, else the schema
// default. set is false when neither gives one.
func attrValue(e *config.EffectiveElement, s *schema.Element, name string) (v string, set bool, from *config.EffectiveAttr) {
	if e != nil {
		if a, ok := e.Attr(name); ok {
			return a.Value, true, &a
		}
	}
	if sa := s.Attr(name); sa != nil && sa.HasDefault {
		return sa.Default, true, nil
	}
	return "", false, nil
}

// attrWhere locates a value: the attribute that sets it, the schema
// default (set without a), or nothing.
func attrWhere(a *config.EffectiveAttr, set bool) (string, *config.Pos) {
	switch {
	case a == nil && set:
		return SchemaDefault, nil
	case a == nil:
		return "", nil
	}
	return a.Doc.Path, posOf(a.Doc, a.Elem, a.Name)
}

// elemWhere locates an element, or says the entry is built in.
func elemWhere(doc *config.Document, e *etree.Element) (string, *config.Pos) {
	if doc == nil {
		return BuiltIn, nil
	}
	return doc.Path, posOf(doc, e, "")
}

// keyedItem is a collection item with the name it is compared by.
type keyedItem struct {
	id   string
	item config.Item
}

// itemIDs names items by their key attributes ("add[@name='x']"); a key
// that occurs more than once (httpHandlers allows it) gets its occurrence
// ("add[@path='*' and @verb='*'][2]"), and items of a collection without
// keys their position.
func itemIDs(items []config.Item, coll *schema.Collection) []keyedItem {
	keys := coll.Keys()
	seen := map[string]int{}
	out := make([]keyedItem, len(items))
	for i, it := range items {
		var conds []string
		for _, k := range keys {
			conds = append(conds, fmt.Sprintf("@%s=%s", k.Name, quote(it.Value(k))))
		}
		id := fmt.Sprintf("%s[%d]", it.Tag, i+1)
		if len(conds) > 0 {
			id = it.Tag + "[" + strings.Join(conds, " and ") + "]"
			if seen[id]++; seen[id] > 1 {
				id = fmt.Sprintf("%s[%d]", id, seen[id])
			}
		}
		out[i] = keyedItem{id, it}
	}
	return out
}

// effectiveItems compares the merged collections.
func effectiveItems(path string, x, y *config.EffectiveElement, opts Options) []Change {
	el := x
	if el == nil {
		el = y
	}
	coll := el.Schema.Collection
	if coll == nil {
		return nil
	}
	var as, bs []keyedItem
	if x != nil {
		as = itemIDs(x.Items, coll)
	}
	if y != nil {
		bs = itemIDs(y.Items, coll)
	}
	inA, inB := map[string]keyedItem{}, map[string]keyedItem{}
	for _, k := range as {
		inA[k.id] = k
	}
	for _, k := range bs {
		inB[k.id] = k
	}
	var changes []Change
	for _, k := range as {
		if _, ok := inB[k.id]; !ok {
			c := Change{Kind: Removed, Path: path, Entry: k.id, Old: renderItem(k.item)}
			c.OldFile, c.OldPos = elemWhere(k.item.Doc, k.item.Elem)
			changes = append(changes, c)
		}
	}
	for _, k := range bs {
		old, ok := inA[k.id]
		if !ok {
			c := Change{Kind: Added, Path: path, Entry: k.id, New: renderItem(k.item)}
			c.NewFile, c.NewPos = elemWhere(k.item.Doc, k.item.Elem)
			changes = append(changes, c)
			continue
		}
		changes = append(changes, itemAttrs(path, k.id, coll.Item, old.item, k.item)...)
	}
	if !opts.IgnoreOrder {
		ids := func(ks []keyedItem) []string {
			out := make([]string, len(ks))
			for i, k := range ks {
				out[i] = k.id
			}
			return out
		}
		for _, mv := range moves(ids(as), ids(bs)) {
			c := Change{Kind: Moved, Path: path, Entry: mv.id, Old: fmt.Sprintf("entry %d", mv.from), New: fmt.Sprintf("entry %d", mv.to)}
			c.OldFile, c.OldPos = elemWhere(inA[mv.id].item.Doc, inA[mv.id].item.Elem)
			c.NewFile, c.NewPos = elemWhere(inB[mv.id].item.Doc, inB[mv.id].item.Elem)
			changes = append(changes, c)
		}
	}
	return changes
}

// itemAttrs compares one item's attributes, defaults filled in.
func itemAttrs(path, id string, s *schema.Element, x, y config.Item) []Change {
	var names []string
	for _, it := range []config.Item{x, y} {
		for _, a := range it.Attrs {
			names = append(names, a.Name)
		}
	}
	value := func(it config.Item, n string) (string, bool) {
		if v, ok := it.Get(n); ok {
			return v, true
		}
		if a := s.Attr(n); a != nil && a.HasDefault {
			return a.Default, true
		}
		return "", false
	}
	var changes []Change
	for _, n := range sortedUnique(names) {
		ov, oset := value(x, n)
		nv, nset := value(y, n)
		if ov == nv && oset == nset {
			continue
		}
		c := Change{Kind: Changed, Path: path, Entry: id, Attr: n, Old: ov, New: nv}
		switch {
		case !oset:
			c.Kind = Added
		case !nset:
			c.Kind = Removed
		}
		c.OldFile, c.OldPos = itemAttrWhere(x, n, oset)
		c.NewFile, c.NewPos = itemAttrWhere(y, n, nset)
		changes = append(changes, c)
	}
	return changes
}

func itemAttrWhere(it config.Item, name string, set bool) (string, *config.Pos) {
	if _, written := it.Get(name); !written {
		if set {
			return SchemaDefault, nil
		}
		return elemWhere(it.Doc, it.Elem)
	}
	if it.Doc == nil {
		return BuiltIn, nil
	}
	return it.Doc.Path, posOf(it.Doc, it.Elem, name)
}

// renderItem writes an item's attributes in the order written.
func renderItem(it config.Item) string {
	parts := make([]string, 0, len(it.Attrs))
	for _, a := range it.Attrs {
		if strings.HasPrefix(a.Name, "xmlns") {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s=%q", a.Name, a.Value))
	}
	return strings.Join(parts, " ")
}

// sortedUnique sorts names and drops repeats.
func sortedUnique(names []string) []string {
	sort.Strings(names)
	return slices.Compact(names)
}

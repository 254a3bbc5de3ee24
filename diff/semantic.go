package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// A configuration file is compared as the facts it states, not as text:
// the attributes and text of each element, and, in collections, the
// sequence of add/remove/clear directives, each identified by its key.
// Whitespace, comments, attribute order, quotes, entity spelling and
// encoding never count. An element with no attributes, text or children
// states nothing, so an empty <httpModules/> is the same as none, as it is
// for IIS.

// Kind is what happened to a fact.
type Kind int

const (
	Added Kind = iota
	Removed
	Changed
	Moved
)

func (k Kind) String() string { return [...]string{"added", "removed", "changed", "moved"}[k] }

// Symbol is the one-character mark of a kind (dyff's convention).
func (k Kind) Symbol() string { return [...]string{"+", "-", "±", "⇆"}[k] }

// Where is the change's full path: the element, the entry, and "/@attr".
func (c Change) Where() string {
	w := join(c.Path, c.Entry)
	switch {
	case c.Attr == "#text":
		return w + "/text()"
	case c.Attr != "":
		return w + "/@" + c.Attr
	}
	return w
}

// Change is one semantic difference.
type Change struct {
	Kind Kind
	// Path names the element, XPath-like, from inside <configuration>:
	// "system.web/compilation", "location[@path='api']/system.web/httpHandlers".
	// For a collection entry it is the collection's path.
	Path string
	// Entry names a collection entry: "add[@name='x']",
	// "add[@path='*' and @verb='*']", "remove[@name='y']", "clear[1]".
	Entry string
	// Attr is the attribute for an attribute change, "#text" for text, ""
	// when the change is the collection entry itself.
	Attr string
	// Old and New are the values: an attribute's value, or an entry's
	// attributes ("name=\"x\" type=\"T\"").
	Old, New string
	// OldPos and NewPos locate the change in each file (nil where absent).
	OldPos, NewPos *config.Pos
	// OldFile and NewFile name the file of OldPos and NewPos when it is not
	// the one compared (an effective diff's inherited entries), or BuiltIn.
	OldFile, NewFile string
	// keys are the key (or name) attributes of the old and new element
	// whose attribute changed, or of the element holding the text that
	// changed (<setting name="x"><value>): Redact reads them where the
	// path leaves the key out (a lone element).
	keys [2]string
}

// Options tune a semantic diff.
type Options struct {
	IgnoreOrder bool // do not report entries that only moved in a collection
}

// Semantic compares two configuration files.
func Semantic(a, b *config.Document, opts Options) []Change {
	d := &differ{a: a, b: b, opts: opts}
	ra, rb := a.Root(), b.Root()
	if ra == nil || rb == nil {
		return nil
	}
	d.compareContainer(nil, scopeChildren(ra), scopeChildren(rb), schemaCursor{})
	d.compareLocations(ra, rb)
	return d.changes
}

type differ struct {
	a, b    *config.Document
	opts    Options
	changes []Change
}

func (d *differ) add(c Change) { d.changes = append(d.changes, c) }

// scopeChildren is a configuration element's children outside <location>.
func scopeChildren(root *etree.Element) []*etree.Element {
	var out []*etree.Element
	for _, c := range root.ChildElements() {
		if !(c.Space == "" && c.Tag == "location") {
			out = append(out, c)
		}
	}
	return out
}

// location groups the <location> tags of one path.
type location struct {
	tags     []*etree.Element
	children []*etree.Element
}

func locations(root *etree.Element) (map[string]*location, []string) {
	byPath := map[string]*location{}
	var order []string
	for _, c := range root.ChildElements() {
		if c.Space != "" || c.Tag != "location" {
			continue
		}
		p := config.NormalizeLocationPath(c.SelectAttrValue("path", ""))
		l := byPath[p]
		if l == nil {
			l = &location{}
			byPath[p] = l
			order = append(order, p)
		}
		l.tags = append(l.tags, c)
		l.children = append(l.children, c.ChildElements()...)
	}
	return byPath, order
}

func (d *differ) compareLocations(ra, rb *etree.Element) {
	la, orderA := locations(ra)
	lb, orderB := locations(rb)
	paths := append([]string(nil), orderA...)
	for _, p := range orderB {
		if la[p] == nil {
			paths = append(paths, p)
		}
	}
	for _, p := range paths {
		scope := child(nil, fmt.Sprintf("location[@path='%s']", p))
		x, y := la[p], lb[p]
		var xt, yt, xc, yc []*etree.Element
		if x != nil {
			xt, xc = x.tags, x.children
		}
		if y != nil {
			yt, yc = y.tags, y.children
		}
		// The location tag's own attributes (overrideMode, ...), path aside.
		d.compareAttrs(scope, "", first(xt), first(yt), map[string]bool{"path": true})
		d.compareContainer(scope, xc, yc, schemaCursor{})
	}
}

func first(es []*etree.Element) *etree.Element {
	if len(es) == 0 {
		return nil
	}
	return es[0]
}

// compareContainer matches the child elements of two containers (either
// may be missing) and compares each pair. at is the container's place in
// the schema (the zero cursor at the top of a scope).
func (d *differ) compareContainer(prefix *elemPath, as, bs []*etree.Element, at schemaCursor) {
	if len(as) <= 1 && len(bs) <= 1 {
		d.compareOnlyChildren(prefix, as, bs, at)
		return
	}
	ids := identify(as, bs)
	seen := map[string]bool{}
	var order []string
	for _, e := range as {
		if id := ids[e]; !seen[id] {
			seen[id] = true
			order = append(order, id)
		}
	}
	for _, e := range bs {
		if id := ids[e]; !seen[id] {
			seen[id] = true
			order = append(order, id)
		}
	}
	byID := func(es []*etree.Element) map[string]*etree.Element {
		m := map[string]*etree.Element{}
		for _, e := range es {
			m[ids[e]] = e
		}
		return m
	}
	ma, mb := byID(as), byID(bs)
	for _, id := range order {
		x, y := ma[id], mb[id]
		tag := id
		if x != nil {
			tag = qname(x)
		} else {
			tag = qname(y)
		}
		d.compareElement(child(prefix, id), x, y, at.step(tag))
	}
}

// compareOnlyChildren is compareContainer for containers of at most one
// child element each, without its maps: a lone element is named by its
// tag, and when the tags differ the old one is compared first.
func (d *differ) compareOnlyChildren(prefix *elemPath, as, bs []*etree.Element, at schemaCursor) {
	var x, y *etree.Element
	if len(as) == 1 {
		x = as[0]
	}
	if len(bs) == 1 {
		y = bs[0]
	}
	switch {
	case x != nil && y != nil && qname(x) != qname(y):
		d.compareElement(child(prefix, qname(x)), x, nil, at.step(qname(x)))
		d.compareElement(child(prefix, qname(y)), nil, y, at.step(qname(y)))
	case x != nil:
		d.compareElement(child(prefix, qname(x)), x, y, at.step(qname(x)))
	case y != nil:
		d.compareElement(child(prefix, qname(y)), nil, y, at.step(qname(y)))
	}
}

// compareElement compares two elements at the same path (either may be
// missing: then every fact of the other is added or removed).
func (d *differ) compareElement(p *elemPath, x, y *etree.Element, at schemaCursor) {
	d.compareAttrs(p, "", x, y, nil)
	d.compareText(p, "", x, y)
	if coll := collectionAt(at, x, y); coll != nil {
		d.compareCollection(p, x, y, coll, at)
		return
	}
	d.compareContainer(p, children(x), children(y), at)
}

func children(e *etree.Element) []*etree.Element {
	if e == nil {
		return nil
	}
	return e.ChildElements()
}

// compareAttrs compares the attributes of two elements, namespace
// declarations aside (IIS does not read them).
func (d *differ) compareAttrs(p *elemPath, entry string, x, y *etree.Element, skip map[string]bool) {
	var bufA, bufB [8]attr
	av, bv := attrs(bufA[:0], x, skip), attrs(bufB[:0], y, skip)
	for len(av) > 0 || len(bv) > 0 {
		switch {
		case len(bv) == 0 || len(av) > 0 && av[0].name < bv[0].name:
			n := av[0].name
			d.add(Change{Kind: Removed, Path: p.String(), Entry: entry, Attr: n, Old: av[0].value, OldPos: posOf(d.a, x, n), NewPos: posOf(d.b, y, ""), keys: keysOf(x, y)})
			av = av[1:]
		case len(av) == 0 || bv[0].name < av[0].name:
			n := bv[0].name
			d.add(Change{Kind: Added, Path: p.String(), Entry: entry, Attr: n, New: bv[0].value, OldPos: posOf(d.a, x, ""), NewPos: posOf(d.b, y, n), keys: keysOf(x, y)})
			bv = bv[1:]
		default:
			if n := av[0].name; av[0].value != bv[0].value {
				d.add(Change{Kind: Changed, Path: p.String(), Entry: entry, Attr: n, Old: av[0].value, New: bv[0].value, OldPos: posOf(d.a, x, n), NewPos: posOf(d.b, y, n), keys: keysOf(x, y)})
			}
			av, bv = av[1:], bv[1:]
		}
	}
}

// attr is an attribute by its full name ("xdt:Transform").
type attr struct{ name, value string }

// attrs appends the attributes of e to dst sorted by name, namespace
// declarations and skip aside; of two with one name, the last counts.
func attrs(dst []attr, e *etree.Element, skip map[string]bool) []attr {
	if e == nil {
		return dst
	}
	for _, a := range e.Attr {
		k := a.FullKey()
		if a.Space == "xmlns" || k == "xmlns" || skip[k] {
			continue
		}
		dst = append(dst, attr{k, a.Value})
	}
	slices.SortStableFunc(dst, func(a, b attr) int { return strings.Compare(a.name, b.name) })
	out := dst[:0]
	for i, a := range dst {
		if i+1 < len(dst) && dst[i+1].name == a.name {
			continue
		}
		out = append(out, a)
	}
	return out
}

// compareText compares an element's own text, trimmed; white space that
// only lays out child elements is no text.
func (d *differ) compareText(p *elemPath, entry string, x, y *etree.Element) {
	ta, tb := ownText(x), ownText(y)
	if ta == tb {
		return
	}
	c := Change{Path: p.String(), Entry: entry, Attr: "#text", Old: ta, New: tb, OldPos: posOf(d.a, x, ""), NewPos: posOf(d.b, y, ""),
		keys: keysOf(parentOf(x), parentOf(y))}
	switch {
	case ta == "":
		c.Kind = Added
	case tb == "":
		c.Kind = Removed
	default:
		c.Kind = Changed
	}
	d.add(c)
}

func ownText(e *etree.Element) string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	for _, t := range e.Child {
		if cd, ok := t.(*etree.CharData); ok {
			b.WriteString(cd.Data)
		}
	}
	return strings.TrimSpace(b.String())
}

// posOf is where attribute attr of e starts in doc, or e itself when it
// has no such attribute (attr ""); nil when e is not an element of doc.
func posOf(doc *config.Document, e *etree.Element, attr string) *config.Pos {
	if doc == nil || e == nil || doc.Info(e) == nil {
		return nil
	}
	p := doc.StartPos(e)
	if a, ok := doc.AttrInfo(e, attr); ok {
		p = doc.Pos(a.Key.Start)
	}
	return &p
}

func qname(e *etree.Element) string {
	if e.Space != "" {
		return e.Space + ":" + e.Tag
	}
	return e.Tag
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	if name == "" {
		return prefix
	}
	return prefix + "/" + name
}

// identify names the children of two containers so that the same element
// gets the same name on both sides: its tag when it is the only one; else
// a unique name/key/id/path attribute (dyff's heuristic); else its position
// among the elements of its tag.
func identify(as, bs []*etree.Element) map[*etree.Element]string {
	ids := map[*etree.Element]string{}
	byTag := map[string][2][]*etree.Element{}
	var tags []string
	for side, es := range [][]*etree.Element{as, bs} {
		for _, e := range es {
			t := qname(e)
			g, ok := byTag[t]
			if !ok {
				tags = append(tags, t)
			}
			g[side] = append(g[side], e)
			byTag[t] = g
		}
	}
	for _, t := range tags {
		g := byTag[t]
		if len(g[0]) <= 1 && len(g[1]) <= 1 {
			for _, side := range g {
				for _, e := range side {
					ids[e] = t
				}
			}
			continue
		}
		if attr := uniqueAttr(g[0], g[1], "name", "key", "id", "path"); attr != "" {
			for _, side := range g {
				for _, e := range side {
					ids[e] = fmt.Sprintf("%s[@%s=%s]", t, attr, quote(e.SelectAttrValue(attr, "")))
				}
			}
			continue
		}
		for _, side := range g {
			for i, e := range side {
				ids[e] = fmt.Sprintf("%s[%d]", t, i+1)
			}
		}
	}
	return ids
}

// uniqueAttr returns the first candidate attribute present on every element
// of both lists with values unique within each list.
func uniqueAttr(as, bs []*etree.Element, candidates ...string) string {
next:
	for _, c := range candidates {
		for _, list := range [][]*etree.Element{as, bs} {
			seen := map[string]bool{}
			for _, e := range list {
				a := e.SelectAttr(c)
				if a == nil || seen[a.Value] {
					continue next
				}
				seen[a.Value] = true
			}
		}
		return c
	}
	return ""
}

// quote writes a value for a path predicate: 'value', or "value" when the
// value holds an apostrophe.
func quote(v string) string {
	var b strings.Builder
	b.Grow(len(v) + 2)
	writeQuoted(&b, v)
	return b.String()
}

func writeQuoted(b *strings.Builder, v string) {
	q := byte('\'')
	if strings.IndexByte(v, '\'') >= 0 {
		q = '"'
	}
	b.WriteByte(q)
	b.WriteString(v)
	b.WriteByte(q)
}

// collectionAt returns the schema of the collection an element holds, from
// the IIS schema when the section is described, otherwise guessed: an
// element whose children are add/remove/clear directives.
func collectionAt(at schemaCursor, x, y *etree.Element) *schema.Collection {
	if at.el != nil {
		return at.el.Collection
	}
	for _, e := range []*etree.Element{x, y} {
		for _, c := range children(e) {
			if c.Space == "" && (c.Tag == "add" || c.Tag == "remove" || c.Tag == "clear") {
				return guessedCollection
			}
		}
	}
	return nil
}

// guessedCollection is a collection the schema does not describe: entries
// keyed by a unique name, key, id or path attribute.
var guessedCollection = &schema.Collection{Add: []string{"add"}, Remove: "remove", Clear: "clear", MergeAppend: true, Item: &schema.Element{}}

// directive is one child of a collection element with its identity.
type directive struct {
	id   string
	elem *etree.Element
}

// directives identifies a collection's children: add entries by their key
// attributes (add[@name='x']), remove by the key they remove, clear by its
// position among clears; anything else by identify's rules.
func directives(as, bs []*etree.Element, coll *schema.Collection) (da, db []directive) {
	keys := keyNames(coll)
	if len(keys) == 0 {
		var adds [2][]*etree.Element
		for side, es := range [][]*etree.Element{as, bs} {
			for _, e := range es {
				if e.Space == "" && coll.IsAdd(e.Tag) {
					adds[side] = append(adds[side], e)
				}
			}
		}
		if k := uniqueAttr(adds[0], adds[1], "name", "key", "id", "path"); k != "" {
			keys = []string{k}
		}
	}
	other := func(list []*etree.Element) []*etree.Element {
		var out []*etree.Element
		for _, e := range list {
			if !isDirective(e, coll) {
				out = append(out, e)
			}
		}
		return out
	}
	otherIDs := identify(other(as), other(bs))
	build := func(list []*etree.Element) []directive {
		out := make([]directive, 0, len(list))
		count := make(map[string]int, len(list))
		addN := 0
		for _, e := range list {
			var id string
			switch {
			case e.Space == "" && coll.IsAdd(e.Tag):
				addN++
				if id = keyed(e, keys); id == "" {
					id = e.Tag + "[" + strconv.Itoa(addN) + "]"
				}
			case e.Space == "" && coll.Remove != "" && e.Tag == coll.Remove:
				if id = keyed(e, keys); id == "" {
					id = e.Tag
				}
			case e.Space == "" && coll.Clear != "" && e.Tag == coll.Clear:
				id = e.Tag
			default:
				id = otherIDs[e]
			}
			count[id]++
			if n := count[id]; n > 1 || (e.Space == "" && e.Tag == coll.Clear) {
				id += "[" + strconv.Itoa(n) + "]"
			}
			out = append(out, directive{id: id, elem: e})
		}
		return out
	}
	return build(as), build(bs)
}

func isDirective(e *etree.Element, coll *schema.Collection) bool {
	return e.Space == "" && (coll.IsAdd(e.Tag) || (coll.Remove != "" && e.Tag == coll.Remove) || (coll.Clear != "" && e.Tag == coll.Clear))
}

func keyNames(coll *schema.Collection) []string {
	if coll.Item == nil {
		return nil
	}
	var out []string
	for _, a := range coll.Keys() {
		out = append(out, a.Name)
	}
	return out
}

// keyed writes tag[@k1='v1' and @k2='v2'], or "" when the element has
// none of the key attributes.
func keyed(e *etree.Element, keys []string) string {
	size := 0
	for _, k := range keys {
		if a := e.SelectAttr(k); a != nil {
			size += len(k) + len(a.Value) + len(" and @=''")
		}
	}
	if size == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(len(e.Tag) + 2 + size)
	b.WriteString(e.Tag)
	b.WriteByte('[')
	for _, k := range keys {
		a := e.SelectAttr(k)
		if a == nil {
			continue
		}
		if b.Len() > len(e.Tag)+1 {
			b.WriteString(" and ")
		}
		b.WriteByte('@')
		b.WriteString(k)
		b.WriteByte('=')
		writeQuoted(&b, a.Value)
	}
	b.WriteByte(']')
	return b.String()
}

func (d *differ) compareCollection(p *elemPath, x, y *etree.Element, coll *schema.Collection, at schemaCursor) {
	da, db := directives(children(x), children(y), coll)
	inB := make(map[string]directive, len(db))
	for _, v := range db {
		inB[v.id] = v
	}
	inA := make(map[string]directive, len(da))
	for _, v := range da {
		inA[v.id] = v
	}
	items := map[string]schemaCursor{} // by tag: entries share a few
	itemAt := func(tag string) schemaCursor {
		c, ok := items[tag]
		if !ok {
			c = at.step(tag)
			items[tag] = c
		}
		return c
	}
	for _, v := range da {
		w, ok := inB[v.id]
		if !ok {
			d.add(Change{Kind: Removed, Path: p.String(), Entry: v.id, Old: render(v.elem), OldPos: posOf(d.a, v.elem, ""), NewPos: posOf(d.b, y, "")})
			continue
		}
		item := itemAt(qname(v.elem))
		if isDirective(v.elem, coll) {
			d.compareAttrs(p, v.id, v.elem, w.elem, nil)
			d.compareText(p, v.id, v.elem, w.elem)
			if ca, cb := children(v.elem), children(w.elem); len(ca)+len(cb) > 0 {
				d.compareContainer(child(p, v.id), ca, cb, item)
			}
		} else {
			d.compareElement(child(p, v.id), v.elem, w.elem, item)
		}
	}
	for _, w := range db {
		if _, ok := inA[w.id]; !ok {
			d.add(Change{Kind: Added, Path: p.String(), Entry: w.id, New: render(w.elem), OldPos: posOf(d.a, x, ""), NewPos: posOf(d.b, w.elem, "")})
		}
	}
	if !d.opts.IgnoreOrder {
		d.compareOrder(p, da, db, inA, inB)
	}
}

// compareOrder reports the entries present on both sides whose order
// changed: those outside a longest common subsequence.
func (d *differ) compareOrder(p *elemPath, da, db []directive, inA, inB map[string]directive) {
	ids := func(ds []directive) []string {
		out := make([]string, len(ds))
		for i, v := range ds {
			out[i] = v.id
		}
		return out
	}
	for _, mv := range moves(ids(da), ids(db)) {
		d.add(Change{Kind: Moved, Path: p.String(), Entry: mv.id, Old: fmt.Sprintf("entry %d", mv.from), New: fmt.Sprintf("entry %d", mv.to),
			OldPos: posOf(d.a, inA[mv.id].elem, ""), NewPos: posOf(d.b, inB[mv.id].elem, "")})
	}
}

// render writes an entry's attributes in the order written, and says how
// many child elements it has.
func render(e *etree.Element) string {
	var parts []string
	for _, a := range e.Attr {
		if a.Space == "xmlns" || a.FullKey() == "xmlns" {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s=%q", a.FullKey(), a.Value))
	}
	switch n := len(e.ChildElements()); n {
	case 0:
	case 1:
		parts = append(parts, "(1 child element)")
	default:
		parts = append(parts, fmt.Sprintf("(%d child elements)", n))
	}
	return strings.Join(parts, " ")
}

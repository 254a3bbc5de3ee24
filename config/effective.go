package config

import (
	"fmt"
	"sort"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/schema"
)

// EffectiveElement is one element of a section as it applies at a
// configuration path, merged along a chain of files: its attributes (the
// last level that sets one wins) and, when it holds a collection, the
// merged items.
type EffectiveElement struct {
	Path   string // "system.webServer/handlers", "system.webServer/security/requestFiltering/requestLimits"
	Schema *schema.Element
	Attrs  []EffectiveAttr // sorted by name
	Items  []Item          // the merged collection; nil when Schema has none or it is empty
	Errors []MergeError
}

// EffectiveAttr is an attribute's value and the element that set it last.
type EffectiveAttr struct {
	Name, Value string
	Doc         *Document
	Elem        *etree.Element
}

// Attr returns the attribute set along the chain, if any.
func (e *EffectiveElement) Attr(name string) (EffectiveAttr, bool) {
	for _, a := range e.Attrs {
		if a.Name == name {
			return a, true
		}
	}
	return EffectiveAttr{}, false
}

// Effective merges the section sec as it applies at path along chain.
// base gives the inherited items of a collection that no file of the chain
// holds (the built-in root web.config lists), by element path
// ("system.web/httpModules", "connectionStrings"); it may be nil. It
// returns the section's root element first, then its child elements, depth
// first; an element that no level sets and that has no items is left out.
func Effective(chain []Source, sec *schema.Section, path string, base func(elementPath string) []Item) []EffectiveElement {
	return (&Merger{}).Effective(chain, sec, path, base)
}

// Merger computes effective sections and remembers the collection states
// it reached, keyed by the levels applied, so that merging one section at
// many paths of a file (applicationHost.config's location tags) re-applies
// only the levels that differ. A Merger is for one goroutine and one base.
type Merger struct {
	states map[string]mergeState
}

type mergeState struct {
	items []Item
	errs  []MergeError
}

// merge applies levels to a collection starting from base, reusing the
// longest prefix of levels merged before.
func (m *Merger) merge(p string, coll *schema.Collection, base []Item, levels []Level) ([]Item, []MergeError) {
	if m.states == nil {
		m.states = map[string]mergeState{}
	}
	keys := make([]string, len(levels)+1)
	keys[0] = p
	for i, l := range levels {
		keys[i+1] = fmt.Sprintf("%s|%p", keys[i], l.Elems[0])
	}
	c, start := NewCollection(coll, base), 0
	var errs []MergeError
	for i := len(levels); i > 0; i-- {
		if st, ok := m.states[keys[i]]; ok {
			c.Items, errs, start = st.items, append([]MergeError(nil), st.errs...), i
			break
		}
	}
	for i := start; i < len(levels); i++ {
		errs = append(errs, c.ApplyLevel(levels[i])...)
		m.states[keys[i+1]] = mergeState{c.Items, append([]MergeError(nil), errs...)}
	}
	return c.Items, errs
}

// Effective is the package function Effective, with the merger's memory.
func (m *Merger) Effective(chain []Source, sec *schema.Section, path string, base func(elementPath string) []Item) []EffectiveElement {
	if base == nil {
		base = func(string) []Item { return nil }
	}
	var out []EffectiveElement
	var walk func(p string, el *schema.Element, levels []Level)
	walk = func(p string, el *schema.Element, levels []Level) {
		ee := EffectiveElement{Path: p, Schema: el}
		set := map[string]EffectiveAttr{}
		for _, l := range levels {
			for _, e := range l.Elems {
				for _, a := range e.Attr {
					if a.Space == "xmlns" || (a.Space == "" && a.Key == "xmlns") {
						continue // namespace declarations are not configuration
					}
					set[a.FullKey()] = EffectiveAttr{Name: a.FullKey(), Value: a.Value, Doc: l.Doc, Elem: e}
				}
			}
		}
		for _, a := range set {
			ee.Attrs = append(ee.Attrs, a)
		}
		sort.Slice(ee.Attrs, func(i, j int) bool { return ee.Attrs[i].Name < ee.Attrs[j].Name })
		if el.Collection != nil {
			ee.Items, ee.Errors = m.merge(p, el.Collection, base(p), levels)
		}
		if len(ee.Attrs) > 0 || len(ee.Items) > 0 || len(ee.Errors) > 0 {
			out = append(out, ee)
		}
		for _, child := range el.Children {
			walk(p+"/"+child.Name, child, childLevels(levels, child.Name))
		}
	}
	walk(sec.Path, sec.Root, LevelsAt(chain, sec.Path, path))
	return out
}

// childLevels is, level by level, the child elements named name of each
// level's elements; levels without one are left out. Effective and
// Duplicates descend the same way, so their answers stay in step.
func childLevels(levels []Level, name string) []Level {
	var sub []Level
	for _, l := range levels {
		var elems []*etree.Element
		for _, e := range l.Elems {
			for c := range e.ChildElementsSeq() {
				if c.Space == "" && c.Tag == name {
					elems = append(elems, c)
				}
			}
		}
		if len(elems) > 0 {
			sub = append(sub, Level{Doc: l.Doc, Location: l.Location, Elems: elems})
		}
	}
	return sub
}

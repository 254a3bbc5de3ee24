package config

import (
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

// Effective merges the section sec as it applies at path along chain,
// with base as the inherited items of its root collection (the built-in
// root web.config lists; nil when the chain holds them). It returns the
// section's root element first, then its child elements, depth first; an
// element that no level sets and that has no items is left out.
func Effective(chain []Source, sec *schema.Section, path string, base []Item) []EffectiveElement {
	var out []EffectiveElement
	var walk func(p string, el *schema.Element, levels []Level, base []Item)
	walk = func(p string, el *schema.Element, levels []Level, base []Item) {
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
			c := NewCollection(el.Collection, base)
			for _, l := range levels {
				ee.Errors = append(ee.Errors, c.ApplyLevel(l)...)
			}
			ee.Items = c.Items
		}
		if len(ee.Attrs) > 0 || len(ee.Items) > 0 || len(ee.Errors) > 0 {
			out = append(out, ee)
		}
		for _, child := range el.Children {
			var sub []Level
			for _, l := range levels {
				var elems []*etree.Element
				for _, e := range l.Elems {
					for _, c := range e.ChildElements() {
						if c.Space == "" && c.Tag == child.Name {
							elems = append(elems, c)
						}
					}
				}
				if len(elems) > 0 {
					sub = append(sub, Level{Doc: l.Doc, Location: l.Location, Elems: elems})
				}
			}
			walk(p+"/"+child.Name, child, sub, nil)
		}
	}
	walk(sec.Path, sec.Root, LevelsAt(chain, sec.Path, path), base)
	return out
}

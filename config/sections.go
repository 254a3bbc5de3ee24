package config

import (
	"slices"
	"sort"
	"strings"

	"github.com/beevik/etree"
)

// Location is a <location> tag of a document.
type Location struct {
	Elem *etree.Element
	Path string // normalized: "" for the file's own level
}

// NormalizeLocationPath turns a location path attribute into the form used
// for matching: no surrounding slashes or spaces, and "" for "." or "".
func NormalizeLocationPath(p string) string {
	p = strings.Trim(strings.TrimSpace(p), "/")
	if p == "." {
		return ""
	}
	return p
}

// Locations lists the document's <location> tags (children of the root) in
// document order.
func (d *Document) Locations() []Location { return d.locations }

func (d *Document) findLocations() []Location {
	root := d.Root()
	if root == nil {
		return nil
	}
	var out []Location
	for c := range root.ChildElementsSeq() {
		if c.Space == "" && c.Tag == "location" {
			out = append(out, Location{Elem: c, Path: NormalizeLocationPath(c.SelectAttrValue("path", ""))})
		}
	}
	return out
}

// PathCovers reports whether configuration at location path loc applies to
// the relative path rel: loc is rel or one of its ancestors. IIS compares
// paths case-insensitively.
func PathCovers(loc, rel string) bool {
	if loc == "" {
		return true
	}
	if len(rel) < len(loc) || !strings.EqualFold(rel[:len(loc)], loc) {
		return false
	}
	return len(rel) == len(loc) || rel[len(loc)] == '/'
}

// Level is the configuration one file contributes at one depth: the
// elements of a section in document order, and the location path they come
// from ("" for the file's own level).
type Level struct {
	Doc      *Document
	Location string
	Elems    []*etree.Element
}

// SectionLevels returns the elements of a section (a path such as
// "system.web/httpModules") that apply to rel, a path relative to this file
// ("" for the file's own level), grouped by depth: first the file level
// (outside <location> and in <location path=""> or "."), then each
// location tag whose path covers rel, shallowest first. Levels without
// elements are left out.
func (d *Document) SectionLevels(section, rel string) []Level {
	return d.sectionLevels(section, rel, false)
}

func (d *Document) sectionLevels(section, rel string, parentApp bool) []Level {
	rel = NormalizeLocationPath(rel)
	root := d.Root()
	if root == nil {
		return nil
	}
	own, locs := d.OwnSection(section), d.LocationsCovering(rel)
	if len(locs) == 0 { // the common file: no map, no sorting
		if len(own) == 0 {
			return nil
		}
		return []Level{{Doc: d, Location: "", Elems: own}}
	}
	if d.locByPath != nil {
		return d.groupedLevels(own, locs, section, parentApp)
	}
	byPath := map[string][]*etree.Element{"": own}
	paths := []string{""}
	for _, loc := range locs {
		if parentApp && strings.EqualFold(loc.Elem.SelectAttrValue("inheritInChildApplications", ""), "false") {
			continue
		}
		key := strings.ToLower(loc.Path)
		if _, seen := byPath[key]; !seen {
			paths = append(paths, key)
		}
		byPath[key] = append(byPath[key], findSection(loc.Elem, section)...)
	}
	sort.SliceStable(paths, func(i, j int) bool { return depth(paths[i]) < depth(paths[j]) })
	var out []Level
	for _, p := range paths {
		if els := byPath[p]; len(els) > 0 {
			if p != "" {
				sortByDocumentOrder(d, els)
			}
			out = append(out, Level{Doc: d, Location: p, Elems: els})
		}
	}
	return out
}

// groupedLevels is sectionLevels for location tags as LocationsCovering
// finds them through the document's index: grouped by path, shallowest
// first, so that each group is the next level (no map, no sorting of
// paths).
func (d *Document) groupedLevels(own []*etree.Element, locs []Location, section string, parentApp bool) []Level {
	var out []Level
	key, els := "", own
	flush := func() {
		if len(els) == 0 {
			return
		}
		if key != "" && len(els) > 1 {
			sortByDocumentOrder(d, els)
		}
		out = append(out, Level{Doc: d, Location: key, Elems: els})
	}
	for _, loc := range locs {
		if parentApp && strings.EqualFold(loc.Elem.SelectAttrValue("inheritInChildApplications", ""), "false") {
			continue
		}
		if k := strings.ToLower(loc.Path); k != key {
			flush()
			key, els = k, nil
		}
		if found := findSection(loc.Elem, section); len(found) > 0 {
			els = append(els[:len(els):len(els)], found...)
		}
	}
	flush()
	return out
}

// LocationsCovering are the location tags whose path covers rel, by
// depth, then in document order: found by rel's ancestors, so that the
// cost is rel's depth, not the number of location tags (thousands in a
// hosting server's applicationHost.config).
func (d *Document) LocationsCovering(rel string) []Location {
	if len(d.locations) == 0 {
		return nil // the common file
	}
	if d.locByPath == nil { // not made by Load
		var out []Location
		for _, loc := range d.locations {
			if PathCovers(loc.Path, rel) {
				out = append(out, loc)
			}
		}
		return out
	}
	out := d.locByPath[""]
	lower := strings.ToLower(rel)
	for i := 0; i < len(lower); i++ {
		if lower[i] == '/' {
			out = append(out[:len(out):len(out)], d.locByPath[lower[:i]]...)
		}
	}
	if lower != "" {
		out = append(out[:len(out):len(out)], d.locByPath[lower]...)
	}
	return out
}

// LocationsBelow are the location tags whose path rel covers (rel itself
// or below it), in document order, found by a binary search of the paths
// in order: the cost is that of the answer, not the number of tags.
func (d *Document) LocationsBelow(rel string) []Location {
	lower := strings.ToLower(NormalizeLocationPath(rel))
	if lower == "" {
		return d.locations
	}
	sorted := d.locSorted
	if sorted == nil && len(d.locations) > 0 { // not made by Load
		sorted = sortedLocations(d.locations)
	}
	key := func(i int) string { return strings.ToLower(sorted[i].Path) }
	// rel itself, then rel + "/..."; "0" is the byte after "/".
	from := sort.Search(len(sorted), func(i int) bool { return key(i) >= lower })
	to := sort.Search(len(sorted), func(i int) bool { return key(i) >= lower+"0" })
	var out []Location
	for _, l := range sorted[from:to] {
		if k := strings.ToLower(l.Path); k == lower || strings.HasPrefix(k, lower+"/") {
			out = append(out, l)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return d.info(out[i].Elem).StartTag.Start < d.info(out[j].Elem).StartTag.Start
	})
	return out
}

// sortedLocations orders location tags by lower-cased path (stable).
func sortedLocations(locs []Location) []Location {
	out := slices.Clone(locs)
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Path) < strings.ToLower(out[j].Path) })
	return out
}

func depth(p string) int {
	if p == "" {
		return 0
	}
	return strings.Count(p, "/") + 1
}

func sortByDocumentOrder(d *Document, els []*etree.Element) {
	sort.SliceStable(els, func(i, j int) bool {
		return d.info(els[i]).StartTag.Start < d.info(els[j]).StartTag.Start
	})
}

// OwnSection is the elements of a section outside location tags, in
// document order (findSection from the root), computed once per section:
// the root of a hosting server's applicationHost.config has thousands of
// location tags to skip. The slice is shared: callers append to a copy.
func (d *Document) OwnSection(section string) []*etree.Element {
	type ownKey struct{ section string }
	if d.sections != nil {
		if els, ok := d.sections.Load(ownKey{section}); ok {
			return els.([]*etree.Element)
		}
	}
	els := slices.Clip(findSection(d.Root(), section))
	if d.sections != nil {
		d.sections.Store(ownKey{section}, els)
	}
	return els
}

// findSection returns the elements at section path below container, in
// document order (a section group may be written more than once).
func findSection(container *etree.Element, section string) []*etree.Element {
	// Most look-ups find nothing at the first segment: they allocate
	// nothing (no split of the path, no slice until a match).
	seg, rest, more := strings.Cut(section, "/")
	var cur []*etree.Element
	for ch := range container.ChildElementsSeq() {
		if ch.Space == "" && ch.Tag == seg {
			cur = append(cur, ch)
		}
	}
	for more && len(cur) > 0 {
		seg, rest, more = strings.Cut(rest, "/")
		var next []*etree.Element
		for _, c := range cur {
			for ch := range c.ChildElementsSeq() {
				if ch.Space == "" && ch.Tag == seg {
					next = append(next, ch)
				}
			}
		}
		cur = next
	}
	if len(cur) == 0 {
		return nil
	}
	return cur
}

// SectionElements returns every element of a section in the document,
// inside or outside location tags, in document order. The answer is
// computed once per section (the tree never changes): lint asks it of
// applicationHost.config once per application, and a hosting server's has
// thousands of location tags. The slice is shared: do not change it.
func (d *Document) SectionElements(section string) []*etree.Element {
	if d.sections != nil {
		if els, ok := d.sections.Load(section); ok {
			return els.([]*etree.Element)
		}
	}
	root := d.Root()
	if root == nil {
		return nil
	}
	out := findSection(root, section)
	for _, loc := range d.Locations() {
		out = append(out, findSection(loc.Elem, section)...)
	}
	sortByDocumentOrder(d, out)
	out = slices.Clip(out) // a caller's append copies
	if d.sections != nil {
		d.sections.Store(section, out)
	}
	return out
}

// LocationOf returns the normalized path of the location tag that contains
// e, and whether e is inside one at all.
func LocationOf(e *etree.Element) (string, bool) {
	for p := e.Parent(); p != nil; p = p.Parent() {
		if p.Space == "" && p.Tag == "location" && p.Parent() != nil && p.Parent().Parent() != nil && p.Parent().Parent().Parent() == nil {
			return NormalizeLocationPath(p.SelectAttrValue("path", "")), true
		}
	}
	return "", false
}

// Source is one configuration file of a chain, with the configuration path
// of its folder in the chain's coordinates: "" for applicationHost.config
// (its location paths are "Site/app/..."), "Site" for a site root's
// web.config, "Site/app1" for an application's. For files found by walking
// a folder, paths are relative to the outermost file instead.
type Source struct {
	Doc    *Document
	Prefix string
	// ParentApp: the file belongs to an application above the one the
	// chain is for, so its <location inheritInChildApplications="false">
	// tags do not apply.
	ParentApp bool
}

// LevelsAt returns the levels of a section that apply at path, file by
// file along the chain (outermost first).
func LevelsAt(chain []Source, section, path string) []Level {
	var out []Level
	for _, s := range chain {
		rel, ok := PathUnder(path, s.Prefix)
		if !ok {
			continue
		}
		if levels := s.Doc.sectionLevels(section, rel, s.ParentApp); out == nil {
			out = levels // a new slice: the caller's
		} else {
			out = append(out, levels...)
		}
	}
	return out
}

// PathUnder returns path relative to prefix, when path is prefix or below
// it (compared case-insensitively, segment by segment).
func PathUnder(path, prefix string) (string, bool) {
	path, prefix = NormalizeLocationPath(path), NormalizeLocationPath(prefix)
	if !PathCovers(prefix, path) {
		return "", false
	}
	if prefix == "" {
		return path, true
	}
	return strings.TrimPrefix(path[len(prefix):], "/"), true
}

// JoinPath joins two configuration paths.
func JoinPath(a, b string) string {
	a, b = NormalizeLocationPath(a), NormalizeLocationPath(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "/" + b
}

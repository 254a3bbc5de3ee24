package validate

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// sectionIndex holds a section's elements in this document by the
// lower-cased location path they configure ("" for the file's level),
// in the order IIS applies them.
type sectionIndex map[string][]*etree.Element

// levels returns the levels of a section that apply at path along the
// chain, as levelsAt does, but finds this document's own levels through an
// index built once per pass: the cost is the path's depth, not the number
// of <location> tags, so rules that ask for every element of an
// applicationHost.config with thousands of locations stay linear.
func (p *pass) levels(section, path string) []config.Level {
	out := config.LevelsAt(p.ctx.Above, section, path)
	if rel, ok := config.PathUnder(path, p.ctx.Prefix); ok {
		idx := p.sectionIndex(section)
		key := ""
		for i, seg := range append([]string{""}, strings.Split(strings.ToLower(rel), "/")...) {
			if i > 0 {
				if seg == "" {
					continue
				}
				key = config.JoinPath(key, seg)
			}
			if els := idx[key]; len(els) > 0 {
				out = append(out, config.Level{Doc: p.doc, Location: key, Elems: els})
			}
		}
	}
	return append(out, config.LevelsAt(p.ctx.Below, section, path)...)
}

func (p *pass) sectionIndex(section string) sectionIndex {
	if idx, ok := p.sections[section]; ok {
		return idx
	}
	if p.sections == nil {
		p.sections = map[string]sectionIndex{}
	}
	idx := sectionIndex{}
	var located []*etree.Element
	for _, e := range p.doc.SectionElements(section) { // also in per-application passes
		if _, in := config.LocationOf(e); in {
			located = append(located, e)
			continue
		}
		idx[""] = append(idx[""], e) // the file's level first, as IIS applies it
	}
	for _, e := range located {
		loc, _ := config.LocationOf(e)
		k := strings.ToLower(loc)
		idx[k] = append(idx[k], e)
	}
	p.sections[section] = idx
	return idx
}

// hostAppPass reports whether this pass checks applicationHost.config for
// one application (after its pass on its own). The element rules of IC5xx
// to IC7xx judge applicationHost.config in that first pass only, so that a
// server with thousands of applications costs one walk, not one per
// application.
func (p *pass) hostAppPass() bool {
	return p.doc.Kind() == config.KindAppHost && p.ctx.Path != ""
}

// ownElements are the document's elements of a section, or none in a
// per-application pass over applicationHost.config (see hostAppPass).
func (p *pass) ownElements(section string) []*etree.Element {
	if p.hostAppPass() {
		return nil
	}
	if els, ok := p.elements[section]; ok {
		return els
	}
	if p.elements == nil {
		p.elements = map[string][]*etree.Element{}
	}
	els := p.doc.SectionElements(section)
	p.elements[section] = els
	return els
}

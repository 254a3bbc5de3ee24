package migrate

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// target collects what one step writes into one collection section (e.g.
// system.webServer/handlers) at one configuration path of the document,
// and writes it in one go, so edits never overlap.
type target struct {
	m       *migration
	doc     *config.Document
	sec     *schema.Section
	rel     string
	home    *etree.Element // the <location path="."> the classic section lives in; nil: the top level
	elem    *etree.Element // the existing section element at rel, if any
	classic *schema.Section
	leak    bool     // elem is at the top level, though classic is in home
	removes []string // names of new <remove>s, in processing order
	topAdds []*config.NewElement
	endAdds []*config.NewElement
	deletes []*etree.Element
}

// target starts the writes into sec at rel, the counterpart of classic.
// They go where classic lives: into its <location path="."
// inheritInChildApplications="false"> rather than the top level, which
// child applications inherit. When sec is already at the top level (and a
// second element for the same path would be a duplicate section) they go
// there, with a warning, and validation stays on.
func (m *migration) target(sec, classic *schema.Section, rel string) *target {
	doc := m.doc()
	t := &target{m: m, doc: doc, sec: sec, rel: rel, home: homeOf(doc, rel, classic)}
	var elsewhere *etree.Element
	t.elem, elsewhere = sectionIn(doc, sec.Path, rel, t.home)
	if t.elem == nil && elsewhere != nil {
		t.elem = elsewhere
		t.leak = t.home != nil && containerOf(elsewhere) == nil
	}
	t.classic = classic
	return t
}

// homeOf returns the <location> element that holds the classic sections'
// elements at level rel, when they all sit in one <location path=".">
// (or path="") with inheritInChildApplications="false"; nil when one of
// them is elsewhere (a plain <location path="."> is the top level's
// equal, and appcmd writes to the top level), or rel is a subpath (whose
// <location path> is its own home).
func homeOf(doc *config.Document, rel string, classic ...*schema.Section) *etree.Element {
	if config.NormalizeLocationPath(rel) != "" {
		return nil
	}
	var home *etree.Element
	for _, sec := range classic {
		for _, l := range doc.SectionLevels(sec.Path, "") {
			if l.Location != "" {
				continue
			}
			for _, e := range l.Elems {
				c := containerOf(e)
				if c == nil || (home != nil && c != home) || !strings.EqualFold(strings.TrimSpace(c.SelectAttrValue("inheritInChildApplications", "")), "false") {
					return nil
				}
				home = c
			}
		}
	}
	return home
}

// containerOf returns the <location> element e is in, or nil at the top level.
func containerOf(e *etree.Element) *etree.Element {
	for p := e.Parent(); p != nil; p = p.Parent() {
		if p.Space == "" && p.Tag == "location" && p.Parent() != nil && p.Parent().Parent() != nil && p.Parent().Parent().Parent() == nil {
			return p
		}
	}
	return nil
}

// sectionIn returns a section's element at exactly level rel inside home
// (nil: the top level, for rel ""), and one at that level elsewhere.
func sectionIn(doc *config.Document, section, rel string, home *etree.Element) (in, elsewhere *etree.Element) {
	key := strings.ToLower(config.NormalizeLocationPath(rel))
	for _, l := range doc.SectionLevels(section, rel) {
		if l.Location != key {
			continue
		}
		for _, e := range l.Elems {
			switch {
			case key != "" || containerOf(e) == home:
				if in == nil {
					in = e
				}
			case elsewhere == nil:
				elsewhere = e
			}
		}
	}
	return in, elsewhere
}

// sectionAt returns a section's element at exactly level rel of doc.
func sectionAt(doc *config.Document, section, rel string) *etree.Element {
	key := strings.ToLower(config.NormalizeLocationPath(rel))
	for _, l := range doc.SectionLevels(section, rel) {
		if l.Location == key && len(l.Elems) > 0 {
			return l.Elems[0]
		}
	}
	return nil
}

func (t *target) empty() bool {
	return len(t.removes)+len(t.topAdds)+len(t.endAdds)+len(t.deletes) == 0
}

// write schedules the edits: new <remove>s at the top of the local
// collection in reverse processing order (where IIS writes them,
// docs/iis-behaviour.md §2.3), handler <add>s before the first local <add>
// (index 0, 1, ... of the merged collection, §3.3), module <add>s at the end
// (§2.4); deleted local entries lose their line.
func (t *target) write() error {
	if t.empty() {
		return nil
	}
	if t.leak {
		t.m.say(Warning, t.rel, "%s is in <location path=%q inheritInChildApplications=\"false\">, but %s is at the top level, which child applications inherit: the migrated entries go there; move %s into that <location> and migrate again",
			t.classic.Path, t.home.SelectAttrValue("path", ""), t.sec.Path, t.sec.Path)
	}
	t.record()
	st := t.doc.Style()
	var removes []*config.NewElement
	for i := len(t.removes) - 1; i >= 0; i-- {
		removes = append(removes, &config.NewElement{Name: t.sec.Root.Collection.Remove, Attrs: [][2]string{{"name", t.removes[i]}}})
	}
	if t.elem == nil {
		children := append(append(removes, t.topAdds...), t.endAdds...)
		return placeSection(t.doc, st, &config.NewElement{Name: t.sec.Root.Name, Children: children}, t.rel, t.home)
	}
	for _, d := range t.deletes {
		if err := t.doc.RemoveElement(d); err != nil {
			return err
		}
	}
	children := t.doc.LiveChildren(t.elem)
	if len(children) == 0 {
		return t.doc.AppendElements(t.elem, st, append(append(removes, t.topAdds...), t.endAdds...))
	}
	if err := t.doc.InsertElementsBefore(children[0], st, removes); err != nil {
		return err
	}
	if len(t.topAdds) > 0 {
		var firstAdd *etree.Element
		for _, c := range children {
			if c.Space == "" && t.sec.Root.Collection.IsAdd(c.Tag) {
				firstAdd = c
				break
			}
		}
		var err error
		if firstAdd != nil {
			err = t.doc.InsertElementsBefore(firstAdd, st, t.topAdds)
		} else {
			err = t.doc.AppendElements(t.elem, st, t.topAdds)
		}
		if err != nil {
			return err
		}
	}
	return t.doc.AppendElements(t.elem, st, t.endAdds)
}

// placeSection writes a new system.webServer section element at level rel:
// appended to the system.webServer there, or inside a new system.webServer
// written after </system.web> (or before </configuration>), or, for a
// location path or a home <location path=".">, at the end of its <location>.
func placeSection(doc *config.Document, st config.Style, sec *config.NewElement, rel string, home *etree.Element) error {
	if sws, _ := sectionIn(doc, "system.webServer", rel, home); sws != nil {
		return doc.AppendElements(sws, st, []*config.NewElement{sec})
	}
	group := &config.NewElement{Name: "system.webServer", Children: []*config.NewElement{sec}}
	if home != nil {
		return doc.AppendElements(home, st, []*config.NewElement{group})
	}
	root := doc.Root()
	if config.NormalizeLocationPath(rel) != "" {
		for _, loc := range doc.Locations() {
			if strings.EqualFold(loc.Path, config.NormalizeLocationPath(rel)) {
				return doc.AppendElements(loc.Elem, st, []*config.NewElement{group})
			}
		}
		// The path has no <location> tag yet (cannot happen for paths the
		// migration found in the file); write one.
		loc := &config.NewElement{Name: "location", Attrs: [][2]string{{"path", rel}}, Children: []*config.NewElement{group}}
		return doc.AppendElements(root, st, []*config.NewElement{loc})
	}
	var lastSystemWeb *etree.Element
	for _, c := range doc.LiveChildren(root) {
		if c.Space == "" && c.Tag == "system.web" {
			lastSystemWeb = c
		}
	}
	if lastSystemWeb != nil {
		return doc.InsertElementsAfter(lastSystemWeb, st, []*config.NewElement{group})
	}
	return doc.AppendElements(root, st, []*config.NewElement{group})
}

// record adds the target's changes to the migration's plan.
func (t *target) record() {
	loc := config.NormalizeLocationPath(t.rel)
	for _, name := range t.removes {
		t.m.plan(Planned{Location: loc, Section: t.sec.Path, Op: "remove", Key: name})
	}
	for _, e := range t.deletes {
		t.m.plan(Planned{Location: loc, Section: t.sec.Path, Op: "delete", Key: e.SelectAttrValue("name", "")})
	}
	for _, adds := range [][]*config.NewElement{t.topAdds, t.endAdds} {
		for _, a := range adds {
			t.m.plan(Planned{Location: loc, Section: t.sec.Path, Op: "add", Key: a.Attrs[0][1]})
		}
	}
}

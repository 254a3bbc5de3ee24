package migrate

import (
	"strings"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// Messages appcmd prints (appobj.dll.mui, docs/iis-behaviour.md §1.4).
const (
	migratedModules  = `Successfully migrated section "system.web/httpModules".`
	migratedHandlers = `Successfully migrated section "system.web/httpHandlers".`
	moduleClash      = `The module %s with type "%s" is already present in the application with a different type "%s", and was not migrated.`
)

// entry is a server- or application-level httpModules/httpHandlers entry
// with appcmd's state: 0 only at server level, 1 at both, 2 only at the
// application.
type entry struct {
	item  config.Item
	state int
}

// live is an entry of the effective system.webServer collection that the
// algorithm reads and changes in place.
type live struct {
	item  config.Item
	local bool // defined at the level being migrated
}

// liveCollection is the effective collection of a system.webServer section
// at rel, marking the entries the current document defines at rel.
func (m *migration) liveCollection(sec *schema.Section, base []config.Item, rel string) []live {
	items := m.effective(sec, base, rel)
	key := config.NormalizeLocationPath(rel)
	out := make([]live, len(items))
	for i, it := range items {
		local := false
		if it.Doc == m.doc() {
			loc, _ := config.LocationOf(it.Elem)
			local = strings.EqualFold(loc, key)
		}
		out[i] = live{item: it, local: local}
	}
	return out
}

// modules is appcmd's httpModules migration (docs/iis-behaviour.md §2.2).
func (m *migration) modules() (bool, error) {
	S := m.opts.Server.ServerHTTPModules
	A := m.effective(schema.HTTPModules, m.opts.Server.AppHTTPModules, "")
	M := m.liveCollection(schema.Modules, m.opts.Server.Modules, "")

	entries := make([]entry, 0, len(S)+len(A))
	// The first server entry with each name and type (see handlersAt).
	type moduleKey struct{ name, typ string }
	first := make(map[moduleKey]int, len(S))
	for k, s := range S {
		entries = append(entries, entry{s, 0})
		key := moduleKey{get(s, "name"), get(s, "type")}
		if _, ok := first[key]; !ok {
			first[key] = k
		}
	}
	for _, a := range A {
		if k, ok := first[moduleKey{get(a, "name"), get(a, "type")}]; ok {
			entries[k].state = 1
		} else {
			entries = append(entries, entry{a, 2})
		}
	}

	if m.opts.Compat == Best {
		skipReplaced(entries, M)
	}
	t := m.target(schema.Modules, schema.HTTPModules, "")
	changed := false
	var parents parentEntries
	for _, e := range entries {
		if e.state == 1 || e.state == 2 && parents.leave(m, e.item, schema.Modules, "", get(e.item, "name")) {
			continue
		}
		name, typ := get(e.item, "name"), get(e.item, "type")
		idx := -1
		for i, l := range M {
			if get(l.item, "name") == name {
				idx = i
				break
			}
		}
		if idx >= 0 && get(M[idx].item, "type") != typ {
			m.say(Warning, "", moduleClash, name, typ, get(M[idx].item, "type"))
			if e.state == 2 {
				m.unresolved = true
			}
		}
		switch {
		case e.state == 0 && idx >= 0:
			// A local entry loses its element; an inherited one gets a <remove>.
			if M[idx].local {
				t.deletes = append(t.deletes, M[idx].item.Elem)
			} else {
				t.removes = append(t.removes, name)
			}
			M = append(M[:idx:idx], M[idx+1:]...)
			m.res.ModulesRemoved++
			changed = true
		case e.state == 2 && idx < 0:
			attrs := [][2]string{{"name", name}, {"type", typ}, {"preCondition", "managedHandler"}}
			t.endAdds = append(t.endAdds, &config.NewElement{Name: "add", Attrs: attrs})
			M = append(M, live{item: config.Item{Tag: "add", Attrs: toAttrs(attrs)}, local: true})
			m.res.ModulesAdded++
			changed = true
		}
	}
	parents.say(m, "", schema.HTTPModules, schema.Modules)
	if err := t.write(); err != nil {
		return false, err
	}
	changed, err := m.finishSection(schema.HTTPModules, "", changed, migratedModules)
	m.modulesChanged = changed
	return changed, err
}

// finishSection ends the migration of a section at rel as appcmd does:
// with -clear it removes the old section (counting as a change in appcmd's
// mode even when there was none), commits, and prints the console line
// when something changed.
func (m *migration) finishSection(sec *schema.Section, rel string, changed bool, line string) (bool, error) {
	if m.opts.Clear {
		cleared, err := m.clearSection(sec, rel)
		if err != nil {
			return false, err
		}
		if cleared || m.opts.Compat == Appcmd {
			changed = true
		}
	}
	if err := m.commit(); err != nil {
		return false, err
	}
	if changed {
		m.say(Console, rel, "%s", line)
	}
	return changed, nil
}

// skipReplaced marks as done the inherited modules the application replaces
// (removed, then added again with a new type) when system.webServer/modules
// already holds the new type: appcmd would warn about the inherited type,
// remove the module and add it again, on every run.
func skipReplaced(entries []entry, M []live) {
	for i := range entries {
		if entries[i].state != 0 {
			continue
		}
		name := get(entries[i].item, "name")
		for _, r := range entries {
			if r.state != 2 || get(r.item, "name") != name {
				continue
			}
			for _, l := range M {
				if get(l.item, "name") == name && get(l.item, "type") == get(r.item, "type") {
					entries[i].state = 1
				}
			}
		}
	}
}

func toAttrs(pairs [][2]string) []schema.Attr {
	out := make([]schema.Attr, len(pairs))
	for i, p := range pairs {
		out[i] = schema.Attr{Name: p[0], Value: p[1]}
	}
	return out
}

// clearSection removes a system.web section at level rel (appcmd -clear
// calls "clear config" there; the exact XML it leaves is not documented,
// docs/iis-behaviour.md §10: iiscfg removes the section's element).
func (m *migration) clearSection(sec *schema.Section, rel string) (bool, error) {
	doc := m.doc()
	cleared := false
	key := config.NormalizeLocationPath(rel)
	for _, l := range doc.SectionLevels(sec.Path, rel) {
		if !strings.EqualFold(l.Location, key) {
			continue
		}
		for _, e := range l.Elems {
			if err := doc.RemoveElement(e); err != nil {
				return false, err
			}
			m.plan(Planned{Location: key, Section: sec.Path, Op: "clear"})
			cleared = true
		}
	}
	return cleared, nil
}

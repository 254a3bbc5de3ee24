package migrate

import (
	"fmt"
	"strings"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// appcmdHandlerPreCondition is the constant appcmd writes on every migrated
// handler, whatever the pool's runtime (docs/iis-behaviour.md §3.3).
const appcmdHandlerPreCondition = "integratedMode,runtimeVersionv2.0"

// handlers is appcmd's httpHandlers migration: the application path, then,
// with recursion, every path below it that sets system.web/httpHandlers
// (here: <location> tags of the file), each committed before the next.
func (m *migration) handlers() (bool, error) {
	var paths []string
	if m.opts.Within == "" && (m.opts.AppRoot || len(sectionLevel(m.doc(), schema.HTTPHandlers.Path, "")) > 0) {
		paths = append(paths, "")
	}
	if m.opts.Recurse || m.opts.Within != "" {
		seen := map[string]bool{}
		for _, e := range m.doc().SectionElements(schema.HTTPHandlers.Path) {
			loc, _ := config.LocationOf(e)
			full := config.JoinPath(m.opts.Prefix, loc)
			if key := strings.ToLower(loc); loc != "" && !seen[key] && config.PathCovers(m.opts.Within, full) && !m.excluded(full) {
				seen[key] = true
				paths = append(paths, loc)
			}
		}
	}
	any := false
	for _, p := range paths {
		changed, err := m.handlersAt(p)
		if err != nil {
			return false, err
		}
		any = any || changed
	}
	m.handlersChanged = any
	return any, nil
}

// excluded reports whether a configuration path belongs to a nested
// application.
func (m *migration) excluded(path string) bool {
	for _, x := range m.opts.Exclude {
		if config.PathCovers(x, path) {
			return true
		}
	}
	return false
}

// sectionLevel returns a section's elements at exactly level rel.
func sectionLevel(doc *config.Document, section, rel string) []config.Level {
	var out []config.Level
	for _, l := range doc.SectionLevels(section, rel) {
		if strings.EqualFold(l.Location, config.NormalizeLocationPath(rel)) {
			out = append(out, l)
		}
	}
	return out
}

// handlersAt migrates httpHandlers at one path (docs/iis-behaviour.md §3.3).
func (m *migration) handlersAt(rel string) (bool, error) {
	S := m.opts.Server.ServerHTTPHandlers
	A := m.effective(schema.HTTPHandlers, m.opts.Server.AppHTTPHandlers, rel)
	H := m.liveCollection(schema.Handlers, m.opts.Server.Handlers, rel)

	entries := make([]entry, 0, len(S)+len(A))
	// The first server entry with each path, verb and type: every
	// application entry is matched against it (was a scan of S per entry).
	type handlerKey struct{ path, verb, typ string }
	first := make(map[handlerKey]int, len(S))
	for k, s := range S {
		entries = append(entries, entry{s, 0})
		key := handlerKey{get(s, "path"), get(s, "verb"), get(s, "type")}
		if _, ok := first[key]; !ok {
			first[key] = k
		}
	}
	for _, a := range A {
		if k, ok := first[handlerKey{get(a, "path"), get(a, "verb"), get(a, "type")}]; ok {
			entries[k].state = 1
		} else {
			entries = append(entries, entry{a, 2})
		}
	}

	runtime, preCondition := "v2.0", appcmdHandlerPreCondition
	if m.opts.Compat == Best {
		runtime, preCondition = string(m.opts.Runtime), "integratedMode,"+m.opts.Runtime.Token()
	}
	t := m.target(schema.Handlers, schema.HTTPHandlers, rel)
	var unmatched []config.Item // root entries removed here with no handler to remove
	insertPos := 0
	changed := false
	var parents parentEntries
	for _, e := range entries {
		if e.state == 1 || e.state == 2 && parents.leave(m, e.item, schema.Handlers, rel, get(e.item, "path")+"_"+get(e.item, "verb")) {
			continue
		}
		path, verb, typ := get(e.item, "path"), get(e.item, "verb"), get(e.item, "type")
		idx := -1
		for i, h := range H {
			if compatible(h.item, path, verb, typ, runtime) {
				idx = i
				break
			}
		}
		if e.state == 0 && idx < 0 {
			unmatched = append(unmatched, e.item)
		}
		switch {
		case e.state == 0 && idx >= 0:
			if H[idx].local {
				t.deletes = append(t.deletes, H[idx].item.Elem)
			} else {
				t.removes = append(t.removes, get(H[idx].item, "name"))
			}
			H = append(H[:idx:idx], H[idx+1:]...)
			m.res.HandlersRemoved++
			changed = true
		case e.state == 2 && idx < 0:
			name := path + "_" + verb
			if taken(H, name) {
				msg := fmt.Sprintf("Cannot add duplicate collection entry of type 'add' with unique key attribute 'name' set to '%s'", name)
				if m.opts.Compat == Appcmd {
					// appcmd's AddElement fails and the command stops (§3.3).
					return false, &Error{Pos: m.doc().StartPos(m.doc().Root()), Msg: msg}
				}
				m.say(Warning, rel, "handler for %s (verb %s) not migrated: %s, and that entry does not serve it in a %s pool; fix that entry",
					path, verb, msg, m.opts.Runtime)
				m.unresolved = true
				continue
			}
			attrs := [][2]string{{"name", name}, {"path", path}, {"verb", verb}, {"type", typ}, {"preCondition", preCondition}}
			t.topAdds = append(t.topAdds, &config.NewElement{Name: "add", Attrs: attrs})
			n := live{item: config.Item{Tag: "add", Attrs: toAttrs(attrs)}, local: true}
			H = append(H[:insertPos:insertPos], append([]live{n}, H[insertPos:]...)...)
			insertPos++
			m.res.HandlersAdded++
			changed = true
		}
	}
	parents.say(m, rel, schema.HTTPHandlers, schema.Handlers)
	if m.opts.Compat == Best {
		m.reportStillServed(rel, H, unmatched)
	}
	if err := t.write(); err != nil {
		return false, err
	}
	return m.finishSection(schema.HTTPHandlers, rel, changed, migratedHandlers)
}

// compatible is appcmd's test for an existing handler that already serves
// an httpHandlers entry: same path, verb and type, no classicMode, and no
// runtimeVersion token or one for the given runtime (appcmd: always v2.0).
func compatible(h config.Item, path, verb, typ, runtime string) bool {
	if get(h, "path") != path || get(h, "verb") != verb || get(h, "type") != typ {
		return false
	}
	pc := get(h, "preCondition")
	if strings.Contains(pc, "classicMode") {
		return false
	}
	q := strings.Index(pc, "runtimeVersion")
	return q < 0 || strings.HasPrefix(pc[q+len("runtimeVersion"):], runtime)
}

func taken(H []live, name string) bool {
	for _, h := range H {
		if get(h.item, "name") == name {
			return true
		}
	}
	return false
}

// reportStillServed warns about root entries the application removes in
// system.web/httpHandlers while an Integrated handler still serves them: in
// an Integrated pool those requests behave as they did not in Classic.
func (m *migration) reportStillServed(rel string, H []live, removed []config.Item) {
	var paths, handlers []string
	for _, u := range removed {
		if name, ok := m.stillServed(H, get(u, "path"), get(u, "type")); ok {
			paths = append(paths, get(u, "path"))
			handlers = append(handlers, name)
		}
	}
	if len(paths) == 0 {
		return
	}
	if len(paths) == 1 {
		m.say(Warning, rel, "system.web/httpHandlers removes %s, but in an Integrated pool handler %q still serves it; remove that handler in system.webServer/handlers if it must not",
			paths[0], handlers[0])
		return
	}
	m.say(Warning, rel, "system.web/httpHandlers removes %s, but in an Integrated pool handlers %s still serve them; remove those in system.webServer/handlers if they must not",
		shortList(paths), shortList(handlers))
}

// shortList names at most three items: "a, b, c and 4 more".
func shortList(items []string) string {
	if len(items) > 3 {
		return strings.Join(items[:3], ", ") + fmt.Sprintf(" and %d more", len(items)-3)
	}
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// stillServed reports whether, in the migrated collection H, requests for
// path still reach a handler of the type a removed httpHandlers entry had:
// the first active handler for path has that type, before any handler for
// path with verb "*" (which would take every request first).
func (m *migration) stillServed(H []live, path, typ string) (string, bool) {
	pool := schema.Pool{Integrated: true, Runtime: m.opts.Runtime}
	for _, h := range H {
		if get(h.item, "path") != path || !schema.PreConditionHolds(get(h.item, "preCondition"), pool, false) {
			continue
		}
		if get(h.item, "type") == typ {
			return get(h.item, "name"), true
		}
		if get(h.item, "verb") == "*" {
			return "", false
		}
	}
	return "", false
}

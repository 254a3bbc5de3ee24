package validate

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// ClassicEntryNotMigrated is the drift check between system.web and
// system.webServer where IIS's own check is switched off.
var ClassicEntryNotMigrated = register(&Rule{
	Code:           "IC105",
	Name:           "classic-entry-not-migrated",
	Severity:       Warning,
	FixedByMigrate: true,
	Summary:        "an httpModules or httpHandlers entry with no counterpart in system.webServer, where validation is off: an Integrated pool silently skips it",
	Doc: `In the Integrated pipeline IIS runs the modules of system.webServer/modules and the handlers of
system.webServer/handlers; system.web/httpModules and httpHandlers are not read at all. IIS
says so (HTTP 500.22, 500.23) only while system.webServer/validation has
validateIntegratedModeConfiguration="true". With it "false" (which "appcmd migrate config"
users set, and which many templates ship), an entry added to system.web only is silently
ignored: ELMAH stops logging, a custom authentication module stops authenticating. The same
happens when, after a migration, someone adds a module or handler to system.web and forgets
system.webServer.

The rule reports, where validation is off, each system.web/httpModules <add> whose module is
not in the effective system.webServer/modules (by name or type; one with the same name and
another type is reported too), each httpModules <remove> of a module system.webServer/modules
still runs, and each httpHandlers <add> whose path has no handler in the effective
system.webServer/handlers. Entries the root web.config already has are not reported. A module
whose name or type speaks of authentication, authorization or sign-in is an error: skipping
it lets requests through unchecked. In a Classic pool, where system.web is what runs, the
finding is an info about what moving to Integrated would lose.

Fix it with "iiscfg migrate", which writes the missing entries to system.webServer.`,
	check: checkClassicEntryNotMigrated,
})

func checkClassicEntryNotMigrated(p *pass) {
	if !p.appliesToApplication() {
		return
	}
	var silent []string // checkpoints where IIS does not compare the lists
	for _, cp := range p.integrated().checkpoints {
		if !cp.validate {
			silent = append(silent, cp.path)
		}
	}
	if len(silent) == 0 {
		return
	}
	if p.ctx.AppRoot {
		p.modulesNotMigrated(silent)
	}
	p.handlersNotMigrated(silent)
}

// modulesNotMigrated checks the httpModules entries of the application's
// root level, which apply to every request of the application.
func (p *pass) modulesNotMigrated(scopes []string) {
	base := p.base()
	root := p.ctx.Server.RootHTTPModules
	inRoot := exactSet(root, "name", "type")
	var buf [256]byte
	classic := p.effective(schema.HTTPModules, root, base)
	var modules *moduleIndex // merged only when an entry needs it
	modulesAt := func() *moduleIndex {
		if modules == nil {
			modules = newModuleIndex(p.effective(schema.Modules, p.ctx.Server.Modules, base))
		}
		return modules
	}
	for _, it := range classic {
		if it.Doc != p.doc || it.Elem == nil || inRoot[string(appendExactKey(buf[:0], it, "name", "type"))] {
			continue
		}
		name, typ := itemAttr(it, "name"), itemAttr(it, "type")
		m, sameType := modulesAt().find(name, typ)
		switch {
		case m == nil:
			p.drift(it.Elem, moduleSeverity(name, typ), scopes, fmt.Sprintf("module %q%s is in system.web/httpModules only", name, inParens(className(typ))), "an Integrated pool never runs it")
		case !sameType:
			p.drift(it.Elem, moduleSeverity(name, typ), scopes, fmt.Sprintf("module %q is %s in system.web/httpModules but %s in system.webServer/modules",
				name, className(typ), className(itemAttr(*m, "type"))), "an Integrated pool runs the latter")
		}
	}
	var rootNames, classicNames *moduleIndex
	for _, l := range p.levelsAt(schema.HTTPModules.Path, base) {
		if l.Doc != p.doc {
			continue
		}
		for _, e := range l.Elems {
			for _, r := range e.SelectElements("remove") {
				name := r.SelectAttrValue("name", "")
				if name == "" {
					continue
				}
				if rootNames == nil {
					rootNames, classicNames = newModuleIndex(root), newModuleIndex(classic)
				}
				if !rootNames.hasName(name) || classicNames.hasName(name) {
					continue
				}
				if m, _ := modulesAt().find(name, ""); m != nil {
					p.drift(r, moduleSeverity(name, itemAttr(*m, "type")), scopes, fmt.Sprintf("system.web/httpModules removes %q, but system.webServer/modules still has it", name), "an Integrated pool still runs it")
				}
			}
		}
	}
}

// handlersNotMigrated checks the httpHandlers entries that apply at each
// scope where validation is off.
func (p *pass) handlersNotMigrated(scopes []string) {
	type flagged struct {
		item   config.Item
		scopes []string
	}
	byElem := map[*etree.Element]*flagged{}
	var order []*etree.Element
	root := p.ctx.Server.RootHTTPHandlers
	inRoot := exactSet(root, "path", "verb", "type")
	var buf [256]byte
	for _, path := range scopes {
		var handlers *handlerIndex // merged only when an entry needs it
		for _, it := range p.effective(schema.HTTPHandlers, root, path) {
			if it.Doc != p.doc || it.Elem == nil || inRoot[string(appendExactKey(buf[:0], it, "path", "verb", "type"))] {
				continue
			}
			if handlers == nil {
				handlers = newHandlerIndex(p.effective(schema.Handlers, p.ctx.Server.Handlers, path))
			}
			if handlers.hasHandlerFor(it) {
				continue
			}
			f := byElem[it.Elem]
			if f == nil {
				f = &flagged{item: it}
				byElem[it.Elem] = f
				order = append(order, it.Elem)
			}
			f.scopes = append(f.scopes, path)
		}
	}
	for _, e := range order {
		f := byElem[e]
		p.drift(e, p.rule.Severity, f.scopes, fmt.Sprintf("handler %s (verb %s, %s) is in system.web/httpHandlers only",
			itemAttr(f.item, "path"), itemAttr(f.item, "verb"), className(itemAttr(f.item, "type"))), "an Integrated pool never serves it")
	}
}

// drift reports one entry out of sync, saying which requests it affects
// and why IIS does not answer 500.22/500.23 there.
func (p *pass) drift(e *etree.Element, sev Severity, scopes []string, what, consequence string) {
	if p.ctx.Pipeline == Classic {
		p.reportAs(Info, e, "%s", what)
		p.explain(fmt.Sprintf("%s for %s (it runs in this Classic pool)", consequence, p.scopeText(scopes)), "before moving the application, run iiscfg migrate")
		return
	}
	p.reportAs(sev, e, "%s", what)
	p.explain(fmt.Sprintf(`%s for %s, and validateIntegratedModeConfiguration="false" keeps IIS from saying so`, consequence, p.scopeText(scopes)), "iiscfg migrate")
}

func inParens(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// moduleSeverity is an error for a module that guards requests: skipping
// it lets them through unchecked.
func moduleSeverity(name, typ string) Severity {
	s := strings.ToLower(name + " " + className(typ))
	for _, w := range []string{"auth", "login", "logon", "signin", "saml", "openid", "federation"} {
		if strings.Contains(s, w) {
			return Error
		}
	}
	return Warning
}

// className is a type name without its assembly ("Elmah.ErrorLogModule").
func className(typ string) string {
	if i := strings.IndexByte(typ, ','); i >= 0 {
		typ = typ[:i]
	}
	return strings.TrimSpace(typ)
}

// moduleIndex finds modules by name (IIS compares names without regard to
// case) and by class. The first few lookups scan the list (a file has few
// entries to look up); later ones go through maps of the folded names, so
// that a long list costs one lookup per entry.
type moduleIndex struct {
	items           []config.Item
	scans           int            // lookups answered by scanning
	byName, byClass map[string]int // folded name or class -> first index
}

// scannedLookups is how many lookups an index answers by scanning before
// it builds its maps: a scan costs about what indexing one entry does.
const scannedLookups = 4

func newModuleIndex(items []config.Item) *moduleIndex { return &moduleIndex{items: items} }

// indexed reports whether lookups go through the maps, building them
// once the scans are spent.
func (x *moduleIndex) indexed() bool {
	if x.byName != nil {
		return true
	}
	if x.scans < scannedLookups {
		x.scans++
		return false
	}
	x.byName, x.byClass = make(map[string]int, len(x.items)), make(map[string]int, len(x.items))
	for i, it := range x.items {
		if k := config.FoldCase(itemAttr(it, "name")); !mapHas(x.byName, k) {
			x.byName[k] = i
		}
		if k := config.FoldCase(className(itemAttr(it, "type"))); !mapHas(x.byClass, k) {
			x.byClass[k] = i
		}
	}
	return true
}

func mapHas(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// byNameOf is the index of the first module named name, or -1.
func (x *moduleIndex) byNameOf(name string) int {
	if x.indexed() {
		if i, ok := x.byName[config.FoldCase(name)]; ok {
			return i
		}
		return -1
	}
	for i, it := range x.items {
		if strings.EqualFold(itemAttr(it, "name"), name) {
			return i
		}
	}
	return -1
}

// find finds a module by name or, failing that, by class; sameType says
// whether its class is typ's.
func (x *moduleIndex) find(name, typ string) (m *config.Item, sameType bool) {
	if i := x.byNameOf(name); i >= 0 {
		m = &x.items[i]
		return m, typ == "" || strings.EqualFold(className(itemAttr(*m, "type")), className(typ))
	}
	if typ == "" {
		return nil, false
	}
	class := className(typ)
	if x.byClass != nil {
		if i, ok := x.byClass[config.FoldCase(class)]; ok {
			return &x.items[i], true
		}
		return nil, false
	}
	for i, it := range x.items {
		if strings.EqualFold(className(itemAttr(it, "type")), class) {
			return &x.items[i], true
		}
	}
	return nil, false
}

func (x *moduleIndex) hasName(name string) bool { return x.byNameOf(name) >= 0 }

// handlerIndex finds handlers by path, letter case folded: by scanning for
// the first few lookups, then through a map (see moduleIndex).
type handlerIndex struct {
	items  []config.Item
	scans  int
	byPath map[string][]int
}

func newHandlerIndex(items []config.Item) *handlerIndex { return &handlerIndex{items: items} }

// hasHandlerFor reports whether a handler maps exactly its path with its
// class, or a web.config maps that path with another (someone mapped it in
// system.webServer on purpose). The server's own handlers for "*"
// (StaticFile, the verb handlers) are no counterpart of another class.
func (x *handlerIndex) hasHandlerFor(it config.Item) bool {
	path, class := itemAttr(it, "path"), className(itemAttr(it, "type"))
	counterpart := func(h config.Item) bool {
		return strings.EqualFold(className(itemAttr(h, "type")), class) ||
			(h.Doc != nil && h.Doc.Kind() == config.KindWebConfig)
	}
	if x.byPath == nil && x.scans < scannedLookups {
		x.scans++
		for _, h := range x.items {
			if strings.EqualFold(itemAttr(h, "path"), path) && counterpart(h) {
				return true
			}
		}
		return false
	}
	if x.byPath == nil {
		x.byPath = make(map[string][]int, len(x.items))
		for i, h := range x.items {
			k := config.FoldCase(itemAttr(h, "path"))
			x.byPath[k] = append(x.byPath[k], i)
		}
	}
	for _, i := range x.byPath[config.FoldCase(path)] {
		if counterpart(x.items[i]) {
			return true
		}
	}
	return false
}

// exactKey is an entry's attributes as written, joined: equal keys are
// the same entry for hasModule's and hasHandler's exact comparison.
// appendExactKey appends exactKey(it, attrs...) to dst: looked up as
// m[string(...)], it makes no string.
func appendExactKey(dst []byte, it config.Item, attrs ...string) []byte {
	for _, a := range attrs {
		dst = append(dst, itemAttr(it, a)...)
		dst = append(dst, 0)
	}
	return dst
}

func exactKey(it config.Item, attrs ...string) string {
	var b strings.Builder
	for _, a := range attrs {
		b.WriteString(itemAttr(it, a))
		b.WriteByte(0)
	}
	return b.String()
}

// exactSet is the set of exactKeys of a root list (the root web.config's
// httpModules or httpHandlers: the entries IIS's stock server already
// runs). Root lists are shared and never changed; their sets are kept.
func exactSet(root []config.Item, attrs ...string) map[string]bool {
	if len(root) == 0 {
		return nil
	}
	return exactSets.Get(strings.Join(attrs, ","), root, func() map[string]bool {
		set := make(map[string]bool, len(root))
		for _, r := range root {
			set[exactKey(r, attrs...)] = true
		}
		return set
	})
}

var exactSets config.ListCache[map[string]bool]

// itemAttr is an entry's attribute as written ("" when absent).
func itemAttr(it config.Item, name string) string {
	v, _ := it.Get(name)
	return v
}

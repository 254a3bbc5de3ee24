package validate

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// The schema rules (IC2xx) share one walk over the document that checks
// every section against the schema, the way IIS's configuration system
// (and ASP.NET's, for .NET sections) reads a file: sections by path,
// elements and attributes by name, values by type, collections with their
// add/remove/clear directives and keys (docs/iis-behaviour.md §11–§3).

// schemaIssue is one problem the walk found, for the rule that reports it.
type schemaIssue struct {
	rule string // the rule's name
	elem *etree.Element
	attr string // "" for the element
	msg  string
	// note and help, when set, explain msg (see Finding).
	note, help string
	// sev, when set, is the finding's severity instead of the rule's.
	sev *Severity
}

// attributesEverywhere are valid on any element of any section: the lock
// attributes of the configuration system (docs/iis-behaviour.md §8, §11).
// All begin with "lock", which spares most attributes the lookup.
var attributesEverywhere = map[string]bool{
	"lockAttributes": true, "lockAllAttributesExcept": true, "lockElements": true,
	"lockAllElementsExcept": true, "lockItem": true,
}

// sectionAttributes are valid on a section's own element: an external
// file (configSource), encryption (configProtectionProvider) and .NET
// 4.7.1 configuration builders.
var sectionAttributes = map[string]bool{"configSource": true, "configProtectionProvider": true, "configBuilders": true}

// schemaWalk holds the state of one walk.
type schemaWalk struct {
	p        *pass
	set      *schema.Set
	declared map[string]bool // section paths declared in the chain's <configSections>
	groups   map[string]bool // section group paths
	seen     sectionSet
	repeated map[*etree.Element]bool // sections reported as duplicate-section (nil until one is)
	sections *[]sectionElement       // cached by sectionElements
	// found are the sections container met, in document order: the
	// sectionElements, unless a nested <location> (which container does
	// not enter) hides some.
	found          []sectionElement
	nestedLocation bool
	// addOnElems are the sections of add-ons iiscfg has no schema for.
	addOnElems []sectionElement
	issues     []schemaIssue
	namesOnly  bool // an XDT transform: only element and attribute names are checked
}

// schemaIssues runs the walk once per pass.
func (p *pass) schemaIssues() []schemaIssue {
	// Cached: every schema rule reads the same walk.
	if p.schema != nil {
		return *p.schema
	}
	w := &schemaWalk{p: p, set: p.ctx.Schema, namesOnly: p.doc.Kind() == config.KindTransform}
	if w.set == nil {
		w.set = schema.Builtin()
	}
	w.run()
	p.schema = &w.issues
	return w.issues
}

func (w *schemaWalk) add(r string, e *etree.Element, attr, format string, args ...any) {
	w.issues = append(w.issues, schemaIssue{rule: r, elem: e, attr: attr, msg: fmt.Sprintf(format, args...)})
}

func (w *schemaWalk) run() {
	root := w.p.doc.Root()
	if root == nil || root.Space != "" || root.Tag != "configuration" {
		return
	}
	for _, s := range w.p.ctx.Above {
		w.collectDeclarations(s.Doc)
	}
	w.collectDeclarations(w.p.doc)
	if !w.namesOnly {
		w.checkConfigSectionsPlacement(root)
	}
	w.container(root, "", false)
	if !w.nestedLocation {
		w.sections = &w.found
	}
	if !w.namesOnly {
		w.duplicateKeys()
		w.locks()
		w.addOns()
	}
}

// collectDeclarations records the sections and groups a file's
// <configSections> declares.
func (w *schemaWalk) collectDeclarations(doc *config.Document) {
	eachDeclaration(doc, func(path string, decl *etree.Element) {
		if decl.Tag == "section" {
			if w.declared == nil {
				w.declared = map[string]bool{}
			}
			w.declared[path] = true
		} else {
			if w.groups == nil {
				w.groups = map[string]bool{}
			}
			w.groups[path] = true
		}
	})
}

// eachDeclaration calls f with the path and element of every <section>
// and <sectionGroup> that doc's <configSections> declare, groups before
// what they hold.
func eachDeclaration(doc *config.Document, f func(path string, decl *etree.Element)) {
	root := doc.Root()
	if root == nil {
		return
	}
	var walk func(e *etree.Element, prefix string)
	walk = func(e *etree.Element, prefix string) {
		for c := range e.ChildElementsSeq() {
			name := c.SelectAttrValue("name", "")
			if c.Space != "" || name == "" || (c.Tag != "section" && c.Tag != "sectionGroup") {
				continue
			}
			f(prefix+name, c)
			if c.Tag == "sectionGroup" {
				walk(c, prefix+name+"/")
			}
		}
	}
	for _, cs := range doc.OwnSection("configSections") { // computed once per document
		walk(cs, "")
	}
}

// checkConfigSectionsPlacement: .NET and IIS require <configSections> to be
// the first child of <configuration>, once.
func (w *schemaWalk) checkConfigSectionsPlacement(root *etree.Element) {
	i := 0
	for c := range root.ChildElementsSeq() {
		if c.Space == "" && c.Tag == "configSections" && i > 0 {
			w.add(nameMisplacedSection, c, "", "Only one <configSections> element allowed. It must be the first child element of the root <configuration> element.")
		}
		i++
	}
}

// container checks the children of <configuration>, of a <location> or of a
// section group element; prefix is the group path ("system.web/").
func (w *schemaWalk) container(e *etree.Element, prefix string, inLocation bool) {
	for c := range e.ChildElementsSeq() {
		if c.Space != "" {
			continue // another namespace (xdt:Import and the like)
		}
		switch {
		case prefix == "" && c.Tag == "configSections":
			if inLocation {
				w.add(nameUnknownElement, c, "", "Unrecognized element 'configSections' (it cannot be in a <location>)")
			}
			continue
		case prefix == "" && c.Tag == "location":
			if inLocation {
				w.add(nameUnknownElement, c, "", "Unrecognized element 'location' (<location> tags cannot be nested)")
				w.nestedLocation = true
				continue
			}
			w.location(c)
			w.container(c, "", true)
			continue
		}
		cp := w.child(prefix, c.Tag)
		path := cp.path
		switch {
		case cp.sec != nil:
			w.found = append(w.found, sectionElement{path: path, elem: c, sec: cp.sec, reg: cp.reg, addOn: cp.addOn})
			w.section(c, cp.sec, inLocation)
		case w.declared[path] || cp.reg != nil:
			w.found = append(w.found, sectionElement{path: path, elem: c, sec: cp.sec, reg: cp.reg, addOn: cp.addOn})
			w.sectionOnce(c, path) // declared, not described: only the duplicate check
			w.placement(c, cp.reg, inLocation)
		case cp.group || w.groups[path]:
			w.container(c, cp.groupPrefix(), inLocation)
		case !w.namesOnly && w.addOnSection(cp.addOn.addOn):
			// An add-on's section iiscfg has no schema for: the server
			// profile says whether it is declared (module-not-installed).
			w.addOnElems = append(w.addOnElems, sectionElement{path: path, elem: c, addOn: cp.addOn})
		default:
			// A root web.config or machine.config is declared by the
			// machine.config of its own framework, which iiscfg does not pair.
			if kind := w.p.doc.Kind(); !w.namesOnly && kind != config.KindRootWebConfig && kind != config.KindMachineConfig {
				w.add(nameUndeclaredSection, c, "", "The configuration section '%s' cannot be read because it is missing a section declaration%s", path, w.suggestSection(path))
			}
		}
	}
}

// addOnSection reports whether an undescribed section belongs to an add-on
// whose declaration the server profile, not applicationHost.config, decides.
func (w *schemaWalk) addOnSection(a *schema.AddOn) bool {
	return a != nil && !a.Declared && !a.AppHostOnly && w.p.ctx.Profile != nil && w.p.doc.Kind() == config.KindWebConfig && w.hostAbove() == nil
}

// addOnOf is schema.AddOnOf, which compares the path with every add-on's
// sections: answered from a table for the built-in sections.
func addOnOf(path string) *schema.AddOn {
	if a, ok := builtinAddOns()[path]; ok {
		return a
	}
	return schema.AddOnOf(path)
}

var builtinAddOns = sync.OnceValue(func() map[string]*schema.AddOn {
	out := map[string]*schema.AddOn{}
	for path := range schema.Sections() {
		out[path] = schema.AddOnOf(path)
	}
	return out
})

// suggestSection names the section meant by a misspelt one: the same
// letters in another case.
func (w *schemaWalk) suggestSection(path string) string {
	for _, s := range schema.Sections() {
		if strings.EqualFold(s.Path, path) {
			return fmt.Sprintf(" (did you mean '%s'?)", s.Path)
		}
	}
	return ""
}

// location checks a <location> tag's own attributes.
func (w *schemaWalk) location(e *etree.Element) {
	known := map[string]bool{"path": true, "overrideMode": true, "allowOverride": true, "inheritInChildApplications": true}
	for _, a := range e.Attr {
		if a.Space != "" || a.Key == "xmlns" || known[a.Key] {
			continue
		}
		w.add(nameUnknownAttribute, e, a.FullKey(), "Unrecognized attribute '%s' on <location>", a.FullKey())
	}
	if w.namesOnly {
		return
	}
	if v := e.SelectAttr("overrideMode"); v != nil && v.Value != "Allow" && v.Value != "Deny" && v.Value != "Inherit" {
		w.add(nameInvalidValue, e, "overrideMode", "%q is not a valid value for 'overrideMode': use one of Allow, Deny, Inherit", v.Value)
	}
	for _, b := range []string{"allowOverride", "inheritInChildApplications"} {
		if v := e.SelectAttr(b); v != nil && !strings.EqualFold(v.Value, "true") && !strings.EqualFold(v.Value, "false") {
			w.add(nameInvalidValue, e, b, "%q is not a valid value for '%s': use true or false", v.Value, b)
		}
	}
	if e.SelectAttr("overrideMode") != nil && e.SelectAttr("allowOverride") != nil {
		w.add(nameInvalidValue, e, "allowOverride", "A location tag cannot specify both allowOverride and overrideMode")
	}
}

// sectionAt is a section path and a lower-cased location path.
type sectionAt struct{ section, location string }

// sectionOnce reports a section seen twice at the same location path.
func (w *schemaWalk) sectionOnce(e *etree.Element, path string) bool {
	loc, _ := config.LocationOf(e)
	key := sectionAt{path, strings.ToLower(loc)}
	if first, dup := w.seen.find(key); dup {
		if w.repeated == nil {
			w.repeated = map[*etree.Element]bool{}
		}
		w.repeated[e] = true
		if !w.namesOnly {
			w.add(nameDuplicateSection, e, "", "Config section '%s' already defined (first at line %d). Sections must only appear once per config file. See the help topic <location> for exceptions",
				path, w.p.doc.StartPos(first).Line)
		}
		return false
	}
	w.seen.add(key, e)
	return true
}

// sectionSet maps sections (by path and location) to an element: scanned
// while few (a file sets a dozen sections; a map costs more to fill than
// they do to scan), through a map beyond.
type sectionSet struct {
	n    int
	few  [fewSections]sectionSetEntry
	many map[sectionAt]*etree.Element
}

type sectionSetEntry struct {
	key  sectionAt
	elem *etree.Element
}

const fewSections = 16

func (s *sectionSet) find(k sectionAt) (*etree.Element, bool) {
	if s.many != nil {
		e, ok := s.many[k]
		return e, ok
	}
	for _, x := range s.few[:s.n] {
		if x.key == k {
			return x.elem, true
		}
	}
	return nil, false
}

func (s *sectionSet) add(k sectionAt, e *etree.Element) {
	if s.many == nil && s.n < fewSections {
		s.few[s.n] = sectionSetEntry{k, e}
		s.n++
		return
	}
	if s.many == nil {
		s.many = make(map[sectionAt]*etree.Element, 2*fewSections)
		for _, x := range s.few[:s.n] {
			s.many[x.key] = x.elem
		}
	}
	s.many[k] = e
}

// placement checks where a section may be set (allowDefinition,
// allowLocation).
func (w *schemaWalk) placement(e *etree.Element, reg *schema.Section, inLocation bool) {
	if reg == nil || w.namesOnly {
		return
	}
	kind := w.p.doc.Kind()
	if kind != config.KindWebConfig {
		return
	}
	switch reg.AllowDefinition {
	case "AppHostOnly":
		w.add(nameMisplacedSection, e, "", "Section '%s' can only be set in applicationHost.config (allowDefinition=\"AppHostOnly\"); IIS refuses it in a web.config", reg.Path)
	case "MachineOnly", "MachineToWebRoot":
		w.add(nameMisplacedSection, e, "", "Section '%s' can only be set in machine.config or the root web.config (allowDefinition=\"%s\")", reg.Path, reg.AllowDefinition)
	case "MachineToApplication":
		if !w.p.ctx.AppRoot {
			w.add(nameMisplacedSection, e, "", "It is an error to use a section registered as allowDefinition='MachineToApplication' beyond application level ('%s' in a folder that is not an application)", reg.Path)
		}
	}
	if inLocation && !reg.AllowLocation {
		if loc, _ := config.LocationOf(e); loc != "" {
			w.add(nameMisplacedSection, e, "", "Section '%s' cannot be set inside a <location> tag (allowLocation=\"false\")", reg.Path)
		}
	}
}

// section checks one section element against its schema.
func (w *schemaWalk) section(e *etree.Element, sec *schema.Section, inLocation bool) {
	if !w.sectionOnce(e, sec.Path) {
		return
	}
	w.placement(e, sec, inLocation)
	if e.SelectAttr("configSource") != nil || e.SelectAttr("configProtectionProvider") != nil {
		return // the content is in another file, or encrypted
	}
	w.element(e, sec.Root, sec, true)
}

// dotNet reports whether ASP.NET or the .NET configuration system, rather
// than IIS, reads the section; their enum names are case-sensitive and
// their errors are not HTTP 500.19 pages.
func dotNet(sec *schema.Section) bool {
	return !strings.HasPrefix(sec.Path, "system.webServer/") && !strings.HasPrefix(sec.Path, "system.applicationHost/")
}

// element checks an element's attributes and children against el.
func (w *schemaWalk) element(e *etree.Element, el *schema.Element, sec *schema.Section, sectionRoot bool) {
	if el.AnyContent {
		return
	}
	w.attributes(e, el, sec, sectionRoot, nil)
	coll := el.Collection
	for c := range e.ChildElementsSeq() {
		if c.Space != "" {
			continue
		}
		switch {
		case coll != nil && coll.IsAdd(c.Tag):
			w.element(c, coll.Item, sec, false)
		case coll != nil && coll.Remove != "" && c.Tag == coll.Remove:
			w.attributes(c, coll.Item, sec, false, coll.Keys())
		case coll != nil && coll.Clear != "" && c.Tag == coll.Clear:
			w.attributes(c, &schema.Element{Name: c.Tag}, sec, false, []*schema.Attribute{})
		case coll != nil && (c.Tag == "remove" || c.Tag == "clear") && el.Child(c.Tag) == nil:
			if !w.namesOnly {
				w.add(nameUnsupportedDirective, c, "", "<%s> is not supported here: the collection of '%s' has no %s directive (IIS: Unrecognized element '%s')",
					c.Tag, elementPath(sec, e), c.Tag, c.Tag)
			}
		default:
			if child := el.Child(c.Tag); child != nil {
				w.element(c, child, sec, false)
			} else {
				w.add(nameUnknownElement, c, "", "Unrecognized element '%s'%s", c.Tag, suggestName(c.Tag, childNames(el)))
			}
		}
	}
}

// attributes checks e's attributes against el. keysOnly, when not nil, is
// the attribute list of a <remove> or <clear> directive.
func (w *schemaWalk) attributes(e *etree.Element, el *schema.Element, sec *schema.Section, sectionRoot bool, keysOnly []*schema.Attribute) {
	find := el.Attr
	if keysOnly != nil {
		find = func(name string) *schema.Attribute {
			for _, a := range keysOnly {
				if a.Name == name {
					return a
				}
			}
			return nil
		}
	}
	found := 0 // required attributes the element has (it has none twice)
	for _, a := range e.Attr {
		name := a.FullKey()
		if a.Space != "" || a.Key == "xmlns" || (strings.HasPrefix(name, "lock") && attributesEverywhere[name]) || (sectionRoot && sectionAttributes[name]) {
			continue
		}
		sa := find(name)
		if sa == nil {
			if el.AllowUnrecognizedAttributes && keysOnly == nil {
				continue
			}
			var names []string
			for _, x := range el.Attrs {
				names = append(names, x.Name)
			}
			if keysOnly != nil {
				names = nil
				for _, x := range keysOnly {
					names = append(names, x.Name)
				}
			}
			note := ""
			if dotNet(sec) {
				note = ". Note that attribute names are case-sensitive."
			}
			w.add(nameUnknownAttribute, e, name, "Unrecognized attribute '%s'%s%s", name, note, suggestName(name, names))
			continue
		}
		if sa.Required || (keysOnly != nil && sa.UniqueKey) {
			found++
		}
		if w.namesOnly {
			continue
		}
		if sa.Type == schema.String && sa.Validation == "" {
			continue // any value will do
		}
		// Only an enum's check reads whether its names are case-sensitive.
		if msg := sa.CheckValue(a.Value, sa.Type == schema.Enum && dotNet(sec) && !hasBoolNames(sa)); msg != "" {
			w.add(nameInvalidValue, e, name, "%s", msg)
		}
	}
	if w.namesOnly || sectionRoot {
		return
	}
	required := el.Attrs
	if keysOnly != nil {
		required = keysOnly
	}
	want := 0
	for _, sa := range required {
		if sa.Required || (keysOnly != nil && sa.UniqueKey) {
			want++
		}
	}
	if found == want {
		return // all there: no attribute looked up again
	}
	for _, sa := range required {
		if (sa.Required || (keysOnly != nil && sa.UniqueKey)) && e.SelectAttr(sa.Name) == nil {
			w.add(nameMissingRequired, e, "", "Missing required attribute '%s' on <%s>", sa.Name, e.Tag)
		}
	}
}

// hasBoolNames: enums whose names include true and false (sessionState
// cookieless, pages enableSessionState) go through converters that ignore
// letter case.
func hasBoolNames(a *schema.Attribute) bool {
	for _, v := range a.Values {
		if strings.EqualFold(v.Name, "true") {
			return true
		}
	}
	return false
}

func childNames(el *schema.Element) []string {
	var names []string
	for _, c := range el.Children {
		names = append(names, c.Name)
	}
	if el.Collection != nil {
		names = append(names, el.Collection.Add...)
		if el.Collection.Remove != "" {
			names = append(names, el.Collection.Remove)
		}
		if el.Collection.Clear != "" {
			names = append(names, el.Collection.Clear)
		}
	}
	return names
}

// suggestName proposes the known name that differs only in letter case.
func suggestName(name string, known []string) string {
	for _, k := range known {
		if strings.EqualFold(k, name) && k != name {
			return fmt.Sprintf(" (did you mean '%s'?)", k)
		}
	}
	return ""
}

// elementPath names a collection's element for messages.
func elementPath(sec *schema.Section, e *etree.Element) string {
	var segs []string
	for x := e; x != nil && !(x.Space == "" && x.Tag == sec.Root.Name && x.Parent() != nil && isSectionElement(x, sec)); x = x.Parent() {
		segs = append([]string{x.Tag}, segs...)
	}
	if len(segs) == 0 {
		return sec.Path
	}
	return sec.Path + "/" + strings.Join(segs, "/")
}

// isSectionElement reports whether x is the element of section sec (its
// ancestors spell the section's groups).
func isSectionElement(x *etree.Element, sec *schema.Section) bool {
	segs := strings.Split(sec.Path, "/")
	for i := len(segs) - 1; i >= 0; i-- {
		if x == nil || x.Tag != segs[i] {
			return false
		}
		x = x.Parent()
	}
	return x != nil && (x.Tag == "configuration" || x.Tag == "location")
}

// duplicateKeys merges every collection of every described section the
// document sets, at each location path it sets it, along the chain, and
// reports the entries IIS (or .NET) refuses as duplicates.
func (w *schemaWalk) duplicateKeys() {
	chain := w.p.chain()
	type at struct {
		sec  *schema.Section
		path string
	}
	var todo []at
	var seen sectionSet
	for _, e := range w.sectionElements() {
		sec := e.sec
		if sec == nil {
			continue
		}
		loc, _ := config.LocationOf(e.elem)
		key := sectionAt{e.path, strings.ToLower(loc)}
		// Only a level that adds entries can add a duplicate.
		if _, dup := seen.find(key); dup || !addsEntries(e.elem, sec.Root) {
			continue
		}
		seen.add(key, nil)
		todo = append(todo, at{sec, config.JoinPath(w.p.ctx.Prefix, loc)})
	}
	reported := map[*etree.Element]bool{}
	for _, t := range todo {
		for _, me := range config.Duplicates(chain, t.sec, t.path, w.inherited) {
			if me.Doc != w.p.doc || reported[me.Elem] || w.inRepeatedSection(me.Elem) {
				continue
			}
			reported[me.Elem] = true
			msg := me.Msg
			if dotNet(t.sec) && len(me.Key) > 0 {
				// The .NET configuration system's own words.
				msg = fmt.Sprintf("The entry '%s' has already been added.", strings.Join(me.Key, ", "))
			}
			is := schemaIssue{rule: nameDuplicateKey, elem: me.Elem, msg: msg}
			is.note, is.help = w.stockDuplicate(t.sec, me.Elem)
			w.issues = append(w.issues, is)
		}
	}
	w.nestedDuplicates(reported)
}

// stockDuplicate explains a duplicate of an entry a stock server's list
// has (docs/stock-lists.md), in a web.config linted without
// applicationHost.config: which servers have it, and the <remove> that
// fixes it. Empty when the file itself adds the key twice.
func (w *schemaWalk) stockDuplicate(sec *schema.Section, e *etree.Element) (note, help string) {
	parent := e.Parent()
	if parent == nil || w.hostAbove() != nil || w.p.doc.Kind() != config.KindWebConfig {
		return "", ""
	}
	elementPath := sec.Path
	if !strings.HasSuffix(sec.Path, "/"+parent.Tag) {
		elementPath += "/" + parent.Tag // defaultDocument/files
	}
	key := entryKey(e, elementPath)
	for c := range parent.ChildElementsSeq() {
		if c == e {
			break
		}
		if c.Tag == e.Tag && entryKey(c, elementPath) == key {
			return "", "" // the file's own earlier entry
		}
	}
	servers, ok := schema.StockListHas(elementPath, entryOf(e))
	if !ok {
		return "", ""
	}
	note = "a stock IIS 10 server already has it"
	if w.stockListServer() == "iisexpress" {
		note = "IIS Express already has it"
	} else if !slices.Contains(servers, "iis75") {
		note += " (IIS 7.5's list did not: the same file works there)"
	}
	keyAttr := "value"
	switch elementPath {
	case "system.webServer/staticContent":
		keyAttr = "fileExtension"
	case "system.webServer/httpErrors":
		keyAttr = "statusCode"
	}
	return note, fmt.Sprintf("write <remove %s/> just before it (removing an entry a server does not have is no error)", removeAttrs(e, keyAttr))
}

// addsEntries reports whether e (an element of schema el) holds a
// collection <add> anywhere below it.
func addsEntries(e *etree.Element, el *schema.Element) bool {
	for c := range e.ChildElementsSeq() {
		switch {
		case c.Space != "":
		case el.Collection != nil && el.Collection.IsAdd(c.Tag):
			return true
		case el.Child(c.Tag) != nil && addsEntries(c, el.Child(c.Tag)):
			return true
		}
	}
	return false
}

// inRepeatedSection: a duplicate-section finding already covers the
// entries of a section's second element (IIS stops there).
func (w *schemaWalk) inRepeatedSection(e *etree.Element) bool {
	for x := e; x != nil; x = x.Parent() {
		if w.repeated[x] {
			return true
		}
	}
	return false
}

// nestedDuplicates checks collections inside collection items (a URL
// Rewrite rule's server variables, a FastCGI application's environment),
// which do not inherit: duplicates within one element.
func (w *schemaWalk) nestedDuplicates(reported map[*etree.Element]bool) {
	for _, se := range w.sectionElements() {
		sec := se.sec
		if sec == nil || !hasItemCollections(sec) {
			continue
		}
		var walk func(e *etree.Element, el *schema.Element, inItem bool)
		walk = func(e *etree.Element, el *schema.Element, inItem bool) {
			if coll := el.Collection; coll != nil {
				if inItem && !coll.AllowDuplicates && len(coll.Keys()) > 0 {
					c := config.NewCollection(coll, nil)
					for _, me := range c.ApplyLevel(config.Level{Doc: w.p.doc, Elems: []*etree.Element{e}}) {
						if !reported[me.Elem] {
							reported[me.Elem] = true
							w.add(nameDuplicateKey, me.Elem, "", "%s", me.Msg)
						}
					}
				}
				for c := range e.ChildElementsSeq() {
					if c.Space == "" && coll.IsAdd(c.Tag) {
						walk(c, coll.Item, true)
					}
				}
			}
			for c := range e.ChildElementsSeq() {
				if c.Space == "" && el.Child(c.Tag) != nil && !(el.Collection != nil && el.Collection.IsAdd(c.Tag)) {
					walk(c, el.Child(c.Tag), inItem)
				}
			}
		}
		walk(se.elem, sec.Root, false)
	}
}

// hasItemCollections reports whether a section's schema has a collection
// with keys inside a collection's item, the only place nestedDuplicates
// reports: the other sections need no walk.
func hasItemCollections(sec *schema.Section) bool {
	if v, ok := builtinItemCollections()[sec]; ok {
		return v
	}
	if v, ok := itemCollections.Load(sec); ok {
		return v.(bool)
	}
	has := findItemCollections(sec)
	itemCollections.Store(sec, has)
	return has
}

// builtinItemCollections is hasItemCollections for the built-in sections,
// in a map that needs no lock.
var builtinItemCollections = sync.OnceValue(func() map[*schema.Section]bool {
	out := map[*schema.Section]bool{}
	for _, sec := range schema.Sections() {
		out[sec] = findItemCollections(sec)
	}
	return out
})

func findItemCollections(sec *schema.Section) bool {
	type state struct {
		el     *schema.Element
		inItem bool
	}
	seen := map[state]bool{}
	var find func(el *schema.Element, inItem bool) bool
	find = func(el *schema.Element, inItem bool) bool {
		if el == nil || seen[state{el, inItem}] {
			return false
		}
		seen[state{el, inItem}] = true
		if coll := el.Collection; coll != nil {
			if inItem && !coll.AllowDuplicates && len(coll.Keys()) > 0 {
				return true
			}
			if find(coll.Item, true) {
				return true
			}
		}
		for _, c := range el.Children {
			if find(c, inItem) {
				return true
			}
		}
		return false
	}
	return find(sec.Root, false)
}

var itemCollections sync.Map // *schema.Section -> bool

type sectionElement struct {
	path string
	elem *etree.Element
	sec  *schema.Section // the schema's description, or nil
	reg  *schema.Section // the schema's registration (described or not), or nil
	// addOn is addOnOf(path), when the table of built-in paths has it.
	addOn *knownAddOn
}

// knownAddOn is the add-on a path belongs to (nil: none), worked out once.
type knownAddOn struct{ addOn *schema.AddOn }

// addOnOf is the add-on of a section element's path.
func (se sectionElement) addOnOf() *schema.AddOn {
	if se.addOn != nil {
		return se.addOn.addOn
	}
	return addOnOf(se.path)
}

// childPath is what the schema says of an element in a section group (or
// at the top, prefix ""): its path, and the section or group it names.
type childPath struct {
	path  string          // prefix + tag
	sec   *schema.Section // the set's description of path, or nil
	reg   *schema.Section // the set's registration of path, or nil
	group bool            // a group of the schema's sections
	sub   string          // path + "/", when known
	addOn *knownAddOn     // see sectionElement; never nil
}

// groupPrefix is the prefix of the group's children.
func (cp childPath) groupPrefix() string {
	if cp.sub != "" {
		return cp.sub
	}
	return cp.path + "/"
}

type childKey struct{ prefix, tag string }

// child says what the schema makes of an element named tag in the group
// prefix; for the built-in schema's sections and groups from a table, so
// that walking a file joins no strings and looks each path up once.
func (w *schemaWalk) child(prefix, tag string) childPath {
	if w.set != schema.Builtin() {
		return childPathOf(w.set, prefix+tag)
	}
	key := childKey{prefix, tag}
	if cp, ok := builtinChildPaths()[key]; ok {
		return cp
	}
	// Sections the schema only declares, and those files declare:
	// remembered too, up to a bound, in strings of their own (not
	// pieces of a document's text, which they would keep alive).
	if cp, ok := otherChildPaths.load(key); ok {
		return cp
	}
	if len(prefix)+len(tag) > maxOtherChildPathLen {
		return childPathOf(w.set, prefix+tag)
	}
	cp := childPathOf(w.set, strings.Clone(prefix+tag))
	otherChildPaths.remember(childKey{strings.Clone(prefix), strings.Clone(tag)}, cp)
	return cp
}

// The remembered paths are bounded in number and length: a file of
// thousands of long unknown names must not pin megabytes for the run.
const maxOtherChildPathLen = 256

var otherChildPaths = &runCache[childKey, childPath]{max: 4096}

func childPathOf(set *schema.Set, path string) childPath {
	return childPath{path: path, sec: set.Lookup(path), reg: set.Declared(path), group: schema.IsGroup(path), addOn: &knownAddOn{addOnOf(path)}}
}

var builtinChildPaths = sync.OnceValue(func() map[childKey]childPath {
	out := map[childKey]childPath{}
	for section := range schema.Sections() {
		start := 0
		for {
			end := strings.IndexByte(section[start:], '/')
			if end < 0 {
				end = len(section)
			} else {
				end += start
			}
			cp := childPathOf(schema.Builtin(), section[:end])
			if cp.group {
				cp.sub = section[:end] + "/"
			}
			out[childKey{section[:start], section[start:end]}] = cp
			if end == len(section) {
				break
			}
			start = end + 1
		}
	}
	return out
})

// sectionElements lists the elements of the sections in the document
// (described or not), in document order.
func (w *schemaWalk) sectionElements() []sectionElement {
	if w.sections != nil {
		return *w.sections
	}
	out := []sectionElement{}
	defer func() { w.sections = &out }()
	var walk func(e *etree.Element, prefix string)
	walk = func(e *etree.Element, prefix string) {
		for c := range e.ChildElementsSeq() {
			if c.Space != "" {
				continue
			}
			if prefix == "" && (c.Tag == "location" || c.Tag == "configSections") {
				if c.Tag == "location" {
					walk(c, "")
				}
				continue
			}
			cp := w.child(prefix, c.Tag)
			switch {
			case cp.reg != nil || w.declared[cp.path]:
				out = append(out, sectionElement{path: cp.path, elem: c, sec: cp.sec, reg: cp.reg, addOn: cp.addOn})
			case cp.group || w.groups[cp.path]:
				walk(c, cp.groupPrefix())
			}
		}
	}
	walk(w.p.doc.Root(), "")
	return out
}

// inherited gives the entries a collection inherits from the levels a lone
// file does not bring: the root web.config lists of the pool's runtime, the
// stock applicationHost.config <modules> and <handlers> when no
// applicationHost.config is in the chain, and what the .NET machine.config
// adds (connectionStrings' LocalSqlServer, the membership and role
// providers).
func (w *schemaWalk) inherited(elementPath string) []config.Item {
	ctx := w.p.ctx
	if kind := w.p.doc.Kind(); kind == config.KindRootWebConfig || kind == config.KindMachineConfig {
		return nil // these files are the lists
	}
	hasHost := w.p.doc.Kind() == config.KindAppHost || w.hostAbove() != nil
	switch elementPath {
	case schema.HTTPModules.Path:
		return ctx.Server.RootHTTPModules
	case schema.HTTPHandlers.Path:
		return ctx.Server.RootHTTPHandlers
	case schema.Modules.Path:
		if !hasHost {
			return stockModules[btoi(ctx.Runtime == schema.V20)]
		}
	case schema.Handlers.Path:
		if !hasHost {
			return stockHandlers[btoi(ctx.Runtime == schema.V20)]
		}
	case "system.webServer/staticContent", "system.webServer/defaultDocument/files", "system.webServer/httpErrors":
		if !hasHost {
			return stockListItems(elementPath, w.stockListServer())
		}
		return nil
	}
	if v, ok := machineConfigItems.Load(elementPath); ok {
		return v.([]config.Item)
	}
	items := config.ItemsFromEntries(schema.MachineConfigCollection(elementPath))
	machineConfigItems.Store(elementPath, items)
	return items
}

// stockListServer is whose stock lists a web.config without
// applicationHost.config adds to: IIS Express's when --server names it
// (they have entries IIS 10 lacks, such as .woff2), else IIS 10's.
func (w *schemaWalk) stockListServer() string {
	if prof := w.p.ctx.Profile; prof != nil && prof.Explicit && strings.HasPrefix(prof.Name, "iisexpress") {
		return "iisexpress"
	}
	return "iis10"
}

// stockListItems is a server's stock list of a collection as items
// (schema/data/stock-lists.tsv), converted once per list.
func stockListItems(elementPath, server string) []config.Item {
	key := elementPath + "\x00" + server
	if v, ok := stockListCache.Load(key); ok {
		return v.([]config.Item)
	}
	items := config.ItemsFromEntries(schema.StockList(elementPath, server))
	tag := "add"
	switch elementPath {
	case "system.webServer/staticContent":
		tag = "mimeMap"
	case "system.webServer/httpErrors":
		tag = "error"
	}
	for i := range items {
		items[i].Tag = tag
	}
	stockListCache.Store(key, items)
	return items
}

var stockListCache sync.Map

// machineConfigItems are machine.config's collections as items, by
// element path, converted once.
var machineConfigItems sync.Map

// The stock applicationHost.config lists as items, without and with .NET
// 3.5, converted once: every lone web.config's merge starts from them.
var (
	stockModules  = [2][]config.Item{config.ItemsFromEntries(schema.AppHostModules(false)), config.ItemsFromEntries(schema.AppHostModules(true))}
	stockHandlers = [2][]config.Item{config.ItemsFromEntries(schema.AppHostHandlers(false)), config.ItemsFromEntries(schema.AppHostHandlers(true))}
)

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hostAbove is the applicationHost.config at the top of the chain above
// the document, or nil when the chain has none.
func (w *schemaWalk) hostAbove() *config.Document {
	if above := w.p.ctx.Above; len(above) > 0 && above[0].Doc.Kind() == config.KindAppHost {
		return above[0].Doc
	}
	return nil
}

// locks reports sections that a level above locks (overrideModeDefault
// "Deny" in applicationHost.config's declaration, or a <location
// overrideMode="Deny">), known only when applicationHost.config is in the
// chain above the document.
func (w *schemaWalk) locks() {
	host := w.hostAbove()
	if w.p.doc.Kind() != config.KindWebConfig {
		return
	}
	if host == nil {
		w.profileLocks()
		return
	}
	defaults := overrideDefaults(host)
	for _, se := range w.sectionElements() {
		loc, _ := config.LocationOf(se.elem)
		path := config.JoinPath(w.p.ctx.Prefix, loc)
		state, ok := defaults[se.path]
		why := fmt.Sprintf(`overrideModeDefault="Deny" in %s's declaration`, host.Path)
		if !ok {
			if reg := se.reg; reg != nil {
				state = reg.OverrideModeDefault
			} else {
				state = "Allow"
			}
			why = `overrideModeDefault="Deny" on a stock server`
		}
		for i, src := range w.p.ctx.Above {
			fileState, fileWhy := state, why
			for _, l := range locationsCovering(src, path, se.path) {
				switch mode := overrideMode(l); mode {
				case "Allow", "Deny":
					fileState = mode
					fileWhy = fmt.Sprintf(`<location path=%q> in %s, line %d`, l.SelectAttrValue("path", ""), src.Doc.Path, src.Doc.StartPos(l).Line)
				}
			}
			// A level can lock, but never unlock what a level above it
			// locked; applicationHost.config itself declares the default.
			if !(i > 0 && state == "Deny" && fileState == "Allow") {
				state, why = fileState, fileWhy
			}
		}
		if state == "Deny" {
			w.locked(se, why)
		}
	}
}

// profileUnlockHelp is where a server of the profile is unlocked, when that
// is not an applicationHost.config the user edits in place
// (docs/servers.md).
func profileUnlockHelp(prof *schema.ServerProfile) string {
	switch {
	case !prof.Explicit:
		return ""
	case strings.HasPrefix(prof.Name, "azure-app-service"):
		return `App Service's applicationHost.config is read-only: an applicationHost.xdt transform in D:\home\site can unlock the section (overrideMode="Allow"), or set it there`
	case strings.HasPrefix(prof.Name, "iisexpress"):
		return `unlock it with overrideMode="Allow" in IIS Express's applicationhost.config (.vs/config/applicationhost.config in a Visual Studio solution), or set it there`
	}
	return ""
}

// addOns reports the sections of add-ons the server does not have, in a
// file linted without applicationHost.config (which would say by declaring
// them or not: undeclared-section's job), once per add-on and file. Against
// the server the user named it is an error; against the assumed stock IIS
// 10 an info (most sites that use <rewrite> or <aspNetCore> run where the
// module is installed), which names the --server value that says so.
func (w *schemaWalk) addOns() {
	prof := w.p.ctx.Profile
	if prof == nil || w.hostAbove() != nil || w.p.doc.Kind() == config.KindAppHost {
		return
	}
	seen := map[*schema.AddOn]bool{}
	for _, se := range append(w.sectionElements(), w.addOnElems...) {
		a := se.addOnOf()
		if a != nil && a.Declared {
			w.featureNotInstalled(prof, a, se)
			continue
		}
		if a == nil || a.AppHostOnly || !prof.Lacks(a) || w.declared[se.path] || seen[a] {
			continue
		}
		seen[a] = true
		section, elem := se.path, se.elem
		if strings.HasSuffix(a.Sections[0], "/") && elem.Parent() != nil {
			// <rewrite>, not its first inner section
			section, elem = strings.TrimSuffix(a.Sections[0], "/"), elem.Parent()
		}
		note := fmt.Sprintf("the section is declared only where %s is installed: without it IIS answers HTTP 500.19 (0x8007000d, missing a section declaration)", a.Name)
		help := fmt.Sprintf("install it (%s), and say so with --server %s+%s", a.Install(), prof.Name, a.Key)
		if !prof.Explicit {
			also := ""
			if azure, _ := schema.ParseServer("azure-app-service"); azure.Has(a) {
				also = "; azure-app-service has it"
			}
			w.issues = append(w.issues, schemaIssue{rule: nameModuleNotInstalled, elem: elem, sev: ptr(Info),
				msg:  fmt.Sprintf("%s needs %s, which a stock IIS 10 does not have", section, a.Name),
				note: note + "; iiscfg assumes a stock IIS 10 because no server is named",
				help: fmt.Sprintf("name the server it runs on: --server iis10+%s (or server: in .iiscfg.yaml%s)", a.Key, also)})
			continue
		}
		w.issues = append(w.issues, schemaIssue{rule: nameModuleNotInstalled, elem: elem,
			msg: fmt.Sprintf("%s needs %s, which the %q server (--server) does not have", section, a.Name, prof.Name), note: note, help: help})
	}
}

// featureNotInstalled reports a switched-on section of an optional role
// service the named server lacks: IIS reads it and does nothing. Sections
// the server locks are locked-section's; an unnamed server's role services
// are unknown.
func (w *schemaWalk) featureNotInstalled(prof *schema.ServerProfile, a *schema.AddOn, se sectionElement) {
	if !prof.Explicit || !prof.Lacks(a) || !a.SwitchedOn(se.elem) || prof.OverrideMode(se.path) == "Deny" {
		return
	}
	is := schemaIssue{rule: nameFeatureNotInstalled, elem: se.elem,
		msg:  fmt.Sprintf("%s needs the %s role service, which the %q server (--server) does not have", se.path, a.Name, prof.Name),
		note: "IIS reads the section and nothing happens: " + featureConsequence(a),
		help: fmt.Sprintf("install it (Install-WindowsFeature %s), and say so with --server %s+%s", a.Feature, prof.Name, a.Key)}
	if a.Key == "urlauth" {
		is.sev = ptr(Error) // access rules that are never applied
	}
	w.issues = append(w.issues, is)
}

// featureConsequence says what a role service's absence means to a site.
func featureConsequence(a *schema.AddOn) string {
	switch a.Key {
	case "urlauth":
		return "its allow and deny rules are never applied, so every user reaches every URL they guard"
	case "ipsecurity":
		return "its address restrictions are never applied"
	case "appinit":
		return "the application is not warmed up after a restart"
	case "dyncompression":
		return "dynamic responses are sent uncompressed"
	case "httpredirect":
		return "requests are not redirected"
	case "tracing":
		return "failed requests are not traced"
	}
	return "the feature does not run"
}

func ptr(s Severity) *Severity { return &s }

// profileLocks checks a web.config without applicationHost.config against
// the server profile's locks: the sections declared
// overrideModeDefault="Deny" that the server does not unlock, and any
// lock a <location overrideMode="Deny"> of a file above sets (a web.config
// can lock, never unlock).
func (w *schemaWalk) profileLocks() {
	prof := w.p.ctx.Profile
	if prof == nil {
		return
	}
	for _, se := range w.sectionElements() {
		reg := se.reg
		if reg == nil || reg.AllowDefinition == "AppHostOnly" {
			continue // undeclared-section's or misplaced-section's finding
		}
		state := prof.OverrideMode(se.path)
		why := "" // the profile's default, unless a location tag above locks it
		if state != "Deny" && len(w.p.ctx.Above) > 0 {
			loc, _ := config.LocationOf(se.elem)
			path := config.JoinPath(w.p.ctx.Prefix, loc)
			for _, src := range w.p.ctx.Above {
				for _, l := range locationsCovering(src, path, se.path) {
					if overrideMode(l) == "Deny" {
						state = "Deny"
						why = fmt.Sprintf(`<location path=%q> in %s, line %d`, l.SelectAttrValue("path", ""), src.Doc.Path, src.Doc.StartPos(l).Line)
					}
				}
			}
		}
		if state == "Deny" {
			if why == "" {
				why = `overrideModeDefault="Deny" on a stock IIS 10 server (assumed without --apphost; --server names another)`
				if prof.Explicit {
					why = fmt.Sprintf(`overrideModeDefault="Deny" on the %s server profile (--server)`, prof.Name)
				}
			}
			w.locked(se, why)
			if help := profileUnlockHelp(prof); help != "" {
				w.issues[len(w.issues)-1].help = help
			}
		}
	}
}

// locked reports a section set below the level that locks it: a short
// headline, IIS's own 500.19 text as the note (docs/iis-behaviour.md §8.3).
func (w *schemaWalk) locked(se sectionElement, why string) {
	w.issues = append(w.issues, schemaIssue{rule: nameLockedSection, elem: se.elem,
		msg: fmt.Sprintf("section '%s' is locked by %s", se.path, why),
		note: "IIS answers HTTP 500.19: This configuration section cannot be used at this path. This happens when the section is locked at a parent level. " +
			"Locking is either by default (overrideModeDefault=\"Deny\"), or set explicitly by a location tag with overrideMode=\"Deny\" or the legacy allowOverride=\"false\".",
		help: `set it in applicationHost.config (<location path="Site/app">), or unlock it there with overrideMode="Allow"`})
}

// overrideDefaults reads the overrideModeDefault of every section
// applicationHost.config declares.
func overrideDefaults(host *config.Document) map[string]string {
	out := map[string]string{}
	eachDeclaration(host, func(path string, decl *etree.Element) {
		if decl.Tag == "section" {
			out[path] = decl.SelectAttrValue("overrideModeDefault", "Allow")
		}
	})
	return out
}

// locationsCovering returns a file's <location> tags whose path covers
// path and that hold the section, shallowest first.
func locationsCovering(src config.Source, path, section string) []*etree.Element {
	var out []*etree.Element
	for _, l := range locationsOver(src, path) {
		if holdsSection(l.Elem, section) {
			out = append(out, l.Elem)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return len(out[i].SelectAttrValue("path", "")) < len(out[j].SelectAttrValue("path", ""))
	})
	return out
}

// locationsOver are a file's <location> tags whose path covers path, in
// document order, through the file's index of location paths: a pass per
// application must not scan a hosting server's thousands of tags.
func locationsOver(src config.Source, path string) []config.Location {
	rel, ok := config.PathUnder(path, src.Prefix)
	if !ok {
		return nil
	}
	out := slices.Clone(src.Doc.LocationsCovering(rel))
	sort.SliceStable(out, func(i, j int) bool {
		return src.Doc.Info(out[i].Elem).StartTag.Start < src.Doc.Info(out[j].Elem).StartTag.Start
	})
	return out
}

func holdsSection(loc *etree.Element, section string) bool {
	e := loc
	for _, seg := range strings.Split(section, "/") {
		if e = e.SelectElement(seg); e == nil {
			return false
		}
	}
	return true
}

// overrideMode is a location tag's effective overrideMode: the attribute,
// or the legacy allowOverride (true: Allow, false: Deny).
func overrideMode(l *etree.Element) string {
	if m := l.SelectAttrValue("overrideMode", ""); m != "" {
		return m
	}
	switch strings.ToLower(l.SelectAttrValue("allowOverride", "")) {
	case "true":
		return "Allow"
	case "false":
		return "Deny"
	}
	return "Inherit"
}

package validate

import (
	"fmt"
	"hash/maphash"
	"math/bits"
	"sort"
	"strconv"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// IIS's ConfigurationValidationModule (validcfg.dll), as disassembled in
// docs/iis-behaviour.md §5.2. Per request, in an Integrated pool:
//
//  1. read system.webServer/validation@validateIntegratedModeConfiguration
//     at the request's URL; if false, stop;
//  2. 500.22 if system.web/httpModules at the application path differs from
//     the one at MACHINE/WEBROOT (the root web.config);
//  3. 500.23 if system.web/httpHandlers at the request's URL differs from the
//     root web.config's;
//  4. 500.24 if system.web/identity at the application path has
//     impersonate=true and an empty userName.
//
// "Differs" means a different count, or any schema attribute (with defaults
// applied) different at the same index.
//
// A linter cannot enumerate request URLs; it checks the application root
// and every path a <location> tag of the file names, which is where the
// configuration can change.

// checkpoint is one URL scope of the linted file.
type checkpoint struct {
	path     string // configuration path, in the chain's coordinates
	validate bool   // validateIntegratedModeConfiguration in effect there
}

type integratedModel struct {
	checkpoints []checkpoint
}

func (p *pass) integrated() *integratedModel {
	if p.im != nil {
		return p.im
	}
	m := &integratedModel{}
	base := p.base()
	paths := []string{base}
	seen := map[string]bool{strings.ToLower(base): true}
	var below []string
	locs := p.doc.Locations()
	if rel, ok := config.PathUnder(base, p.ctx.Prefix); ok {
		locs = p.doc.LocationsBelow(rel) // the others are not below base
	}
	for _, loc := range locs {
		abs := config.JoinPath(p.ctx.Prefix, loc.Path)
		if key := strings.ToLower(abs); !seen[key] && config.PathCovers(base, abs) && !p.excluded(abs) {
			seen[key] = true
			below = append(below, abs)
		}
	}
	for _, s := range p.ctx.Below {
		abs := config.NormalizeLocationPath(s.Prefix)
		if key := strings.ToLower(abs); !seen[key] && config.PathCovers(base, abs) && !p.excluded(abs) {
			seen[key] = true
			below = append(below, abs)
		}
	}
	sort.Strings(below)
	for _, path := range append(paths, below...) {
		m.checkpoints = append(m.checkpoints, checkpoint{path: path, validate: p.validationAt(path)})
	}
	p.im = m
	return m
}

// excluded reports whether path belongs to a nested application.
func (p *pass) excluded(path string) bool {
	for _, x := range p.ctx.Exclude {
		if config.PathCovers(x, path) {
			return true
		}
	}
	return false
}

// validationAt is the effective validateIntegratedModeConfiguration at path.
func (p *pass) validationAt(path string) bool {
	if p.ctx.IgnoreValidation {
		return true
	}
	enabled := p.ctx.Server.Validation
	for _, l := range p.levelsAt(schema.Validation.Path, path) {
		for _, e := range l.Elems {
			if v := e.SelectAttr("validateIntegratedModeConfiguration"); v != nil {
				if b, ok := parseBool(v.Value); ok {
					enabled = b
				}
			}
		}
	}
	return enabled
}

// validatedScopes lists the checkpoints where validation is on.
func (m *integratedModel) validatedScopes() []string {
	var out []string
	for _, c := range m.checkpoints {
		if c.validate {
			out = append(out, c.path)
		}
	}
	return out
}

// effective merges a collection section from the server level down to path.
func (p *pass) effective(sec *schema.Section, server []config.Item, path string) []config.Item {
	return p.merge(sec, server, path).items()
}

// merged is a collection section merged from a server list down to a
// path, with the list after each level.
type merged struct {
	server []config.Item
	levels []config.Level
	states [][]config.Item // states[i]: the list after levels[i]
}

// items is the merged list.
func (m *merged) items() []config.Item {
	if len(m.states) == 0 {
		return m.server[:len(m.server):len(m.server)]
	}
	return m.states[len(m.states)-1]
}

type mergeKey struct {
	sec   *schema.Section
	path  string
	first *config.Item // the server list's, which the pass holds
	n     int
}

// merge merges a collection section once per pass: the rules that compare
// lists (IC101, IC102, IC105) ask for the same merges several times.
// Lists are never changed once merged, so they are shared.
func (p *pass) merge(sec *schema.Section, server []config.Item, path string) *merged {
	k := mergeKey{sec: sec, path: path, n: len(server)}
	if len(server) > 0 {
		k.first = &server[0]
	}
	if m, ok := p.merges[k]; ok {
		return m
	}
	m := &merged{server: server, levels: p.levelsAt(sec.Path, path)}
	if len(m.levels) > 0 {
		c := config.NewCollection(sec.Root.Collection, server)
		m.states = make([][]config.Item, len(m.levels))
		for i, l := range m.levels {
			c.ApplyLevel(l)
			m.states[i] = c.Items
		}
	}
	if p.merges == nil {
		p.merges = map[mergeKey]*merged{}
	}
	p.merges[k] = m
	return m
}

// levelChange is what one level of the linted file does to a collection.
type levelChange struct {
	doc    *config.Document
	elems  []*etree.Element // the level's collection elements with directives
	change string
}

// ownChanges merges a collection section down to path and returns, for each
// level of the linted file that changes the collection, its elements and a
// description of its change.
func (p *pass) ownChanges(sec *schema.Section, server []config.Item, path string, label func(config.Item) string) []levelChange {
	return p.changesBy(sec, server, path, label, func(d *config.Document) bool { return d == p.doc })
}

// changesBy is ownChanges for the levels of the files from selects.
func (p *pass) changesBy(sec *schema.Section, server []config.Item, path string, label func(config.Item) string, from func(*config.Document) bool) []levelChange {
	m := p.merge(sec, server, path)
	var out []levelChange
	before := server[:len(server):len(server)]
	for i, l := range m.levels {
		after := m.states[i]
		if !from(l.Doc) || sameCollection(sec, before, after) {
			before = after
			continue
		}
		var elems []*etree.Element
		for _, e := range l.Elems {
			if hasDirectives(e) {
				elems = append(elems, e)
			}
		}
		out = append(out, levelChange{doc: l.Doc, elems: elems, change: collectionChange(sec, before, after, sameList(before, server), label)})
		before = after
	}
	return out
}

// sameCollection is validcfg's comparison: same count, and every schema
// attribute equal at the same index (values with defaults applied, compared
// exactly; booleans by value).
func sameCollection(sec *schema.Section, a, b []config.Item) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameItem(sec, a[i], b[i]) {
			return false
		}
	}
	return true
}

func sameItem(sec *schema.Section, a, b config.Item) bool {
	if sameAttrs(a, b) {
		return true
	}
	for _, attr := range sec.Root.Collection.Item.Attrs {
		va, vb := a.Value(attr), b.Value(attr)
		if attr.Type == schema.Bool {
			ba, okA := parseBool(va)
			bb, okB := parseBool(vb)
			if okA && okB {
				if ba != bb {
					return false
				}
				continue
			}
		}
		if va != vb {
			return false
		}
	}
	return true
}

// sameAttrs reports whether two items hold the very same attribute list:
// an inherited item passed down unchanged, which compares equal without
// reading its values.
func sameAttrs(a, b config.Item) bool {
	return len(a.Attrs) > 0 && len(a.Attrs) == len(b.Attrs) && &a.Attrs[0] == &b.Attrs[0]
}

// collectionChange describes how a collection changed from root to eff:
// entries added, changed (same key, other values), removed, or only moved.
// Entries are found through hashes of their values and keys, so a long
// list costs linear time.
func collectionChange(sec *schema.Section, root, eff []config.Item, rootShared bool, label func(config.Item) string) string {
	inRoot := newItemIndex
	if rootShared {
		inRoot = sharedItemIndex
	}
	return describeChange(sec, root, eff, inRoot(sec, root), label)
}

// sameList reports whether a and b are the same list (not equal lists).
func sameList(a, b []config.Item) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func describeChange(sec *schema.Section, root, eff []config.Item, inRoot *itemIndex, label func(config.Item) string) string {
	// Entries, not their labels: only the first few are named.
	var added, changed, removed []config.Item
	// Most entries of eff are root's passed down, found by their
	// attribute lists (present); the others, few, are the level's.
	present := make([]bool, len(root))
	var local []config.Item
	var localIDs []uint64 // their idHashes
	next := 0             // root's entries come down in order: the one after the last found is tried first
	for _, e := range eff {
		i := -1
		if inRoot.distinctLists && next < len(root) && sameAttrs(root[next], e) {
			i = next
		} else {
			i = inRoot.listIndex(e)
		}
		if i >= 0 {
			present[i] = true
			next = i + 1
			continue
		}
		id := inRoot.idHash(e)
		local, localIDs = append(local, e), append(localIDs, id)
		switch {
		case inRoot.hasSameValues(e, id):
		case inRoot.hasKey(e, inRoot.keyHash(e)):
			changed = append(changed, e)
		default:
			added = append(added, e)
		}
	}
	var inLocal *itemIndex
	for i, r := range root {
		// The hashes of root's items are the index's.
		if present[i] || inRoot.presentAlike(r, inRoot.ids[i], inRoot.keys[i], present) {
			continue
		}
		if inLocal == nil {
			inLocal = buildItemIndex(sec, local, localIDs)
		}
		if !inLocal.hasSame(r, inRoot.ids[i]) && !inLocal.hasKey(r, inRoot.keys[i]) {
			removed = append(removed, r)
		}
	}
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "adds "+nameList(added, label))
	}
	if len(changed) > 0 {
		parts = append(parts, "changes "+nameList(changed, label))
	}
	switch {
	case len(removed) > 1 && len(removed) == len(root):
		parts = append(parts, "removes all "+strconv.Itoa(len(root))+" inherited entries")
	case len(removed) > 3:
		parts = append(parts, "removes "+strconv.Itoa(len(removed))+" of the "+strconv.Itoa(len(root))+" inherited entries")
	case len(removed) > 0:
		parts = append(parts, "removes "+nameList(removed, label))
	}
	if len(parts) == 0 {
		return "reorders the inherited entries"
	}
	return strings.Join(parts, " and ")
}

// itemIndex finds in a list an item equal to another (sameItem) or with
// the same key, through hashes: buckets are chained through next, and a
// hash match is confirmed by comparing the items.
type itemIndex struct {
	sec             *schema.Section
	lists           map[*schema.Attr]int // an item's attribute list -> its first index (see sameAttrs)
	coll            *config.Collection
	keyAttrs        []*schema.Attribute
	items           []config.Item
	byID, byKey     map[uint64]int32 // hash -> first index + 1
	nextID, nextKey []int32          // index -> next index + 1 in its bucket
	ids, keys       []uint64         // index -> the item's idHash and keyHash
	// distinctLists: no two items hold the same attribute list, so an
	// item holding an item's list is found at that item's index.
	distinctLists bool
}

var itemHashSeed = maphash.MakeSeed()

func newItemIndex(sec *schema.Section, items []config.Item) *itemIndex {
	return buildItemIndex(sec, items, nil)
}

// buildItemIndex is newItemIndex, given the items' idHashes when known.
func buildItemIndex(sec *schema.Section, items []config.Item, ids []uint64) *itemIndex {
	x := &itemIndex{sec: sec, coll: config.NewCollection(sec.Root.Collection, nil), keyAttrs: sec.Root.Collection.Keys(), items: items,
		byID: make(map[uint64]int32, len(items)), byKey: make(map[uint64]int32, len(items)),
		nextID: make([]int32, len(items)), nextKey: make([]int32, len(items)), ids: ids, keys: make([]uint64, len(items))}
	if x.ids == nil {
		x.ids = make([]uint64, len(items))
		for i, it := range items {
			x.ids[i] = x.idHash(it)
		}
	}
	x.lists = make(map[*schema.Attr]int, len(items))
	for i := len(items) - 1; i >= 0; i-- {
		if a := items[i].Attrs; len(a) > 0 {
			x.lists[&a[0]] = i
		}
		id, key := x.ids[i], x.keyHash(items[i])
		x.keys[i] = key
		x.nextID[i], x.byID[id] = x.byID[id], int32(i+1)
		x.nextKey[i], x.byKey[key] = x.byKey[key], int32(i+1)
	}
	withLists := 0
	for _, it := range items {
		if len(it.Attrs) > 0 {
			withLists++
		}
	}
	x.distinctLists = len(x.lists) == withLists
	return x
}

// sharedItemIndex is newItemIndex for a shared server list (the root
// web.config's, where the first level starts): lists are never changed
// once built, so the index is kept. An index is only read once built.
func sharedItemIndex(sec *schema.Section, items []config.Item) *itemIndex {
	return sharedItemIndexes.Get(sec, items, func() *itemIndex { return newItemIndex(sec, items) })
}

var sharedItemIndexes config.ListCache[*itemIndex]

// hasSame reports whether an item equal to it (sameItem) is indexed; id
// is it's idHash.
func (x *itemIndex) hasSame(it config.Item, id uint64) bool {
	return x.listIndex(it) >= 0 || x.hasSameValues(it, id)
}

// hasSameValues is hasSame for an item whose attribute list is none of
// the indexed items' (listIndex < 0).
func (x *itemIndex) hasSameValues(it config.Item, id uint64) bool {
	for i := x.byID[id]; i != 0; i = x.nextID[i-1] {
		if sameItem(x.sec, x.items[i-1], it) {
			return true
		}
	}
	return false
}

// listIndex is the index of the first item holding it's very attribute
// list (see sameAttrs), or -1.
func (x *itemIndex) listIndex(it config.Item) int {
	if len(it.Attrs) == 0 {
		return -1
	}
	if i, ok := x.lists[&it.Attrs[0]]; ok && len(x.items[i].Attrs) == len(it.Attrs) {
		return i
	}
	return -1
}

// presentAlike reports whether an item equal to it (sameItem) or with its
// key is present (by index) among the indexed items; id and key are its
// hashes.
func (x *itemIndex) presentAlike(it config.Item, id, key uint64, present []bool) bool {
	for i := x.byID[id]; i != 0; i = x.nextID[i-1] {
		if present[i-1] && sameItem(x.sec, x.items[i-1], it) {
			return true
		}
	}
	for i := x.byKey[key]; i != 0; i = x.nextKey[i-1] {
		if present[i-1] && x.coll.HasKey(x.items[i-1:i], it) {
			return true
		}
	}
	return false
}

// hasKey reports whether an item with it's key is indexed; key is its
// keyHash.
func (x *itemIndex) hasKey(it config.Item, key uint64) bool {
	for i := x.byKey[key]; i != 0; i = x.nextKey[i-1] {
		if x.coll.HasKey(x.items[i-1:i], it) {
			return true
		}
	}
	return false
}

// idHash hashes what sameItem compares: every schema attribute's value,
// booleans by value. Each value is hashed alone and the hashes combined:
// cheaper than streaming the values through one hash.
func (x *itemIndex) idHash(it config.Item) uint64 {
	var h uint64
	for _, attr := range x.sec.Root.Collection.Item.Attrs {
		v := it.Value(attr)
		if attr.Type == schema.Bool {
			if b, ok := parseBool(v); ok {
				h = combineHash(h, boolHashes[btoi(b)])
				continue
			}
		}
		h = combineHash(h, maphash.String(itemHashSeed, v))
	}
	return h
}

// boolHashes stand for a boolean's values (false, true) in idHash: no
// written value hashes as they do but by chance.
var boolHashes = [2]uint64{maphash.String(itemHashSeed, "\x01f"), maphash.String(itemHashSeed, "\x01t")}

// keyHash hashes an item's key as the collection compares it: letter case
// folded (config.FoldCase, as strings.EqualFold matches) unless the
// attribute is caseSensitive.
func (x *itemIndex) keyHash(it config.Item) uint64 {
	var h uint64
	var buf [64]byte
	for _, attr := range x.keyAttrs {
		v := it.Value(attr)
		if attr.CaseSensitive {
			h = combineHash(h, maphash.String(itemHashSeed, v))
		} else {
			h = combineHash(h, maphash.Bytes(itemHashSeed, config.AppendFoldCase(buf[:0], v)))
		}
	}
	return h
}

// combineHash adds the hash of the next value to h (order matters).
func combineHash(h, next uint64) uint64 {
	return (bits.RotateLeft64(h, 23) ^ next) * 0x9e3779b97f4a7c15
}

// nameList formats at most three entries by their labels: `"a", "b" and
// 3 more`.
func nameList(items []config.Item, label func(config.Item) string) string {
	const max = 3
	quoted := make([]string, 0, max)
	for i, it := range items {
		if i == max {
			break
		}
		quoted = append(quoted, strconv.Quote(label(it)))
	}
	switch {
	case len(items) > max:
		return strings.Join(quoted, ", ") + " and " + strconv.Itoa(len(items)-max) + " more"
	case len(quoted) == 1:
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}

// exemptPaths are the checkpoints below the base whose validation differs
// from the base's (on: the base's), outermost only, when paths starts with
// the base: the requests there are not the ones the finding is about.
func (p *pass) exemptPaths(paths []string) (exempt []string, on bool) {
	im := p.integrated()
	in := map[string]bool{}
	for _, path := range paths {
		in[strings.ToLower(path)] = true
	}
	on = im.checkpoints[0].validate
	for _, cp := range im.checkpoints[1:] {
		if in[strings.ToLower(cp.path)] || cp.validate == on {
			continue
		}
		covered := false
		for _, x := range exempt {
			covered = covered || config.PathCovers(x, cp.path)
		}
		if !covered {
			exempt = append(exempt, cp.path)
		}
	}
	return exempt, on
}

// scopeText names the requests a finding affects.
func (p *pass) scopeText(paths []string) string {
	base := p.base()
	name := func(path string) string {
		rel, _ := config.PathUnder(path, base)
		switch {
		case p.ctx.Scope != "" && rel == "":
			return p.ctx.Scope
		case p.ctx.Scope != "":
			return strings.TrimSuffix(p.ctx.Scope, "/") + "/" + rel
		}
		return "/" + rel
	}
	if len(paths) > 0 && strings.EqualFold(paths[0], base) {
		var all string
		switch {
		case p.ctx.Scope != "":
			all = "every request of " + p.ctx.Scope
		case p.ctx.AppRoot:
			all = "every request of the application"
		default:
			all = "every request under this folder"
		}
		exempt, on := p.exemptPaths(paths)
		if len(exempt) == 0 {
			return all
		}
		names := make([]string, len(exempt))
		for i, path := range exempt {
			names[i] = name(path)
		}
		state := "off"
		if !on {
			state = "on"
		}
		return fmt.Sprintf("%s except those under %s, where validation is %s", all, strings.Join(names, ", "), state)
	}
	names := make([]string, len(paths))
	for i, path := range paths {
		names[i] = name(path)
	}
	return "requests under " + strings.Join(names, ", ")
}

const integratedFix = `iiscfg migrate, validateIntegratedModeConfiguration="false", or a Classic pool`

const impersonationFix = `turn impersonation off, validateIntegratedModeConfiguration="false" (if it impersonates only after authentication), or a Classic pool`

// What to do before moving an application from a Classic pool.
const (
	classicMigrateFix       = `before moving it, run iiscfg migrate`
	classicImpersonationFix = `before moving it, turn impersonation off, or set validateIntegratedModeConfiguration="false" if it impersonates only after authentication; otherwise keep it in Classic`
)

// appliesToApplication reports whether the Integrated-mode rules apply to
// the document: an application's web.config (or a fragment of one), or
// applicationHost.config checked for one application (Path set). The root
// web.config and machine.config define the baseline, and a transform's
// effect depends on the file it is applied to.
func (p *pass) appliesToApplication() bool {
	switch p.doc.Kind() {
	case config.KindWebConfig:
		return true
	case config.KindAppHost:
		return p.ctx.Path != ""
	}
	return false
}

// blocker reports an Integrated-mode blocker: an error in an Integrated
// pool; in a Classic pool, where the section works, an info finding about
// what moving the application to Integrated takes.
func (p *pass) blocker(e *etree.Element, status int, what, fix, classicFix string, scopes []string) {
	p.blockerAt(p.doc.Info(e).Whole(), status, what, fix, classicFix, scopes)
}

func (p *pass) blockerAt(span config.Span, status int, what, fix, classicFix string, scopes []string) {
	if p.ctx.Pipeline == Classic {
		pool := "this Classic pool"
		if p.ctx.Pool.Name != "" {
			pool = fmt.Sprintf("Classic pool %q", p.ctx.Pool.Name)
		}
		p.reportSpan(Info, span, "%s", what)
		p.explain(fmt.Sprintf("fine in %s; an Integrated pool would answer HTTP 500.%d to %s", pool, status, p.scopeText(scopes)), classicFix)
		return
	}
	p.reportSpan(p.rule.Severity, span, "%s", what)
	p.explain(fmt.Sprintf("an Integrated pool answers HTTP 500.%d to %s", status, p.scopeText(scopes)), fix)
}

// parentApp reports whether d belongs to an application above this one
// (a site root's web.config seen from a nested application).
func (p *pass) parentApp(d *config.Document) bool {
	for _, s := range append(p.ctx.Above[:len(p.ctx.Above):len(p.ctx.Above)], p.ctx.Below...) {
		if s.Doc == d && s.ParentApp {
			return true
		}
	}
	return false
}

// inheritedAnchor is where a finding about what the application inherits
// from a parent application's web.config goes, once per application: the
// start tag of its own root web.config, or, when it has none, its
// <application> element in applicationHost.config. ok is false when this
// pass is not the application's, or ctx.OwnOnly.
func (p *pass) inheritedAnchor() (span config.Span, ok bool) {
	if p.ctx.OwnOnly || !p.ctx.AppRoot {
		return config.Span{}, false
	}
	switch p.doc.Kind() {
	case config.KindWebConfig:
		if root := p.doc.Root(); root != nil {
			return p.doc.Info(root).StartTag, true
		}
	case config.KindAppHost:
		for _, s := range p.ctx.Below {
			if !s.ParentApp && strings.EqualFold(config.NormalizeLocationPath(s.Prefix), p.base()) {
				return config.Span{}, false // the application's web.config pass reports it
			}
		}
		host := p.ctx.Host
		if host == nil || host.Doc != p.doc {
			var err error
			if host, err = config.NewAppHost(p.doc); err != nil {
				return config.Span{}, false
			}
		}
		if app := host.App(p.base()); app != nil && app.Elem != nil {
			return p.doc.Info(app.Elem).StartTag, true
		}
	}
	return config.Span{}, false
}

// inheritedBlocker reports, on the application's own anchor, a blocker
// whose setting comes from a parent application's file (from, in fromDoc):
// that file's own finding names the parent, not this application.
func (p *pass) inheritedBlocker(status int, what string, from *etree.Element, fromDoc *config.Document, fix, classicFix string, scopes []string) {
	span, ok := p.inheritedAnchor()
	if !ok {
		return
	}
	app := "this application"
	if p.ctx.Scope != "" {
		app = p.ctx.Scope
	}
	p.blockerAt(span, status, fmt.Sprintf("%s inherits %s from its parent application (%s:%d)", app, what, fromDoc.Path, fromDoc.StartPos(from).Line), fix, classicFix, scopes)
}

// What to do about a blocker inherited from a parent application.
const (
	inheritedImpersonationFix = `turn impersonation off in the parent, set validateIntegratedModeConfiguration="false" here (if it impersonates only after authentication), or put the parent's <identity> in <location path="." inheritInChildApplications="false">`
	inheritedFix              = `migrate the parent application and set validateIntegratedModeConfiguration="false" here, or put the parent's setting in <location path="." inheritInChildApplications="false">`
)

// Blockers says which of IIS's Integrated-mode checks the document's
// application fails (modules, handlers, impersonation), whatever file of
// the chain the difference comes from. ctx.Pipeline is ignored: the
// question is what an Integrated pool would answer.
func Blockers(doc *config.Document, ctx Context) (modules, handlers, impersonation bool) {
	ctx.Pipeline = Integrated
	p := &pass{doc: doc, ctx: &ctx, findings: new([]Finding)}
	im := p.integrated()
	if len(im.validatedScopes()) == 0 {
		return false, false, false
	}
	if ctx.AppRoot {
		root := ctx.Server.RootHTTPModules
		modules = !sameCollection(schema.HTTPModules, root, p.effective(schema.HTTPModules, root, p.base()))
		impersonate, userName, _ := p.identity()
		impersonation = impersonate && userName == ""
	}
	for _, cp := range im.checkpoints {
		root := ctx.Server.RootHTTPHandlers
		if cp.validate && !sameCollection(schema.HTTPHandlers, root, p.effective(schema.HTTPHandlers, root, cp.path)) {
			handlers = true
		}
	}
	return modules, handlers, impersonation
}

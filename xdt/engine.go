package xdt

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/antchfx/xpath"
	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/secret"
)

// engine applies one transform file to res.Doc.
//
// Transforms are applied in batches: each edits res.Doc's text as splices
// (in cur) while the tree stays as parsed, and the edited text is parsed
// again only when a transform would read what an earlier one of the batch
// changed (an element whose attributes it set, a parent it inserted into,
// anything an XPath may read). So each transform sees the previous
// results, and a file of many independent transforms is parsed once.
type engine struct {
	res     *Result
	tr      *config.Document
	file    int                     // index of tr in res.files
	noMatch map[*etree.Element]bool // transform elements already reported as matching nothing
	cur     *config.Document        // res.Doc with the batch's edits
	style   config.Style            // cur's writing style
	// What the batch changed: elements whose attributes changed, elements
	// removed or replaced, and the transform elements inserted under each
	// parent.
	attrsChanged map[*etree.Element]map[string]bool // element → names of the attributes changed
	gone         map[*etree.Element]bool
	inserted     map[*etree.Element][]*etree.Element
	stale        bool           // matching read something the batch changed
	evalErr      error          // a locator's XPath could not be evaluated
	origins      []spliceOrigin // which transform element made the batch's edits
}

// spliceOrigin: edits numbered from seq on were made by the transform
// element starting at offset of the transform file.
type spliceOrigin struct{ seq, offset int }

// flushEachTransform turns batching off (the differential test compares).
var flushEachTransform = false

// errStale stops a transform that must see the batch's results first.
var errStale = errors.New("stale")

func (g *engine) run() error {
	root := g.tr.Root()
	if root == nil {
		return nil
	}
	g.startBatch()
	for _, e := range g.tr.Elements() {
		call, ok, _ := TransformOf(e)
		if !ok || insideTransformed(e) {
			continue
		}
		start, warnings, touched, origins := g.cur.EditCount(), len(g.res.Warnings), len(g.res.Touched), len(g.origins)
		g.madeBy(g.tr.Info(e).StartTag.Start)
		err := g.apply(e, call)
		if err != nil && start > 0 {
			// Stale, or its edits collide with the batch's: undo this
			// transform's part, parse what the batch did, and apply it again.
			g.cur.TruncateEdits(start)
			g.origins = g.origins[:origins]
			g.res.Warnings, g.res.Touched = g.res.Warnings[:warnings], g.res.Touched[:touched]
			g.stale = false
			if err := g.flush(); err != nil {
				return err
			}
			start = 0
			g.madeBy(g.tr.Info(e).StartTag.Start)
			err = g.apply(e, call)
		}
		if err != nil {
			return err
		}
		if g.cur.EditCount() > start {
			g.res.Applied++
		}
		if flushEachTransform {
			if err := g.flush(); err != nil {
				return err
			}
		}
	}
	return g.flush()
}

func (g *engine) startBatch() {
	g.cur = g.res.Doc.Fork()
	if g.style.Indent == "" {
		g.style = g.cur.Style() // the file's style does not change with its content
	}
	g.attrsChanged, g.gone, g.inserted = map[*etree.Element]map[string]bool{}, map[*etree.Element]bool{}, map[*etree.Element][]*etree.Element{}
	g.stale, g.origins = false, g.origins[:0]
}

// madeBy says that the edits from now on come from offset of the
// transform file (a transform element, or one of its attributes).
func (g *engine) madeBy(offset int) {
	g.origins = append(g.origins, spliceOrigin{seq: g.cur.EditCount(), offset: offset})
}

// pending reports whether the batch has edits.
func (g *engine) pending() bool { return g.cur.Edited() }

// checkFresh fails with errStale when matching read what the batch
// changed, and with an *Error at e when a locator's XPath failed.
func (g *engine) checkFresh(e *etree.Element) error {
	if g.evalErr != nil {
		err := attrErr(g.tr, e, "Locator", "xdt:Locator: %v", g.evalErr)
		g.evalErr = nil
		return err
	}
	if g.stale {
		g.stale = false
		return errStale
	}
	return nil
}

// insideTransformed: an element inside one that is itself transformed is
// content (copied by Replace or Insert), not a transform of its own.
func insideTransformed(e *etree.Element) bool {
	for p := e.Parent(); p != nil; p = p.Parent() {
		if _, ok := xdtAttr(p, "Transform"); ok {
			return true
		}
	}
	return false
}

// touch records that el of the current document is edited.
func (g *engine) touch(els ...*etree.Element) {
	for _, el := range els {
		w := g.res.Doc.Info(el).Whole()
		d, start := g.res.Origin(w.Start)
		if d != g.res.files[0] {
			continue
		}
		_, end := g.res.Origin(w.End - 1)
		g.res.Touched = append(g.res.Touched, config.Span{Start: start, End: end + 1})
	}
}

func (g *engine) apply(e *etree.Element, call Call) error {
	switch call.Name {
	case "Insert", "InsertIfMissing":
		parent := e.Parent()
		if parent == nil || parent == &g.tr.Tree.Element {
			return errAt(g.tr, e, ErrInvalid, "%s on the document element: a document has one root", call.Name)
		}
		parents, unmatched := g.match(parent)
		if err := g.checkFresh(e); err != nil {
			return err
		}
		if len(parents) == 0 {
			return g.missingTarget(e, unmatched, call.Name)
		}
		if call.Name == "InsertIfMissing" {
			existing := g.step(parents[:1], e)
			if err := g.checkFresh(e); err != nil {
				return err
			}
			if len(existing) > 0 {
				return nil
			}
		}
		if p := parents[0]; len(g.inserted[p]) > 0 && g.res.Doc.Info(p).SelfClosing {
			return errStale // a second insert into a self-closing parent would overlap the first
		}
		g.touch(parents[0])
		g.inserted[parents[0]] = append(g.inserted[parents[0]], e)
		return g.cur.AppendMarkup(parents[0], g.style, g.markup(e, parents[0]))
	case "InsertBefore", "InsertAfter":
		if g.pending() {
			return errStale // an XPath may read anything
		}
		targets, err := g.evalXPath(call.Args, e)
		if err != nil {
			return attrErr(g.tr, e, "Transform", "xdt:Transform=%q: XPath: %v", call.Name, err)
		}
		if len(targets) == 0 {
			err := errAt(g.tr, e, ErrMissingTarget, "%s(%s) selects nothing in %s: the element cannot be inserted (Microsoft's engine fails the same way)", call.Name, secret.XPath(call.Args), g.res.files[0].Path)
			return err
		}
		t := targets[0]
		if t.Parent() == nil || t.Parent() == &g.cur.Tree.Element {
			return errAt(g.tr, e, ErrInvalid, "%s(%s) selects the document element: a document has one root", call.Name, secret.XPath(call.Args))
		}
		m := g.markup(e, t.Parent())
		g.touch(t)
		g.inserted[t.Parent()] = append(g.inserted[t.Parent()], e)
		if call.Name == "InsertBefore" {
			return g.cur.InsertMarkupBefore(t, g.style, m)
		}
		return g.cur.InsertMarkupAfter(t, g.style, m)
	}

	targets, unmatched := g.match(e)
	if err := g.checkFresh(e); err != nil {
		return err
	}
	if len(targets) == 0 {
		if g.pending() {
			return errStale // it may match what the batch wrote
		}
		g.warnNoMatch(e, unmatched)
		return nil
	}
	g.touch(targets...)
	if call.Name != "SetAttributes" && call.Name != "RemoveAttributes" {
		for _, t := range targets {
			g.gone[t] = true
		}
	}
	switch call.Name {
	case "Replace":
		return g.cur.ReplaceElement(targets[0], g.markup(e, targets[0].Parent()))
	case "Remove":
		return g.cur.RemoveElement(targets[0])
	case "RemoveAll":
		removed := map[*etree.Element]bool{}
		for _, t := range targets {
			if removedAncestor(t, removed) {
				continue
			}
			removed[t] = true
			if err := g.cur.RemoveElement(t); err != nil {
				return err
			}
		}
	case "SetAttributes":
		return g.setAttributes(e, call, targets)
	case "RemoveAttributes":
		return g.removeAttributes(e, call, targets)
	}
	return nil
}

func removedAncestor(e *etree.Element, removed map[*etree.Element]bool) bool {
	for p := e.Parent(); p != nil; p = p.Parent() {
		if removed[p] {
			return true
		}
	}
	return false
}

// plainAttrs are e's attributes that are not part of the transform language.
func plainAttrs(e *etree.Element) []etree.Attr {
	var out []etree.Attr
	for _, a := range e.Attr {
		if !IsXDTAttr(a) && !isNamespaceDecl(a) {
			out = append(out, a)
		}
	}
	return out
}

func qname(a etree.Attr) string {
	if a.Space != "" {
		return a.Space + ":" + a.Key
	}
	return a.Key
}

func (g *engine) setAttributes(e *etree.Element, call Call, targets []*etree.Element) error {
	attrs := plainAttrs(e)
	if names := call.List(); len(names) > 0 {
		var picked []etree.Attr
		for _, n := range names {
			found := false
			for _, a := range attrs {
				if qname(a) == n {
					picked = append(picked, a)
					found = true
				}
			}
			if !found {
				g.warn(NoEffect, e, "SetAttributes(%s): the transform element has no attribute %q to copy", call.Args, n)
			}
		}
		attrs = picked
	}
	if len(attrs) == 0 {
		if len(call.List()) == 0 {
			g.warn(NoEffect, e, "SetAttributes: the transform element has no attributes to set")
		}
		return nil
	}
	for _, t := range targets {
		for _, a := range attrs {
			if g.attrsChanged[t][qname(a)] {
				return errStale // the batch already changed this attribute
			}
		}
	}
	changed := false
	st := g.style
	for _, t := range targets {
		for _, a := range attrs {
			if old := t.SelectAttr(qname(a)); old != nil && old.Value == a.Value {
				continue
			}
			changed = true
			g.changedAttr(t, qname(a))
			if info, ok := g.tr.AttrInfo(e, qname(a)); ok {
				g.madeBy(info.Key.Start) // a finding on the value points at the transform's attribute
			}
			if err := g.cur.SetAttr(t, qname(a), a.Value, st); err != nil {
				return err
			}
		}
	}
	if !changed {
		g.warn(NoEffect, e, "SetAttributes: %s already %s in %s", describeAttrs(attrs), plural(len(attrs) == 1 && len(targets) == 1, "has this value", "have these values"), g.res.files[0].Path)
	}
	return nil
}

// describeAttrs writes attributes for a message, secret values as ***
// (docs/secrets.md): messages reach CI logs and annotations.
func describeAttrs(attrs []etree.Attr) string {
	key := ""
	for _, name := range []string{"name", "key"} {
		for _, a := range attrs {
			if qname(a) == name {
				key = a.Value
			}
		}
	}
	var parts []string
	for _, a := range attrs {
		parts = append(parts, fmt.Sprintf("%s=%q", qname(a), secret.Value(qname(a), key, a.Value)))
	}
	return strings.Join(parts, " ")
}

func plural(one bool, a, b string) string {
	if one {
		return a
	}
	return b
}

func (g *engine) removeAttributes(e *etree.Element, call Call, targets []*etree.Element) error {
	names := call.List()
	removedAny := false
	for _, t := range targets {
		var remove []string
		if len(names) == 0 {
			for _, a := range plainAttrs(t) {
				remove = append(remove, qname(a))
			}
		} else {
			for _, n := range names {
				if t.SelectAttr(n) != nil {
					remove = append(remove, n)
				}
			}
		}
		for _, n := range remove {
			if g.attrsChanged[t][n] {
				return errStale // the batch already changed this attribute
			}
		}
		for _, n := range remove {
			removedAny = true
			g.changedAttr(t, n)
			if err := g.cur.RemoveAttr(t, n); err != nil {
				return err
			}
		}
	}
	if !removedAny {
		what := "no attributes"
		if len(names) > 0 {
			what = "none of " + strings.Join(names, ", ")
		}
		g.warn(NoEffect, e, "RemoveAttributes: the matched element has %s to remove", what)
	}
	return nil
}

// flush re-reads the batch's edited text so the next transforms see the
// result, records where the new text came from, and starts a new batch.
func (g *engine) flush() error {
	if !g.cur.Edited() {
		g.startBatch()
		return nil
	}
	splices := g.cur.Splices()
	out, err := config.Load(g.res.Doc.Path, g.cur.Bytes())
	if err != nil {
		return &Error{Kind: ErrResult, File: g.tr.Path, Msg: fmt.Sprintf("the transformed document does not parse (%v); this is a bug in iiscfg, please report it", err)}
	}
	g.res.pieces = remap(g.res.pieces, splices, g.file, g.originOf)
	g.res.Doc = out
	g.res.Parses++
	g.startBatch()
	return nil
}

// originOf is the offset of the transform element that made edit seq.
func (g *engine) originOf(seq int) int {
	i := sort.Search(len(g.origins), func(i int) bool { return g.origins[i].seq > seq }) - 1
	if i < 0 {
		i = 0
	}
	return g.origins[i].offset
}

// remap carries the origin pieces of a text through splices; spliced-in
// text comes from offset at of file.
func remap(old []piece, splices []config.Splice, file int, at func(seq int) int) []piece {
	var out []piece
	i := 0 // next old piece
	copyRange := func(from, to, shift int) {
		for i < len(old) && old[i].end <= from {
			i++
		}
		for j := i; j < len(old) && old[j].start < to; j++ {
			p := old[j]
			s, e := max(p.start, from), min(p.end, to)
			if s >= e {
				continue
			}
			q := p
			if !p.fixed {
				q.off += s - p.start
			}
			q.start, q.end = s+shift, e+shift
			out = append(out, q)
		}
	}
	pos, shift := 0, 0
	for _, s := range splices {
		copyRange(pos, s.Span.Start, shift)
		if n := len(s.Text); n > 0 {
			ns := s.Span.Start + shift
			out = append(out, piece{start: ns, end: ns + n, file: file, off: at(s.Seq), fixed: true})
		}
		shift += len(s.Text) - s.Span.Len()
		pos = s.Span.End
	}
	end := 0
	if len(old) > 0 {
		end = old[len(old)-1].end
	}
	copyRange(pos, end, shift)
	return out
}

// match finds the elements of the current document that transform element
// s addresses: its path from the root, narrowed by its own and its
// ancestors' locators. When nothing matches, unmatched is the outermost
// element of s's path that selects nothing.
func (g *engine) match(s *etree.Element) (found []*etree.Element, unmatched *etree.Element) {
	var chain []*etree.Element
	for e := s; e != nil && e != &g.tr.Tree.Element; e = e.Parent() {
		chain = append(chain, e)
	}
	nodes := []*etree.Element{&g.res.Doc.Tree.Element}
	for i := len(chain) - 1; i >= 0; i-- {
		step := chain[i]
		if loc, ok, _ := LocatorOf(step); ok && loc.Name == "XPath" {
			if g.pending() {
				g.stale = true
			}
			var err error
			if nodes, err = g.evalXPath(loc.Args, step); err != nil {
				g.evalErr = err
			}
		} else {
			nodes = g.step(nodes, step)
		}
		if len(nodes) == 0 {
			return nil, step
		}
	}
	return nodes, nil
}

// step selects the children of parents that transform element s names
// (same local name, same namespace URI) and its Match or Condition locator
// accepts.
func (g *engine) step(parents []*etree.Element, s *etree.Element) []*etree.Element {
	ns := s.NamespaceURI()
	loc, hasLoc, _ := LocatorOf(s)
	var cond *xpath.Expr
	if hasLoc && loc.Name == "Condition" {
		cond, _ = compile(loc.Args, g.tr, s)
	}
	if cond != nil && g.pending() {
		g.stale = true // a condition may read anything
	}
	var out []*etree.Element
	for _, p := range parents {
		for _, x := range g.inserted[p] {
			// The tree lacks what the batch inserted: stale if it could match.
			if x.Tag == s.Tag && x.NamespaceURI() == ns && (!hasLoc || loc.Name != "Match" || matchAttrs(s, x, loc.List())) {
				g.stale = true
			}
		}
		position := 0
		for _, c := range p.ChildElements() {
			if c.Tag != s.Tag || c.NamespaceURI() != ns {
				continue
			}
			if g.gone[c] || (hasLoc && readsChanged(loc, g.attrsChanged[c])) {
				g.stale = true // the locator reads attributes the batch changed
			}
			position++
			if !hasLoc {
				out = append(out, c)
				continue
			}
			switch loc.Name {
			case "Match":
				if matchAttrs(s, c, loc.List()) {
					out = append(out, c)
				}
			case "Condition":
				if cond != nil && g.holds(cond, g.res.Doc.Tree, c, position) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// readsChanged reports whether a locator reads one of the changed attributes.
func readsChanged(loc Call, changed map[string]bool) bool {
	if len(changed) == 0 {
		return false
	}
	if loc.Name != "Match" {
		return true
	}
	for _, n := range loc.List() {
		if changed[n] {
			return true
		}
	}
	return false
}

// changedAttr records that the batch changes attribute name of e.
func (g *engine) changedAttr(e *etree.Element, name string) {
	if g.attrsChanged[e] == nil {
		g.attrsChanged[e] = map[string]bool{}
	}
	g.attrsChanged[e][name] = true
}

// matchAttrs: Match(a,b) accepts an element whose a and b equal the
// transform element's. An attribute the transform element lacks matches
// nothing (lint reports it as xdt-match-attribute-missing).
func matchAttrs(s, c *etree.Element, names []string) bool {
	for _, n := range names {
		want := s.SelectAttr(n)
		if want == nil {
			return false
		}
		got := c.SelectAttr(n)
		if got == nil || got.Value != want.Value {
			return false
		}
	}
	return true
}

// holds evaluates a Condition as an XPath predicate on c: a number is
// compared with c's position among its same-named siblings.
func (g *engine) holds(expr *xpath.Expr, doc *etree.Document, c *etree.Element, position int) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			g.evalErr = fmt.Errorf("the XPath library cannot evaluate Condition(%s) on this document", expr.String())
			ok = false
		}
	}()
	switch v := expr.Evaluate(newNavigator(doc, c)).(type) {
	case bool:
		return v
	case float64:
		return v == float64(position)
	case string:
		return v != ""
	case *xpath.NodeIterator:
		return v.MoveNext()
	}
	return false
}

// evalXPath selects elements of the current document with an expression
// written in transform element at (its namespace prefixes in scope).
func (g *engine) evalXPath(expr string, at *etree.Element) (out []*etree.Element, err error) {
	x, err := compile(expr, g.tr, at)
	if err != nil {
		return nil, err
	}
	// antchfx/xpath panics on some comparisons (a non-numeric string with
	// a number); an expression it cannot evaluate is an error of the
	// transform, not a crash.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("the XPath library cannot evaluate %q on this document", expr)
		}
	}()
	doc := g.res.Doc.Tree
	it := x.Select(newNavigator(doc, nil))
	seen := map[*etree.Element]bool{}
	for it.MoveNext() {
		n, ok := it.Current().(*navigator)
		if !ok || n.attr >= 0 {
			continue
		}
		if e, ok := n.node.(*etree.Element); ok && e != &doc.Element && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out, nil
}

// compile compiles an XPath written in transform element at: the prefixes
// declared around it are usable, and _defaultNamespace names the
// document's default namespace, as in Microsoft's engine (docs/xdt.md).
func compile(expr string, t *config.Document, at *etree.Element) (*xpath.Expr, error) {
	ns := map[string]string{}
	for e := at; e != nil; e = e.Parent() {
		for _, a := range e.Attr {
			if a.Space == "xmlns" {
				if _, ok := ns[a.Key]; !ok {
					ns[a.Key] = a.Value
				}
			}
		}
	}
	if _, ok := ns["_defaultNamespace"]; !ok {
		if r := t.Root(); r != nil {
			ns["_defaultNamespace"] = r.NamespaceURI()
		}
	}
	return compileSafely(expr, ns)
}

// compileSafely turns a panic of the XPath library on hostile input into
// an error.
func compileSafely(expr string, ns map[string]string) (x *xpath.Expr, err error) {
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, fmt.Errorf("cannot compile %q", expr)
		}
	}()
	return xpath.CompileWithNS(expr, ns)
}

func (g *engine) warn(kind WarningKind, e *etree.Element, format string, args ...any) {
	info := g.tr.Info(e)
	g.res.Warnings = append(g.res.Warnings, Warning{Kind: kind, Doc: g.tr, Element: e,
		Start: g.tr.Pos(info.StartTag.Start), End: g.tr.Pos(info.StartTag.End), Msg: fmt.Sprintf(format, args...)})
}

// warnNoMatch reports, once, the outermost element whose path selects nothing.
func (g *engine) warnNoMatch(e, unmatched *etree.Element) {
	if unmatched == nil {
		unmatched = e
	}
	if g.noMatch[unmatched] {
		return
	}
	g.noMatch[unmatched] = true
	if g.matchesInSource(e) {
		g.warn(NoEffect, e, "%s matched in %s, but an earlier transform already removed or changed it: this one does nothing", g.describePath(e), g.res.files[0].Path)
		return
	}
	msg := fmt.Sprintf("no element in %s matches %s: the transform does nothing", g.res.files[0].Path, g.describePath(unmatched))
	if hint := g.namespaceHint(unmatched); hint != "" {
		msg += "; " + hint
	}
	g.warn(NoMatch, unmatched, "%s", msg)
}

// matchesInSource reports whether s's path selects something in the
// untransformed source.
func (g *engine) matchesInSource(s *etree.Element) bool {
	if g.res.Doc == g.res.files[0] {
		return false
	}
	cur := g.res.Doc
	g.res.Doc = g.res.files[0]
	found, _ := g.match(s)
	g.res.Doc = cur
	return len(found) > 0
}

func (g *engine) missingTarget(e, unmatched *etree.Element, name string) error {
	msg := fmt.Sprintf("%s: no element in %s matches %s, so there is no parent to insert into (Microsoft's engine fails the same way)", name, g.res.files[0].Path, g.describePath(unmatched))
	if hint := g.namespaceHint(unmatched); hint != "" {
		msg += "; " + hint
	}
	err := errAt(g.tr, unmatched, ErrMissingTarget, "%s", msg)
	return err
}

// describePath writes s's path as an XPath with its locators.
func (g *engine) describePath(s *etree.Element) string {
	var chain []*etree.Element
	for e := s; e != nil && e != &g.tr.Tree.Element; e = e.Parent() {
		chain = append(chain, e)
	}
	var b strings.Builder
	for i := len(chain) - 1; i >= 0; i-- {
		step := chain[i]
		loc, ok, _ := LocatorOf(step)
		if ok && loc.Name == "XPath" {
			b.Reset()
			b.WriteString(secret.XPath(loc.Args))
			continue
		}
		b.WriteString("/")
		b.WriteString(step.Tag)
		if !ok {
			continue
		}
		switch loc.Name {
		case "Match":
			var preds []string
			for _, n := range loc.List() {
				v := "(missing)"
				if a := step.SelectAttr(n); a != nil {
					v = "'" + secret.Value(n, step.SelectAttrValue("key", step.SelectAttrValue("name", "")), a.Value) + "'"
				}
				preds = append(preds, "@"+n+"="+v)
			}
			b.WriteString("[" + strings.Join(preds, " and ") + "]")
		case "Condition":
			b.WriteString("[" + secret.XPath(loc.Args) + "]")
		}
	}
	return b.String()
}

// vs2005Namespace is the default namespace Visual Studio 2005 wrote on
// <configuration> (docs/xdt.md).
const vs2005Namespace = "http://schemas.microsoft.com/.NetConfiguration/v2.0"

// namespaceHint explains a no-match caused by namespaces: the source has an
// element of that name in another namespace.
func (g *engine) namespaceHint(s *etree.Element) string {
	var parents []*etree.Element
	if p := s.Parent(); p == nil || p == &g.tr.Tree.Element {
		parents = []*etree.Element{&g.res.Doc.Tree.Element}
	} else if ps, _ := g.match(p); len(ps) > 0 {
		parents = ps
	}
	for _, p := range parents {
		for _, c := range p.ChildElements() {
			if c.Tag != s.Tag || c.NamespaceURI() == s.NamespaceURI() {
				continue
			}
			src := c.NamespaceURI()
			switch {
			case src == vs2005Namespace:
				return fmt.Sprintf("the source is a Visual Studio 2005 config whose elements are in namespace %q: add xmlns=%q to the transform's <%s>", src, src, s.Tag)
			case src == "":
				return fmt.Sprintf("the source's <%s> is in no namespace but the transform's is in %q", c.Tag, s.NamespaceURI())
			}
			return fmt.Sprintf("the source's <%s> is in namespace %q: write xmlns=%q on the transform's <%s> too", c.Tag, src, src, s.Tag)
		}
	}
	return ""
}

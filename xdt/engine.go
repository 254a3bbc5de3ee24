package xdt

import (
	"fmt"
	"strings"

	"github.com/antchfx/xpath"
	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// engine applies one transform file to res.Doc.
type engine struct {
	res     *Result
	tr      *config.Document
	file    int                     // index of tr in res.files
	noMatch map[*etree.Element]bool // transform elements already reported as matching nothing
	cur     *config.Document        // res.Doc with this step's edits
}

func (g *engine) run() error {
	root := g.tr.Root()
	if root == nil {
		return nil
	}
	for _, e := range g.tr.Elements() {
		call, ok, _ := TransformOf(e)
		if !ok || insideTransformed(e) {
			continue
		}
		g.cur = g.res.Doc.Fork()
		if err := g.apply(e, call); err != nil {
			return err
		}
		if err := g.commit(e); err != nil {
			return err
		}
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
		if len(parents) == 0 {
			return g.missingTarget(e, unmatched, call.Name)
		}
		if call.Name == "InsertIfMissing" {
			if existing := g.step(parents[:1], e); len(existing) > 0 {
				return nil
			}
		}
		g.touch(parents[0])
		return g.cur.AppendMarkup(parents[0], g.cur.Style(), g.markup(e, parents[0]))
	case "InsertBefore", "InsertAfter":
		targets, err := g.evalXPath(call.Args, e)
		if err != nil {
			return attrErr(g.tr, e, "Transform", "xdt:Transform=%q: XPath: %v", call.Name, err)
		}
		if len(targets) == 0 {
			err := errAt(g.tr, e, ErrMissingTarget, "%s(%s) selects nothing in %s: the element cannot be inserted (Microsoft's engine fails the same way)", call.Name, call.Args, g.res.files[0].Path)
			return err
		}
		t := targets[0]
		if t.Parent() == nil || t.Parent() == &g.cur.Tree.Element {
			return errAt(g.tr, e, ErrInvalid, "%s(%s) selects the document element: a document has one root", call.Name, call.Args)
		}
		m := g.markup(e, t.Parent())
		g.touch(t)
		if call.Name == "InsertBefore" {
			return g.cur.InsertMarkupBefore(t, g.cur.Style(), m)
		}
		return g.cur.InsertMarkupAfter(t, g.cur.Style(), m)
	}

	targets, unmatched := g.match(e)
	if len(targets) == 0 {
		g.warnNoMatch(e, unmatched)
		return nil
	}
	g.touch(targets...)
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
	changed := false
	st := g.cur.Style()
	for _, t := range targets {
		for _, a := range attrs {
			if old := t.SelectAttr(qname(a)); old != nil && old.Value == a.Value {
				continue
			}
			changed = true
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

func describeAttrs(attrs []etree.Attr) string {
	var parts []string
	for _, a := range attrs {
		parts = append(parts, fmt.Sprintf("%s=%q", qname(a), a.Value))
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
			removedAny = true
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

// commit re-reads the edited text so the next transform sees the result,
// and records where the new text came from.
func (g *engine) commit(e *etree.Element) error {
	if !g.cur.Edited() {
		return nil
	}
	splices := g.cur.Splices()
	out, err := config.Load(g.res.Doc.Path, g.cur.Bytes())
	if err != nil {
		return errAt(g.tr, e, ErrResult, "the transformed document does not parse (%v); this is a bug in iiscfg, please report it", err)
	}
	g.res.pieces = remap(g.res.pieces, splices, g.file, g.tr.Info(e).StartTag.Start)
	g.res.Doc = out
	g.res.Applied++
	return nil
}

// remap carries the origin pieces of a text through splices; spliced-in
// text comes from offset at of file.
func remap(old []piece, splices []config.Splice, file, at int) []piece {
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
			out = append(out, piece{start: ns, end: ns + n, file: file, off: at, fixed: true})
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
			nodes, _ = g.evalXPath(loc.Args, step)
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
	var out []*etree.Element
	for _, p := range parents {
		position := 0
		for _, c := range p.ChildElements() {
			if c.Tag != s.Tag || c.NamespaceURI() != ns {
				continue
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
				if cond != nil && holds(cond, g.res.Doc.Tree, c, position) {
					out = append(out, c)
				}
			}
		}
	}
	return out
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
func holds(expr *xpath.Expr, doc *etree.Document, c *etree.Element, position int) bool {
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
func (g *engine) evalXPath(expr string, at *etree.Element) ([]*etree.Element, error) {
	x, err := compile(expr, g.tr, at)
	if err != nil {
		return nil, err
	}
	doc := g.res.Doc.Tree
	it := x.Select(newNavigator(doc, nil))
	var out []*etree.Element
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
			b.WriteString(loc.Args)
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
					v = "'" + a.Value + "'"
				}
				preds = append(preds, "@"+n+"="+v)
			}
			b.WriteString("[" + strings.Join(preds, " and ") + "]")
		case "Condition":
			b.WriteString("[" + loc.Args + "]")
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

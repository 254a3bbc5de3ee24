package xdt

import (
	"sort"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// markup copies transform element e as it is written in the transform file,
// without its xdt: attributes and the declaration of the xdt prefix, for
// insertion under parent of the current document: re-indented to where it
// goes, with the target's line ends, and with an xmlns declaration when
// the namespace in scope there differs from e's own.
func (g *engine) markup(e, parent *etree.Element) config.Markup {
	t := g.tr
	text := t.Text()
	whole := t.Info(e).Whole()
	var cut []config.Span
	for _, el := range subtree(e) {
		info := t.Info(el)
		for i, a := range el.Attr {
			if IsXDTAttr(a) && i < len(info.Attrs) {
				cut = append(cut, info.Attrs[i].Whole)
			}
		}
	}
	sort.Slice(cut, func(i, j int) bool { return cut[i].Start < cut[j].Start })
	nameEnd := t.Info(e).Name.End
	nsDecl := namespaceDecl(e, parent)
	var b strings.Builder
	at := whole.Start
	for _, c := range cut {
		if at <= nameEnd && nameEnd <= c.Start {
			b.Write(text[at:nameEnd])
			b.WriteString(nsDecl)
			at, nsDecl = nameEnd, ""
		}
		b.Write(text[at:c.Start])
		at = c.End
	}
	if at <= nameEnd {
		b.Write(text[at:nameEnd])
		b.WriteString(nsDecl)
		at = nameEnd
	}
	b.Write(text[at:whole.End])
	body := b.String()
	from, _ := t.IndentOf(e)
	st := g.style
	newline := st.Newline
	if newline == "" {
		newline = g.cur.Newline()
	}
	fromUnit := t.Style().Indent
	return func(indent string) string { return config.Reindent(body, from, fromUnit, indent, st.Indent, newline) }
}

func subtree(e *etree.Element) []*etree.Element {
	out := []*etree.Element{e}
	for _, c := range e.ChildElements() {
		out = append(out, subtree(c)...)
	}
	return out
}

// namespaceDecl is the declaration e needs to keep its namespace under
// parent: none when the default namespace in scope there is e's already,
// or when e is prefixed or declares its own default namespace.
func namespaceDecl(e, parent *etree.Element) string {
	if e.Space != "" {
		return ""
	}
	for _, a := range e.Attr {
		if a.Space == "" && a.Key == "xmlns" {
			return ""
		}
	}
	want := e.NamespaceURI()
	if defaultNamespace(parent) == want {
		return ""
	}
	return ` xmlns="` + config.EscapeAttr(want, '"') + `"`
}

// defaultNamespace is the default namespace in scope for unprefixed
// children of parent.
func defaultNamespace(parent *etree.Element) string {
	for p := parent; p != nil; p = p.Parent() {
		for _, a := range p.Attr {
			if a.Space == "" && a.Key == "xmlns" {
				return a.Value
			}
		}
	}
	return ""
}

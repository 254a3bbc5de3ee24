package xdt

import (
	"github.com/antchfx/xpath"
	"github.com/beevik/etree"
)

// navigator lets antchfx/xpath walk an etree tree. It sees elements,
// attributes (without namespace declarations), text and comments.
type navigator struct {
	root *etree.Document
	node etree.Token // the document's Element (the root node), *etree.Element, *etree.CharData or *etree.Comment
	attr int         // index into the element's visible attributes, or -1
}

func newNavigator(doc *etree.Document, at etree.Token) *navigator {
	if at == nil {
		at = &doc.Element
	}
	return &navigator{root: doc, node: at, attr: -1}
}

func (n *navigator) isRoot() bool { return n.attr < 0 && n.node == etree.Token(&n.root.Element) }

// unprefixed stands in for the prefix of an element in a namespace but
// written without prefix: XPath 1.0 name tests without a prefix match only
// elements in no namespace, and antchfx/xpath compares prefixes for them.
// No XPath expression can spell this prefix.
const unprefixed = "\x00default"

func visibleAttrs(e *etree.Element) []etree.Attr {
	n := 0
	for _, a := range e.Attr {
		if !isNamespaceDecl(a) {
			n++
		}
	}
	if n == len(e.Attr) {
		return e.Attr
	}
	out := make([]etree.Attr, 0, n)
	for _, a := range e.Attr {
		if !isNamespaceDecl(a) {
			out = append(out, a)
		}
	}
	return out
}

func isNamespaceDecl(a etree.Attr) bool {
	return a.Space == "xmlns" || (a.Space == "" && a.Key == "xmlns")
}

func (n *navigator) NodeType() xpath.NodeType {
	if n.attr >= 0 {
		return xpath.AttributeNode
	}
	if n.isRoot() {
		return xpath.RootNode
	}
	switch n.node.(type) {
	case *etree.Element:
		return xpath.ElementNode
	case *etree.Comment:
		return xpath.CommentNode
	}
	return xpath.TextNode
}

func (n *navigator) LocalName() string {
	e, ok := n.node.(*etree.Element)
	if !ok || n.isRoot() {
		return ""
	}
	if n.attr >= 0 {
		return visibleAttrs(e)[n.attr].Key
	}
	return e.Tag
}

func (n *navigator) Prefix() string {
	e, ok := n.node.(*etree.Element)
	if !ok {
		return ""
	}
	if n.attr >= 0 {
		return visibleAttrs(e)[n.attr].Space
	}
	if e.Space == "" && e.NamespaceURI() != "" {
		return unprefixed
	}
	return e.Space
}

func (n *navigator) NamespaceURL() string {
	e, ok := n.node.(*etree.Element)
	if !ok {
		return ""
	}
	if n.attr >= 0 {
		a := visibleAttrs(e)[n.attr]
		if a.Space == "" {
			return ""
		}
		return a.NamespaceURI()
	}
	return e.NamespaceURI()
}

func (n *navigator) Value() string {
	switch t := n.node.(type) {
	case *etree.Element:
		if n.attr >= 0 {
			return visibleAttrs(t)[n.attr].Value
		}
		return textOf(t)
	case *etree.CharData:
		return t.Data
	case *etree.Comment:
		return t.Data
	}
	return ""
}

// textOf is the string-value of an element: its descendant text.
func textOf(e *etree.Element) string {
	var s string
	for _, c := range e.Child {
		switch t := c.(type) {
		case *etree.CharData:
			s += t.Data
		case *etree.Element:
			s += textOf(t)
		}
	}
	return s
}

func (n *navigator) Copy() xpath.NodeNavigator { c := *n; return &c }

func (n *navigator) MoveToRoot() { n.node, n.attr = &n.root.Element, -1 }

func (n *navigator) MoveToParent() bool {
	if n.attr >= 0 {
		n.attr = -1
		return true
	}
	p := n.node.Parent()
	if p == nil {
		return false
	}
	n.node = p
	return true
}

func (n *navigator) MoveToNextAttribute() bool {
	e, ok := n.node.(*etree.Element)
	if !ok || n.attr+1 >= len(visibleAttrs(e)) {
		return false
	}
	n.attr++
	return true
}

// children of the current node that XPath sees.
func (n *navigator) children() []etree.Token {
	if e, ok := n.node.(*etree.Element); ok {
		return e.Child
	}
	return nil
}

func visible(t etree.Token) bool {
	switch t.(type) {
	case *etree.Element, *etree.CharData, *etree.Comment:
		return true
	}
	return false
}

func (n *navigator) MoveToChild() bool {
	if n.attr >= 0 {
		return false
	}
	for _, c := range n.children() {
		if visible(c) {
			n.node = c
			return true
		}
	}
	return false
}

// moveAmongSiblings moves to the nearest visible sibling from the current
// node's index i in steps of step (+1 next, -1 previous).
func (n *navigator) moveAmongSiblings(from, step int) bool {
	p := n.node.Parent()
	if n.attr >= 0 || p == nil || n.isRoot() {
		return false
	}
	for j := from; j >= 0 && j < len(p.Child); j += step {
		if visible(p.Child[j]) {
			n.node = p.Child[j]
			return true
		}
	}
	return false
}

func (n *navigator) MoveToFirst() bool { return n.moveAmongSiblings(0, 1) }

func (n *navigator) MoveToNext() bool { return n.moveAmongSiblings(n.node.Index()+1, 1) }

func (n *navigator) MoveToPrevious() bool { return n.moveAmongSiblings(n.node.Index()-1, -1) }

func (n *navigator) MoveTo(other xpath.NodeNavigator) bool {
	o, ok := other.(*navigator)
	if !ok || o.root != n.root {
		return false
	}
	*n = *o
	return true
}

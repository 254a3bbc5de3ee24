package config

import (
	"strings"

	"github.com/beevik/etree"
)

// Writing new content so that it looks as if the file's author wrote it:
// the file's newline, its indentation unit, its quote character and its
// spelling of empty elements. Every change is a splice (see edit.go).

// NewElement is markup to be written: an element with attributes in order
// and child elements.
type NewElement struct {
	Name     string
	Attrs    [][2]string // name, value (unescaped)
	Children []*NewElement
}

// Style is how a file writes its markup.
type Style struct {
	Newline     string // "\r\n", "\n", or "" for a file written on one line
	Indent      string // one level of indentation
	Quote       byte   // '"' or '\''
	SpaceBefore bool   // empty elements written "<a />" rather than "<a/>"
}

// Style reads the file's conventions from its text.
func (d *Document) Style() Style {
	st := Style{Newline: d.Newline(), Indent: d.indentUnit(), Quote: '"', SpaceBefore: true}
	if d.LineCount() == 1 {
		st.Newline = ""
	}
	var dq, sq, spaced, tight int
	for _, e := range d.order {
		info := d.info(e)
		for _, a := range d.attrs(info) {
			if a.Quote == '"' {
				dq++
			} else {
				sq++
			}
		}
		if info.SelfClosing {
			if info.StartTag.End >= 3 && isSpace(d.src.text[info.StartTag.End-3]) {
				spaced++
			} else {
				tight++
			}
		}
	}
	if sq > dq {
		st.Quote = '\''
	}
	st.SpaceBefore = spaced >= tight
	return st
}

// indentUnit is the most common step of indentation between an element and
// its parent; a tab when the file indents with tabs and shows no step.
func (d *Document) indentUnit() string {
	counts := map[string]int{}
	tabs := 0
	for _, e := range d.order {
		ind, ok := d.IndentOf(e)
		if !ok {
			continue
		}
		if strings.HasPrefix(ind, "\t") {
			tabs++
		}
		p := e.Parent()
		if p == nil || d.info(p) == nil {
			continue
		}
		pind, ok := d.IndentOf(p)
		if !ok || !strings.HasPrefix(ind, pind) || len(ind) == len(pind) {
			continue
		}
		counts[ind[len(pind):]]++
	}
	best, n := "", 0
	for unit, c := range counts {
		if c > n || (c == n && unit < best) {
			best, n = unit, c
		}
	}
	switch {
	case best != "":
		return best
	case tabs > 0:
		return "\t"
	}
	return "  "
}

// IndentOf returns the white space before e's start tag on its line, and
// whether e starts its line (only white space before it).
func (d *Document) IndentOf(e *etree.Element) (string, bool) {
	info := d.info(e)
	if info == nil {
		return "", false
	}
	return d.indentBefore(info.StartTag.Start)
}

func (d *Document) indentBefore(offset int) (string, bool) {
	i := offset
	for i > 0 && (d.src.text[i-1] == ' ' || d.src.text[i-1] == '\t') {
		i--
	}
	if i > 0 && d.src.text[i-1] != '\n' && d.src.text[i-1] != '\r' {
		return "", false
	}
	return string(d.src.text[i:offset]), true
}

// EscapeAttr escapes a value for an attribute quoted with q. Tabs and line
// ends are written as character references so that they survive the
// attribute-value normalization of the next reader.
func EscapeAttr(v string, q byte) string {
	var b strings.Builder
	for _, r := range v {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '"':
			if q == '"' {
				b.WriteString("&quot;")
			} else {
				b.WriteRune(r)
			}
		case '\'':
			if q == '\'' {
				b.WriteString("&apos;")
			} else {
				b.WriteRune(r)
			}
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Render writes e at indent, its children one level deeper, without a
// leading indent or trailing newline.
func (st Style) Render(e *NewElement, indent string) string {
	var b strings.Builder
	st.render(&b, e, indent)
	return b.String()
}

func (st Style) render(b *strings.Builder, e *NewElement, indent string) {
	b.WriteByte('<')
	b.WriteString(e.Name)
	for _, a := range e.Attrs {
		b.WriteByte(' ')
		b.WriteString(a[0])
		b.WriteByte('=')
		b.WriteByte(st.Quote)
		b.WriteString(EscapeAttr(a[1], st.Quote))
		b.WriteByte(st.Quote)
	}
	if len(e.Children) == 0 {
		if st.SpaceBefore {
			b.WriteByte(' ')
		}
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	for _, c := range e.Children {
		b.WriteString(st.Newline)
		b.WriteString(st.childIndent(indent))
		st.render(b, c, st.childIndent(indent))
	}
	b.WriteString(st.Newline)
	b.WriteString(st.lineIndent(indent))
	b.WriteString("</")
	b.WriteString(e.Name)
	b.WriteByte('>')
}

// childIndent is one level deeper; nothing on a one-line file.
func (st Style) childIndent(indent string) string {
	if st.Newline == "" {
		return ""
	}
	return indent + st.Indent
}

func (st Style) lineIndent(indent string) string {
	if st.Newline == "" {
		return ""
	}
	return indent
}

// InsertElementsBefore writes elements before sibling, each on its own line
// at sibling's indentation (or inline when sibling does not start a line).
func (d *Document) InsertElementsBefore(sibling *etree.Element, st Style, elems []*NewElement) error {
	if len(elems) == 0 {
		return nil
	}
	info := d.info(sibling)
	indent, own := d.IndentOf(sibling)
	var b strings.Builder
	for _, e := range elems {
		b.WriteString(st.Render(e, indent))
		if own && st.Newline != "" {
			b.WriteString(st.Newline)
			b.WriteString(indent)
		}
	}
	return d.Insert(info.StartTag.Start, b.String())
}

// InsertElementsAfter writes elements after sibling, each on its own line
// at sibling's indentation. When sibling ends its line, the new lines go
// after that line, so the sibling's line (trailing white space included)
// is left as it is.
func (d *Document) InsertElementsAfter(sibling *etree.Element, st Style, elems []*NewElement) error {
	if len(elems) == 0 {
		return nil
	}
	info := d.info(sibling)
	indent, own := d.IndentOf(sibling)
	if own && st.Newline != "" {
		if next, ok := d.nextLineStart(info.EndTag.End); ok {
			var b strings.Builder
			for _, e := range elems {
				b.WriteString(indent)
				b.WriteString(st.Render(e, indent))
				b.WriteString(st.Newline)
			}
			return d.Insert(next, b.String())
		}
	}
	var b strings.Builder
	for _, e := range elems {
		if own && st.Newline != "" {
			b.WriteString(st.Newline)
			b.WriteString(indent)
		}
		b.WriteString(st.Render(e, indent))
	}
	return d.Insert(info.EndTag.End, b.String())
}

// nextLineStart returns the offset after the line terminator that follows
// offset, if only spaces and tabs stand between them.
func (d *Document) nextLineStart(offset int) (int, bool) {
	text := d.src.text
	i := offset
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	switch {
	case i+1 < len(text) && text[i] == '\r' && text[i+1] == '\n':
		return i + 2, true
	case i < len(text) && (text[i] == '\n' || text[i] == '\r'):
		return i + 1, true
	}
	return 0, false
}

// AppendElements writes elements as the last children of parent: after its
// last child element, or, when it has none, before its end tag. A
// self-closing parent is opened, keeping its attributes.
func (d *Document) AppendElements(parent *etree.Element, st Style, elems []*NewElement) error {
	if len(elems) == 0 {
		return nil
	}
	children := d.LiveChildren(parent)
	if len(children) > 0 {
		return d.InsertElementsAfter(children[len(children)-1], st, elems)
	}
	info := d.info(parent)
	pIndent, _ := d.IndentOf(parent)
	inner := st.childIndent(pIndent)
	var body strings.Builder
	for _, e := range elems {
		body.WriteString(st.Newline)
		body.WriteString(inner)
		body.WriteString(st.Render(e, inner))
	}
	if info.SelfClosing {
		// "<modules a='1' />" becomes "<modules a='1'>" + children + "</modules>".
		tagEnd := info.StartTag.End - 2
		for tagEnd > info.Name.End && isSpace(d.src.text[tagEnd-1]) {
			tagEnd--
		}
		name := string(d.src.text[info.Name.Start:info.Name.End])
		text := ">" + body.String() + st.Newline + st.lineIndent(pIndent) + "</" + name + ">"
		return d.Replace(Span{tagEnd, info.StartTag.End}, text)
	}
	// Content before the end tag: write the children on new lines and
	// leave the end tag on a line of its own at the parent's indentation.
	endIndent, endOwnsLine := d.indentBefore(info.EndTag.Start)
	if endOwnsLine && st.Newline != "" {
		lineStart := info.EndTag.Start - len(endIndent)
		var b strings.Builder
		for _, e := range elems {
			b.WriteString(inner)
			b.WriteString(st.Render(e, inner))
			b.WriteString(st.Newline)
		}
		return d.Insert(lineStart, b.String())
	}
	return d.Insert(info.EndTag.Start, body.String()+st.Newline+st.lineIndent(pIndent))
}

// LiveChildren lists parent's child elements that no edit removes.
func (d *Document) LiveChildren(parent *etree.Element) []*etree.Element {
	var out []*etree.Element
	for _, c := range parent.ChildElements() {
		if !d.removed[c] {
			out = append(out, c)
		}
	}
	return out
}

// RemoveElement deletes an element; when it stands alone on its line the
// whole line goes, so no blank line is left behind.
func (d *Document) RemoveElement(e *etree.Element) error {
	if d.removed == nil {
		d.removed = map[*etree.Element]bool{}
	}
	d.removed[e] = true
	info := d.info(e)
	span := info.Whole()
	text := d.src.text
	start := span.Start
	for start > 0 && (text[start-1] == ' ' || text[start-1] == '\t') {
		start--
	}
	end := span.End
	for end < len(text) && (text[end] == ' ' || text[end] == '\t') {
		end++
	}
	lineStart := start == 0 || text[start-1] == '\n' || text[start-1] == '\r'
	switch {
	case lineStart && end < len(text) && text[end] == '\r' && end+1 < len(text) && text[end+1] == '\n':
		return d.Delete(Span{start, end + 2})
	case lineStart && end < len(text) && (text[end] == '\n' || text[end] == '\r'):
		return d.Delete(Span{start, end + 1})
	case lineStart && end == len(text):
		return d.Delete(Span{start, end})
	}
	return d.Delete(span)
}

// SetAttr sets an attribute of e: its value is replaced in place, or a new
// attribute is written after the last one, quoted like e's others.
func (d *Document) SetAttr(e *etree.Element, name, value string, st Style) error {
	info := d.info(e)
	attrs := d.attrs(info)
	for _, a := range attrs {
		if a.Name == name {
			return d.Replace(a.Value, EscapeAttr(value, a.Quote))
		}
	}
	q := st.Quote
	at := info.Name.End
	if n := len(attrs); n > 0 {
		q = attrs[n-1].Quote
		at = attrs[n-1].Value.End + 1
	}
	return d.Insert(at, " "+name+"="+string(q)+EscapeAttr(value, q)+string(q))
}

package config

import (
	"sort"
	"strings"

	"github.com/beevik/etree"
)

// Markup renders ready-made XML for the indentation it will stand at (the
// white space before its first line); later lines carry their own indent.
// Transforms (package xdt) copy a transform file's markup with it.
type Markup func(indent string) string

// Splice is one scheduled edit: Span of the original text becomes Text.
// Seq numbers the edits in the order they were made.
type Splice struct {
	Span Span
	Text string
	Seq  int
}

// EditCount is the number of edits made so far: the Seq the next gets.
func (d *Document) EditCount() int { return d.nextEdit }

// Splices lists the scheduled edits in the order EditedText applies them.
func (d *Document) Splices() []Splice {
	edits := d.sortedEdits()
	out := make([]Splice, len(edits))
	for i, e := range edits {
		out[i] = Splice{Span: e.span, Text: e.text, Seq: e.seq}
	}
	return out
}

func (d *Document) sortedEdits() []edit {
	edits := append([]edit(nil), d.edits...)
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i], edits[j]
		if a.span.Start != b.span.Start {
			return a.span.Start < b.span.Start
		}
		// An insertion goes before a replacement starting at the same place.
		if (a.span.Len() == 0) != (b.span.Len() == 0) {
			return a.span.Len() == 0
		}
		return a.seq < b.seq
	})
	return edits
}

// InsertMarkupBefore writes m before sibling, on a line of its own at the
// sibling's indentation when the sibling starts its line.
func (d *Document) InsertMarkupBefore(sibling *etree.Element, st Style, m Markup) error {
	info := d.info(sibling)
	indent, own := d.IndentOf(sibling)
	text := m(indent)
	if own && st.Newline != "" {
		text += st.Newline + indent
	}
	return d.Insert(info.StartTag.Start, text)
}

// InsertMarkupAfter writes m after sibling, on a line of its own at the
// sibling's indentation; the sibling's line is left as it is.
func (d *Document) InsertMarkupAfter(sibling *etree.Element, st Style, m Markup) error {
	info := d.info(sibling)
	indent, own := d.IndentOf(sibling)
	if own && st.Newline != "" {
		if next, ok := d.nextLineStart(info.EndTag.End); ok {
			return d.Insert(next, indent+m(indent)+st.Newline)
		}
		return d.Insert(info.EndTag.End, st.Newline+indent+m(indent))
	}
	return d.Insert(info.EndTag.End, m(indent))
}

// AppendMarkup writes m as the last child of parent (see AppendElements).
func (d *Document) AppendMarkup(parent *etree.Element, st Style, m Markup) error {
	children := d.LiveChildren(parent)
	if len(children) > 0 {
		return d.InsertMarkupAfter(children[len(children)-1], st, m)
	}
	info := d.info(parent)
	pIndent, _ := d.IndentOf(parent)
	inner := st.childIndent(pIndent)
	body := st.Newline + inner + m(inner)
	if info.SelfClosing {
		// "<a k='1' />" becomes "<a k='1'>" + child + "</a>".
		tagEnd := info.StartTag.End - 2
		for tagEnd > info.Name.End && isSpace(d.src.text[tagEnd-1]) {
			tagEnd--
		}
		name := string(d.src.text[info.Name.Start:info.Name.End])
		return d.Replace(Span{tagEnd, info.StartTag.End}, ">"+body+st.Newline+st.lineIndent(pIndent)+"</"+name+">")
	}
	endIndent, endOwnsLine := d.indentBefore(info.EndTag.Start)
	if endOwnsLine && st.Newline != "" {
		// Leave the end tag's line alone: the child goes on lines before it.
		return d.Insert(info.EndTag.Start-len(endIndent), inner+m(inner)+st.Newline)
	}
	return d.Insert(info.EndTag.Start, body+st.Newline+st.lineIndent(pIndent))
}

// ReplaceElement replaces the whole of e (start tag to end tag) with m.
func (d *Document) ReplaceElement(e *etree.Element, m Markup) error {
	if d.removed == nil {
		d.removed = map[*etree.Element]bool{}
	}
	d.removed[e] = true
	indent, _ := d.IndentOf(e)
	return d.Replace(d.info(e).Whole(), m(indent))
}

// RemoveAttr deletes attribute name of e, with the white space before it.
func (d *Document) RemoveAttr(e *etree.Element, name string) error {
	a, ok := d.AttrInfo(e, name)
	if !ok {
		return nil
	}
	return d.Delete(a.Whole)
}

// Reindent moves markup written at indent from, in steps of fromUnit, to
// indent to in steps of toUnit, with newline between lines: a line after
// the first that starts with from gets to, and each further whole step of
// fromUnit becomes one toUnit.
func Reindent(markup, from, fromUnit, to, toUnit, newline string) string {
	lines := splitLines(markup)
	if len(lines) == 1 {
		return markup
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString(newline)
			if strings.HasPrefix(l, from) {
				rest := l[len(from):]
				levels := 0
				for fromUnit != "" && strings.HasPrefix(rest, fromUnit) {
					rest = rest[len(fromUnit):]
					levels++
				}
				l = to + strings.Repeat(toUnit, levels) + rest
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// splitLines splits on \r\n, \n and \r.
func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			out = append(out, s[start:i])
			start = i + 1
		case '\r':
			out = append(out, s[start:i])
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// TruncateEdits drops the edits numbered n and later (see EditCount), so
// that a caller can undo what one step scheduled.
func (d *Document) TruncateEdits(n int) {
	kept := d.edits[:0]
	for _, e := range d.edits {
		if e.seq < n {
			kept = append(kept, e)
		}
	}
	d.edits = kept
	d.nextEdit = n
	for el := range d.removed {
		w := d.info(el).Whole()
		covered := false
		for _, e := range d.edits {
			if e.span.Start <= w.Start && w.End <= e.span.End {
				covered = true
				break
			}
		}
		if !covered {
			delete(d.removed, el)
		}
	}
}

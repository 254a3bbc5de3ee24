package config

import (
	"bytes"
	"fmt"
)

// An edit replaces a span of the original text. All edits of a document are
// expressed in the coordinates of the original text and spliced in at once,
// so every byte no edit touches is written back unchanged.
type edit struct {
	span Span
	text string
	seq  int
}

// Replace schedules the replacement of span with text. It refuses an edit
// that overlaps an earlier one; an insertion (empty span) may share its
// offset with other insertions and is applied in the order given.
func (d *Document) Replace(span Span, text string) error {
	if span.Start < 0 || span.End > len(d.src.text) || span.Start > span.End {
		return fmt.Errorf("edit %v is outside the document (length %d)", span, len(d.src.text))
	}
	for _, e := range d.edits {
		if overlaps(e.span, span) {
			return fmt.Errorf("edit at %v overlaps an earlier edit at %v", span, e.span)
		}
	}
	d.edits = append(d.edits, edit{span: span, text: text, seq: d.nextEdit})
	d.nextEdit++
	return nil
}

// Insert schedules text to be inserted at offset.
func (d *Document) Insert(offset int, text string) error {
	return d.Replace(Span{offset, offset}, text)
}

// Delete schedules the removal of span.
func (d *Document) Delete(span Span) error { return d.Replace(span, "") }

// Edited reports whether any edit is scheduled.
func (d *Document) Edited() bool { return len(d.edits) > 0 }

// DiscardEdits drops every scheduled edit.
func (d *Document) DiscardEdits() { d.edits, d.removed = nil, nil }

func overlaps(a, b Span) bool {
	if a.Len() == 0 && b.Len() == 0 {
		return false
	}
	if a.Len() == 0 {
		return a.Start > b.Start && a.Start < b.End
	}
	if b.Len() == 0 {
		return b.Start > a.Start && b.Start < a.End
	}
	return a.Start < b.End && b.Start < a.End
}

// EditedText is the UTF-8 text with all edits applied.
func (d *Document) EditedText() []byte {
	if len(d.edits) == 0 {
		return d.src.text
	}
	edits := d.sortedEdits()
	var out bytes.Buffer
	out.Grow(len(d.src.text) + 256)
	at := 0
	for _, e := range edits {
		out.Write(d.src.text[at:e.span.Start])
		out.WriteString(e.text)
		at = e.span.End
	}
	out.Write(d.src.text[at:])
	return out.Bytes()
}

// Bytes returns the file's bytes: exactly the input when nothing was edited,
// otherwise the edited text in the file's original encoding and byte order
// mark. The unedited bytes are the ones the document's strings are cut
// from (see Load): the caller must not change them.
func (d *Document) Bytes() []byte {
	if len(d.edits) == 0 {
		return d.raw
	}
	return d.src.encode(d.EditedText())
}

// Fork returns a copy of the document without its scheduled edits. The
// tree and spans are shared (they are never changed), so forking is cheap;
// edits on the fork leave the original alone.
func (d *Document) Fork() *Document {
	f := *d
	f.edits, f.removed, f.nextEdit = nil, nil, 0
	return &f
}

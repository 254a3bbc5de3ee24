// Package config reads IIS and ASP.NET configuration files losslessly.
//
// A Document is a beevik/etree tree for querying plus the byte span of every
// token of the original text. The tree is never serialized: Bytes returns the
// original bytes, with edits spliced in where the document was edited. A
// document that is only read can be loaded lean (LoadLean): without the
// tokens of indentation, and with attribute spans found on demand.
package config

import (
	"bytes"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/schema"
)

// Span is a half-open byte range [Start, End) of a document's text.
type Span struct{ Start, End int }

// Len is the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Pos is a place in a document: byte offset into its text, 1-based line and
// 1-based column counted in characters (Unicode code points).
type Pos struct {
	Offset int
	Line   int
	Column int
}

// ElementInfo holds the spans of one element.
type ElementInfo struct {
	StartTag    Span // "<name ...>" or "<name .../>"
	EndTag      Span // "</name>"; equals StartTag for a self-closing element
	Name        Span // the name inside the start tag
	SelfClosing bool
	// Attrs are in source order, parallel to the etree element's Attr;
	// nil in a lean document (LoadLean), whose AttrInfo finds them.
	Attrs []AttrInfo
}

// Whole is the span from the start tag's "<" to the end tag's ">".
func (e *ElementInfo) Whole() Span { return Span{e.StartTag.Start, e.EndTag.End} }

// Content is the span between the start and end tags (empty when self-closing).
func (e *ElementInfo) Content() Span {
	if e.SelfClosing {
		return Span{e.StartTag.End, e.StartTag.End}
	}
	return Span{e.StartTag.End, e.EndTag.Start}
}

// AttrInfo holds the spans of one attribute.
type AttrInfo struct {
	Name  string // qualified name as written
	Whole Span   // from the whitespace before the name to the closing quote
	Key   Span   // the name
	Value Span   // the raw value between the quotes
	Quote byte   // '"' or '\''
}

// Kind says what sort of configuration file a document is.
type Kind int

const (
	KindWebConfig     Kind = iota // an application's or folder's web.config
	KindRootWebConfig             // the .NET Framework root web.config
	KindMachineConfig             // machine.config
	KindAppHost                   // applicationHost.config
	KindTransform                 // an XDT transform (Web.Release.config, *.xdt)
)

func (k Kind) String() string {
	return [...]string{"web.config", "root web.config", "machine.config", "applicationHost.config", "transform"}[k]
}

// XDTNamespace is the namespace URI of XML-Document-Transform attributes.
const XDTNamespace = "http://schemas.microsoft.com/XML-Document-Transform"

// Document is a parsed configuration file.
type Document struct {
	Path string // as given to Load; used in messages
	Tree *etree.Document

	raw       []byte // the bytes as read
	src       decoded
	str       string               // src.text as one string: values and lines are cut from it
	elemSlabs [][]element          // the arrays the elements were cut from, by address (info)
	tokens    map[etree.Token]Span // text, comments, CDATA, PIs, directives
	order     []*etree.Element     // elements in document order
	kind      Kind
	lean      bool // loaded by LoadLean: indentation has no tokens
	edits     []edit
	nextEdit  int
	removed   map[*etree.Element]bool // elements an edit deletes
	locations []Location              // the <location> tags; the tree never changes
	locByPath map[string][]Location   // the <location> tags by lower-cased path, in document order
	locSorted []Location              // the <location> tags sorted by lower-cased path
	sections  *sync.Map               // the answers of SectionElements and OwnSection; shared by forks
	lookups   *lookups                // built on first use, shared by forks
}

// lookups are indexes that only unusual documents need (very long lines,
// elements with many attributes). They are built on first use so that a
// normal file pays nothing, and keep Pos and AttrInfo constant-time, so
// that a finding per attribute stays linear in the file.
type lookups struct {
	lineOnce  sync.Once
	lineStart []int // byte offset of the start of every line: only files with a finding need it

	runeOnce   sync.Once
	runeStarts []int32 // characters starting before every runeStride-th byte

	mu    sync.Mutex
	attrs map[*ElementInfo]*attrTable // for big tags
}

const (
	runeStride     = 256 // bytes between entries of lookups.runeStarts
	attrIndexAbove = 16  // attributes a tag needs before AttrInfo indexes them
)

// Root is the document element (normally <configuration>).
func (d *Document) Root() *etree.Element { return d.Tree.Root() }

// Text is the document's text as UTF-8, without byte order mark.
func (d *Document) Text() []byte { return d.src.text }

// Encoding is the encoding the file was read in and will be written in.
func (d *Document) Encoding() Encoding { return d.src.enc }

// HasBOM reports whether the file starts with a byte order mark.
func (d *Document) HasBOM() bool { return d.src.bom }

// Kind says what sort of configuration file this is.
func (d *Document) Kind() Kind { return d.kind }

// Lean reports whether the document was loaded by LoadLean and lacks the
// text tokens of the white space between its markup.
func (d *Document) Lean() bool { return d.lean }

// Full returns a document with every token: d itself unless it is lean,
// otherwise its bytes parsed again by Load (without d's edits).
func (d *Document) Full() (*Document, error) {
	if !d.lean {
		return d, nil
	}
	return Load(d.Path, d.raw)
}

// Elements lists every element in document order.
func (d *Document) Elements() []*etree.Element { return d.order }

// Info returns the spans of an element of this document, or nil.
func (d *Document) Info(e *etree.Element) *ElementInfo { return d.info(e) }

// info finds an element's spans from where the element lies: each element
// is the first field of an entry of one of the scanner's arrays, beside its
// info. Rules ask for nearly every element, so this is a comparison of
// addresses (the collector does not move objects) instead of a map lookup;
// an element from elsewhere (another document, a new etree element) lies
// in no array and gets nil.
func (d *Document) info(e *etree.Element) *ElementInfo {
	p := uintptr(unsafe.Pointer(e))
	slabs := d.elemSlabs
	// The last array that starts at or before p.
	lo, hi := 0, len(slabs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if slabStart(slabs[mid]) <= p {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return nil
	}
	slab := slabs[lo-1]
	off, size := p-slabStart(slab), unsafe.Sizeof(element{})
	if off%size != 0 || off/size >= uintptr(len(slab)) {
		return nil
	}
	return &slab[off/size].info
}

func slabStart(slab []element) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(slab))) }

// TokenSpan returns the span of a non-element token (text, comment, CDATA,
// processing instruction, directive).
func (d *Document) TokenSpan(t etree.Token) (Span, bool) {
	if s, ok := d.tokens[t]; ok {
		return s, true
	}
	if cd, ok := t.(*etree.CharData); ok && cd.IsWhitespace() {
		return d.whitespaceSpan(cd)
	}
	return Span{}, false
}

// whitespaceSpan finds the span of whitespace between markup from its
// neighbours: the scanner does not record it (nine tokens in ten are
// indentation, and hardly any is asked for).
func (d *Document) whitespaceSpan(cd *etree.CharData) (Span, bool) {
	parent := cd.Parent()
	if parent == nil {
		return Span{}, false
	}
	i := cd.Index()
	if i < 0 || i >= len(parent.Child) || parent.Child[i] != cd {
		return Span{}, false
	}
	start, end := 0, len(d.src.text)
	if info := d.info(parent); info != nil {
		start, end = info.StartTag.End, info.EndTag.Start
	}
	if i > 0 {
		if s, ok := d.tokenOrElementSpan(parent.Child[i-1]); ok {
			start = s.End
		} else {
			return Span{}, false
		}
	}
	if i+1 < len(parent.Child) {
		if s, ok := d.tokenOrElementSpan(parent.Child[i+1]); ok {
			end = s.Start
		} else {
			return Span{}, false
		}
	}
	return Span{start, end}, true
}

func (d *Document) tokenOrElementSpan(t etree.Token) (Span, bool) {
	if e, ok := t.(*etree.Element); ok {
		if info := d.info(e); info != nil {
			return info.Whole(), true
		}
		return Span{}, false
	}
	s, ok := d.tokens[t]
	return s, ok
}

// AttrInfo returns the spans of the named attribute of e.
func (d *Document) AttrInfo(e *etree.Element, name string) (AttrInfo, bool) {
	info := d.info(e)
	if info == nil {
		return AttrInfo{}, false
	}
	attrs := info.Attrs
	if d.lean {
		if len(e.Attr) <= attrIndexAbove {
			return d.findAttrSpans(info, name)
		}
		attrs = d.lookups.attrTable(d, info).spans
	}
	if len(attrs) <= attrIndexAbove {
		for _, a := range attrs {
			if a.Name == name {
				return a, true
			}
		}
		return AttrInfo{}, false
	}
	if i, ok := d.lookups.attrTable(d, info).index[name]; ok {
		return attrs[i], true
	}
	return AttrInfo{}, false
}

// attrs are the spans of the attributes of the element info describes:
// info.Attrs, or in a lean document found in the text.
func (d *Document) attrs(info *ElementInfo) []AttrInfo {
	if !d.lean {
		return info.Attrs
	}
	var out []AttrInfo
	d.eachAttrSpans(info, func(a AttrInfo) bool {
		out = append(out, a)
		return true
	})
	return out
}

// findAttrSpans finds the spans of one attribute in the text of a start
// tag (a lean document keeps none).
func (d *Document) findAttrSpans(info *ElementInfo, name string) (found AttrInfo, ok bool) {
	d.eachAttrSpans(info, func(a AttrInfo) bool {
		if a.Name == name {
			found, ok = a, true
		}
		return !ok
	})
	return found, ok
}

// eachAttrSpans calls f with the spans of each attribute of a start tag,
// in order, while f returns true. The scanner checked the tag: names end
// at white space or "=", values at their quote.
func (d *Document) eachAttrSpans(info *ElementInfo, f func(AttrInfo) bool) {
	text, i := d.src.text, info.Name.End
	for {
		ws := i
		for isSpace(text[i]) {
			i++
		}
		if text[i] == '>' || text[i] == '/' {
			return
		}
		key := i
		for !isSpace(text[i]) && text[i] != '=' {
			i++
		}
		keyEnd := i
		for text[i] != '=' {
			i++
		}
		i++
		for isSpace(text[i]) {
			i++
		}
		q := text[i]
		value := i + 1
		valueEnd := value + bytes.IndexByte(text[value:], q)
		i = valueEnd + 1
		if !f(AttrInfo{Name: d.str[key:keyEnd], Whole: Span{ws, i}, Key: Span{key, keyEnd}, Value: Span{value, valueEnd}, Quote: q}) {
			return
		}
	}
}

// attrTable is what AttrInfo keeps for a tag with many attributes.
type attrTable struct {
	spans []AttrInfo     // the spans (a lean document's, found once)
	index map[string]int // the place of each name
}

// attrTable indexes the attributes of a big tag, once.
func (l *lookups) attrTable(d *Document, info *ElementInfo) *attrTable {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t, ok := l.attrs[info]; ok {
		return t
	}
	if l.attrs == nil {
		l.attrs = map[*ElementInfo]*attrTable{}
	}
	t := &attrTable{spans: d.attrs(info)}
	t.index = make(map[string]int, len(t.spans))
	for i, a := range t.spans {
		t.index[a.Name] = i
	}
	l.attrs[info] = t
	return t
}

// Pos converts a byte offset of the text to a position.
func (d *Document) Pos(offset int) Pos {
	if offset < 0 {
		offset = 0
	}
	if offset > len(d.src.text) {
		offset = len(d.src.text)
	}
	lines := d.lineStarts()
	line := sort.Search(len(lines), func(i int) bool { return lines[i] > offset }) - 1
	start := lines[line]
	var col int
	if offset-start <= 2*runeStride {
		col = utf8.RuneCount(d.src.text[start:offset]) + 1
	} else {
		// A long line: count from checkpoints, not from the line's start.
		col = d.runesBefore(offset) - d.runesBefore(start) + 1
	}
	return Pos{Offset: offset, Line: line + 1, Column: col}
}

// runesBefore counts the characters that start before offset.
func (d *Document) runesBefore(offset int) int {
	l := d.lookups
	l.runeOnce.Do(func() {
		text := d.src.text
		l.runeStarts = make([]int32, len(text)/runeStride+1)
		n := 0
		for i := 0; i < len(text); i += runeStride {
			l.runeStarts[i/runeStride] = int32(n)
			n += countRuneStarts(text[i:min(i+runeStride, len(text))])
		}
	})
	base := offset / runeStride * runeStride
	return int(l.runeStarts[offset/runeStride]) + countRuneStarts(d.src.text[base:offset])
}

// countRuneStarts counts the bytes of b that start a UTF-8 sequence. A
// stretch cut inside a character still counts each character once, at the
// stretch where it starts.
func countRuneStarts(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// StartPos is the position of an element's "<".
func (d *Document) StartPos(e *etree.Element) Pos {
	if info := d.info(e); info != nil {
		return d.Pos(info.StartTag.Start)
	}
	return Pos{Line: 1, Column: 1}
}

// LineCount is the number of lines of the text.
func (d *Document) LineCount() int { return len(d.lineStarts()) }

// lineStarts are the byte offsets of the starts of the lines, found on
// first use.
func (d *Document) lineStarts() []int {
	l := d.lookups
	l.lineOnce.Do(func() { l.lineStart = computeLineStarts(d.src.text) })
	return l.lineStart
}

// Line returns the text of a 1-based line without its line terminator.
func (d *Document) Line(n int) string {
	lines := d.lineStarts()
	if n < 1 || n > len(lines) {
		return ""
	}
	start := lines[n-1]
	end := len(d.src.text)
	if n < len(lines) {
		end = lines[n]
	}
	return strings.TrimRight(string(d.src.text[start:end]), "\r\n")
}

// Newline is the line terminator the file mostly uses: "\r\n", "\n", or a
// lone "\r" (classic Mac OS files); "\n" when it has none.
func (d *Document) Newline() string {
	crlf, lf, cr := 0, 0, 0
	text := d.src.text
	for i, c := range text {
		switch {
		case c == '\n' && i > 0 && text[i-1] == '\r':
			crlf++
		case c == '\n':
			lf++
		case c == '\r' && (i+1 == len(text) || text[i+1] != '\n'):
			cr++
		}
	}
	switch {
	case crlf > lf && crlf >= cr:
		return "\r\n"
	case cr > lf && cr > crlf:
		return "\r"
	}
	return "\n"
}

func computeLineStarts(text []byte) []int {
	starts := make([]int, 1, len(text)/bytesPerLine+1)
	if cr := bytes.Count(text, []byte{'\r'}); cr == 0 || cr == bytes.Count(text, []byte("\r\n")) {
		// Every line ends in LF (or CRLF): the vectorised search will do.
		for i := 0; ; {
			j := bytes.IndexByte(text[i:], '\n')
			if j < 0 {
				return starts
			}
			i += j + 1
			starts = append(starts, i)
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// classify decides the document's Kind from its name and content.
func (d *Document) classify() Kind {
	root := d.Root()
	if root == nil {
		return KindWebConfig
	}
	if declaresXDT(root) {
		return KindTransform
	}
	base := strings.ToLower(baseName(d.Path))
	if root.SelectElement("system.applicationHost") != nil || base == "applicationhost.config" {
		return KindAppHost
	}
	if base == "machine.config" || declaresSystemWebSections(root) {
		return KindMachineConfig
	}
	if definesRootModules(root) {
		return KindRootWebConfig
	}
	return KindWebConfig
}

// declaresXDT reports whether e declares the XDT namespace, as the root
// element of a transform does.
func declaresXDT(e *etree.Element) bool {
	for _, a := range e.Attr {
		if (a.Space == "xmlns" || (a.Space == "" && a.Key == "xmlns")) && a.Value == XDTNamespace {
			return true
		}
	}
	return false
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// declaresSystemWebSections reports whether <configSections> registers the
// system.web section group's httpModules section: only machine.config does.
// Every Load asks, so it walks the children itself instead of compiling
// the path "configSections/sectionGroup[@name='system.web']" each time.
func declaresSystemWebSections(root *etree.Element) bool {
	for cs := range root.SelectElementsSeq("configSections") {
		for g := range cs.SelectElementsSeq("sectionGroup") {
			if !hasAttrValue(g, "name", "system.web") {
				continue
			}
			for sec := range g.SelectElementsSeq("section") {
				if hasAttrValue(sec, "name", "httpModules") {
					return true
				}
			}
		}
	}
	return false
}

// hasAttrValue reports whether e has an attribute named key (with any
// prefix) whose value is val, as etree's path filter [@key='val'] does.
func hasAttrValue(e *etree.Element, key, val string) bool {
	for _, a := range e.Attr {
		if a.Key == key && a.Value == val {
			return true
		}
	}
	return false
}

// rootModuleNames are the lower-case names of the modules the .NET root
// web.config files add, built once (every Load classifies its document).
var rootModuleNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	for _, r := range []schema.Runtime{schema.V20, schema.V40} {
		for _, m := range schema.RootHTTPModules(r) {
			names[strings.ToLower(m.Value("name"))] = true
		}
	}
	return names
})

// definesRootModules recognises a .NET root web.config: it adds modules
// that every application inherits (OutputCache, Session, ...). An
// application cannot add one of those names without removing it first; IIS
// would answer 500.19 for the duplicate key.
func definesRootModules(root *etree.Element) bool {
	inherited := rootModuleNames()
	for sw := range root.SelectElementsSeq("system.web") {
		for hm := range sw.SelectElementsSeq("httpModules") {
			var removed map[string]bool
			cleared := false
			for d := range hm.ChildElementsSeq() {
				switch d.Tag {
				case "clear":
					cleared = true
				case "remove":
					if removed == nil {
						removed = map[string]bool{}
					}
					removed[strings.ToLower(d.SelectAttrValue("name", ""))] = true
				case "add":
					// Every Load asks: an application's own modules are
					// looked up without allocating their lower-case names.
					var buf [64]byte
					name := appendLower(buf[:0], d.SelectAttrValue("name", ""))
					if inherited[string(name)] && !cleared && !removed[string(name)] {
						return true
					}
				}
			}
		}
	}
	return false
}

// appendLower appends strings.ToLower(s) to b, without the string
// strings.ToLower would allocate when s is ASCII.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

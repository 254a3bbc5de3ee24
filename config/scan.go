package config

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beevik/etree"
)

// The scanner is one pass over the text that checks well-formedness (XML 1.0
// fifth edition, plus namespace prefixes), records the span of every token,
// and builds the etree tree. encoding/xml is not used: it neither reports
// spans of attributes nor rejects everything System.Xml rejects, and a second
// pass would halve the speed.

type openElement struct {
	el        *etree.Element
	info      *ElementInfo
	nsMark    int  // length of scanner.ns when the element was opened
	childMark int  // length of scanner.children when the element was opened
	gapMark   int  // length of scanner.gaps when the element was opened
	hasText   bool // a lean scan has seen text other than white space in it
	nameBytes []byte
}

// element is an etree element and its spans, allocated together.
type element struct {
	el   etree.Element
	info ElementInfo
}

type scanner struct {
	text  []byte
	str   string // text as one string: values are cut from it, not copied one by one
	pos   int
	doc   *Document
	stack []openElement
	ns    []string          // the prefixes the open elements bind, innermost last
	bound map[string]int    // how many open elements bind each prefix
	root  bool              // the root element has been seen
	known map[string]string // knownStrings
	names map[string]string // what known lacks, by spelling

	// recent caches intern's answers by a hash of the spelling.
	recent [128]string

	// prefixed is set once a name with a prefix (xmlns:x, x:tag) has been
	// seen: until then no name needs its prefix checked.
	prefixed bool

	// dtdEntities are the general entities the DOCTYPE's internal subset
	// declares: they are not expanded, but a reference to one gets a
	// message that says so.
	dtdEntities map[string]bool
	sawDoctype  bool // the file has a DOCTYPE

	// attrIndex finds an attribute of the current start tag by name once it
	// has many: a scan per attribute would be quadratic in the tag's length.
	attrIndex map[string]int

	// children holds the child tokens of the open elements, innermost
	// last: an element's are attached when it closes, into a slice of the
	// final length (appending one at a time reallocates as it grows).
	children []etree.Token

	// lean (LoadLean) leaves out the white space between markup of an
	// element without other text. Until the element shows other text, its
	// runs of white space are only noted in gaps (innermost element last):
	// text makes tokens of them (textIn), the element's end drops them.
	lean        bool
	gaps        []gap
	attrScratch []AttrInfo // a lean scan's attributes of the current tag

	// Slabs: nodes are cut from arrays sized for the rest of the file, so
	// that a file takes a few allocations per kind instead of one per node.
	decodeScratch []bool
	elemSlab      []element
	textSlab      []etree.CharData
	commentSlab   []etree.Comment
	childSlab     []etree.Token
	attrSlab      []AttrInfo
	etreeAttrSlab []etree.Attr
}

// Densities measured on the corpus (2.0 MB, 93 files): an element per 113
// bytes (38 in the densest file), an attribute per 59, a text run per 85
// (nine in ten are indentation), a child token per 47, a line per 63, a
// comment per 1,600.
// Slabs are sized for the rest of the file at about these densities, so
// that most files take one slab of each kind and waste little.
const (
	bytesPerElement = 100
	bytesPerAttr    = 48
	bytesPerText    = 80
	bytesPerChild   = 44
	bytesPerLine    = 56
	bytesPerComment = 1024
	maxSlab         = 1024 // a big file takes several slabs, none huge
)

// A lean scan makes tokens of few text runs: on the corpus, one per 1,336
// bytes (other text, and the white space kept beside it), and a child
// token per 99 bytes.
const (
	bytesPerLeanText  = 1024
	bytesPerLeanChild = 100
)

func (s *scanner) bytesPerText() int {
	if s.lean {
		return bytesPerLeanText
	}
	return bytesPerText
}

func (s *scanner) bytesPerChild() int {
	if s.lean {
		return bytesPerLeanChild
	}
	return bytesPerChild
}

// slabSize is how many nodes a new slab holds: at least need, otherwise
// enough for the rest of the text at one node per density bytes.
func (s *scanner) slabSize(need, density int) int {
	return max(need, min(maxSlab, (len(s.text)-s.pos)/density+8))
}

// SyntaxError is a malformed-input error with its place in the file.
type SyntaxError struct {
	File   string
	Line   int
	Column int
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

func (s *scanner) errAt(offset int, format string, args ...any) error {
	p := s.doc.Pos(offset)
	return &SyntaxError{File: s.doc.Path, Line: p.Line, Column: p.Column, Offset: offset, Msg: fmt.Sprintf(format, args...)}
}

// intern returns a name or an indentation run as a string shared with
// every other occurrence (knownStrings; the document's own table for the
// rest). Indentation comes back with its line ends normalized.
func (s *scanner) intern(from, to int) string {
	b := s.text[from:to]
	if len(b) == 0 {
		return ""
	}
	// A file repeats a few dozen names (add, name, type, value) over and
	// over: a small cache answers most lookups before the maps.
	slot := &s.recent[(uint(len(b))*31+uint(b[0])*7+uint(b[len(b)-1]))%uint(len(s.recent))]
	if *slot == string(b) {
		return *slot
	}
	str := s.internSlow(from, to)
	if str == string(b) { // not indentation whose line ends were normalized
		*slot = str
	}
	return str
}

// internName is intern for an element or attribute name, which is checked
// as a qualified name the first time the file uses it: what the cache
// holds for a name has passed (indentation, the cache's other entries,
// never equals a name).
func (s *scanner) internName(from, to int) (string, error) {
	b := s.text[from:to]
	if len(b) == 0 {
		return "", nil
	}
	slot := &s.recent[(uint(len(b))*31+uint(b[0])*7+uint(b[len(b)-1]))%uint(len(s.recent))]
	if *slot == string(b) {
		return *slot, nil
	}
	if err := s.checkQName(from, b); err != nil {
		return "", err
	}
	str := s.internSlow(from, to)
	*slot = str // a name has no line end to normalize
	return str, nil
}

func (s *scanner) internSlow(from, to int) string {
	b := s.text[from:to]
	if str, ok := s.known[string(b)]; ok {
		return str
	}
	if str, ok := s.names[string(b)]; ok {
		return str
	}
	if s.names == nil {
		s.names = make(map[string]string, 16)
	}
	str := s.cut(from, to)
	s.names[s.str[from:to]] = str
	return str
}

// cut is text[from:to] as a string with its line ends normalized: a
// substring of the file's string when it has no CR, so no copy.
func (s *scanner) cut(from, to int) string {
	if bytes.IndexByte(s.text[from:to], '\r') < 0 {
		return s.str[from:to]
	}
	return decodeTextNoRefs(s.text[from:to])
}

// gap is a run of white space a lean scan has not made a token of: where
// it starts in the text, and its place in scanner.children.
type gap struct{ start, at int }

// add makes t the next child of the innermost open element (of the
// document when none is open).
func (s *scanner) add(t etree.Token) {
	if len(s.stack) == 0 {
		s.doc.Tree.AddChild(t) // a few tokens around the root element
		return
	}
	s.children = append(s.children, t)
}

// attachChildren gives the element that closes its children, in order.
func (s *scanner) attachChildren(top openElement) {
	kids := s.children[top.childMark:]
	if n := len(kids); n > 0 {
		if len(s.childSlab) < n {
			s.childSlab = make([]etree.Token, s.slabSize(n, s.bytesPerChild()))
		}
		top.el.Child = s.childSlab[:0:n] // capacity capped: an append copies
		s.childSlab = s.childSlab[n:]
		for _, t := range kids {
			top.el.AddChild(t)
		}
		clear(kids) // the scratch must not keep the tokens alive
	}
	s.children = s.children[:top.childMark]
	s.gaps = s.gaps[:top.gapMark] // white space a lean scan leaves out
}

// textIn notes that the innermost open element holds text other than
// white space: a lean scan keeps its white space from now on, and makes
// tokens of the runs it put off.
func (s *scanner) textIn() {
	top := &s.stack[len(s.stack)-1]
	if top.hasText {
		return
	}
	top.hasText = true
	gaps := s.gaps[top.gapMark:]
	if len(gaps) == 0 {
		return
	}
	// Insert the tokens into children from the back: each child moves once.
	j := len(s.children) + len(gaps)
	s.children = slices.Grow(s.children, len(gaps))[:j]
	i := j - len(gaps)
	for g := len(gaps) - 1; g >= 0; g-- {
		for i > gaps[g].at {
			i--
			j--
			s.children[j] = s.children[i]
		}
		// A run of white space in an element ends at the next markup.
		start := gaps[g].start
		end := start + bytes.IndexByte(s.text[start:], '<')
		j--
		s.children[j] = s.newText(s.whitespaceValue(start, end), true)
	}
	s.gaps = s.gaps[:top.gapMark]
}

// whitespaceValue is the text of the run of white space text[from:to].
func (s *scanner) whitespaceValue(from, to int) string {
	if value, ok := indentOf(s.text[from:to]); ok {
		return value
	}
	return s.intern(from, to) // indentation repeats throughout a file
}

// newText is a text token from the slab.
func (s *scanner) newText(value string, whitespace bool) *etree.CharData {
	if len(s.textSlab) == 0 {
		s.textSlab = make([]etree.CharData, s.slabSize(1, s.bytesPerText()))
	}
	t := &s.textSlab[0]
	s.textSlab = s.textSlab[1:]
	if whitespace {
		// Marked as whitespace (as CreateText does not) by copying a token
		// that SetData marked: SetData would test every byte again.
		*t = whitespaceToken
	}
	t.Data = value
	return t
}

// whitespaceToken is an unattached text token marked as whitespace.
var whitespaceToken = func() (t etree.CharData) {
	t.SetData(" ")
	return t
}()

func (s *scanner) run() error {
	for s.pos < len(s.text) {
		if s.text[s.pos] != '<' {
			if err := s.charData(); err != nil {
				return err
			}
			continue
		}
		rest := s.text[s.pos:]
		var err error
		var second byte // what follows "<" decides, most often a name
		if len(rest) > 1 {
			second = rest[1]
		}
		switch second {
		case '/':
			err = s.endTag()
		case '?':
			err = s.procInst()
		case '!':
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				err = s.comment()
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				err = s.cdata()
			case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
				err = s.doctype()
			default:
				err = s.errAt(s.pos, "unknown markup declaration")
			}
		default:
			err = s.startTag()
		}
		if err != nil {
			return err
		}
	}
	if len(s.stack) > 0 {
		top := s.stack[len(s.stack)-1]
		p := s.doc.Pos(top.info.StartTag.Start)
		return s.errAt(len(s.text), "unexpected end of file: element <%s> opened at line %d, column %d is not closed", top.nameBytes, p.Line, p.Column)
	}
	if !s.root {
		return s.errAt(len(s.text), "no root element")
	}
	s.finishElemSlabs()
	return nil
}

// finishElemSlabs leaves the unused end of the last element array out of
// the document, and orders the arrays by address for Document.info.
func (s *scanner) finishElemSlabs() {
	slabs := s.doc.elemSlabs
	if n := len(slabs); n > 0 {
		slabs[n-1] = slabs[n-1][:len(slabs[n-1])-len(s.elemSlab)]
	}
	slices.SortFunc(slabs, func(a, b []element) int { return cmp.Compare(slabStart(a), slabStart(b)) })
}

// charData scans text up to the next '<'.
func (s *scanner) charData() error {
	start := s.pos
	// Indentation first (nine text runs in ten are line ends, spaces and
	// tabs up to a tag), spaces a word at a time; the loop below takes the
	// rest.
	text, i, sawCR := s.text, s.pos, false
	for i < len(text) {
		c := text[i]
		if c == ' ' && i+8 <= len(text) {
			// The spaces of a word at once: the lowest byte that is not a
			// space (if any) ends them.
			if x := binary.LittleEndian.Uint64(text[i:]) ^ eightSpaces; x != 0 {
				i += bits.TrailingZeros64(x) / 8
			} else {
				i += 8
			}
			continue
		}
		if c != ' ' && c != '\n' && c != '\t' {
			if c != '\r' {
				break
			}
			sawCR = true
		}
		i++
	}
	s.pos = i
	needsDecode := sawCR // line ends are normalized
	onlySpace := true
	for s.pos < len(s.text) {
		c := s.text[s.pos]
		if c == '<' {
			break
		}
		if c > ' ' && c < utf8.RuneSelf && c != '&' && c != ']' {
			onlySpace = false
			s.pos++
			continue
		}
		switch {
		case c == '&':
			needsDecode = true
			onlySpace = false
			n, err := s.checkReference(s.pos)
			if err != nil {
				return err
			}
			s.pos += n
			continue
		case c == '\r':
			needsDecode = true
		case c == ' ' || c == '\t' || c == '\n':
		case c == ']':
			onlySpace = false
			if bytes.HasPrefix(s.text[s.pos:], []byte("]]>")) {
				return s.errAt(s.pos, `"]]>" is not allowed in text`)
			}
		default:
			onlySpace = false
			if err := s.checkChar(); err != nil {
				return err
			}
			continue
		}
		s.pos++
	}
	raw := s.text[start:s.pos]
	if len(s.stack) == 0 {
		if !onlySpace {
			where := "before"
			if s.root {
				where = "after"
			}
			first := start + len(raw) - len(bytes.TrimLeft(raw, " \t\r\n"))
			return s.errAt(first, "text is not allowed %s the root element", where)
		}
	}
	if s.lean && len(s.stack) > 0 {
		if onlySpace && !s.stack[len(s.stack)-1].hasText {
			s.gaps = append(s.gaps, gap{start, len(s.children)})
			return nil
		}
		if !onlySpace {
			s.textIn()
		}
	}
	var value string
	switch {
	case onlySpace:
		value = s.whitespaceValue(start, s.pos)
	case needsDecode:
		value = decodeText(raw)
	default:
		value = s.str[start:s.pos]
	}
	t := s.newText(value, onlySpace)
	s.add(t)
	if onlySpace {
		return nil // its span follows from its neighbours' (TokenSpan)
	}
	s.doc.tokens[t] = Span{start, s.pos}
	return nil
}

const eightSpaces = 0x2020202020202020

// checkChar validates the (possibly multi-byte) character at s.pos and
// advances past it.
func (s *scanner) checkChar() error {
	n, err := s.charAt(s.pos)
	s.pos += n
	return err
}

// charAt validates the character at i and returns its length in bytes.
func (s *scanner) charAt(i int) (int, error) {
	c := s.text[i]
	if c < utf8.RuneSelf {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return 0, s.errAt(i, "invalid character U+%04X", c)
		}
		return 1, nil
	}
	r, size := utf8.DecodeRune(s.text[i:])
	if r == utf8.RuneError && size <= 1 {
		return 0, s.errAt(i, "invalid UTF-8 byte 0x%02X (is the file's encoding declared correctly?)", c)
	}
	if !isXMLChar(r) {
		return 0, s.errAt(i, "invalid character U+%04X", r)
	}
	return size, nil
}

func isXMLChar(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// checkReference validates the entity or character reference at i and
// returns its length.
func (s *scanner) checkReference(i int) (int, error) {
	end := bytes.IndexByte(s.text[i:min(len(s.text), i+32)], ';')
	if end < 0 {
		return 0, s.errAt(i, `"&" must start a reference such as &amp; (unescaped ampersand?)`)
	}
	name := s.text[i+1 : i+end]
	if _, ok := resolveReference(name); !ok {
		if len(name) > 0 && name[0] == '#' {
			return 0, s.errAt(i, "invalid character reference &%s;%s", name, upperXHint(name))
		}
		return 0, s.undefinedEntity(i, name)
	}
	return end + 1, nil
}

// undefinedEntity explains a reference to an entity XML does not predefine.
// Entities declared in a DOCTYPE are not expanded
// (docs/iis-behaviour.md §13.3); HTML's, often pasted into a config, get
// their character reference.
func (s *scanner) undefinedEntity(at int, name []byte) error {
	switch {
	case s.dtdEntities[string(name)]:
		return s.errAt(at, "entity &%s; is declared in the DOCTYPE, but iiscfg (like ASP.NET's configuration system) does not expand DTD entities; write its text instead", name)
	case htmlEntities[string(name)] != 0:
		return s.errAt(at, "undefined entity &%s; (an HTML entity: XML predefines only &amp; &lt; &gt; &quot; &apos;; write &#%d; instead)", name, htmlEntities[string(name)])
	case s.sawDoctype:
		return s.errAt(at, "undefined entity &%s; (iiscfg, like ASP.NET's configuration system, reads no DTD: only &amp; &lt; &gt; &quot; &apos; and character references are defined)", name)
	}
	return s.errAt(at, "undefined entity &%s; (XML predefines only &amp; &lt; &gt; &quot; &apos;)", name)
}

// valueReferenceError explains the bad reference at i in the value of
// attribute attr. What follows "&" may be part of a password
// (docs/secrets.md), so it is echoed only when it cannot be: a numeric
// reference (digits) or the name of an HTML entity (a fixed list); of
// other references the message gives the kind.
func (s *scanner) valueReferenceError(i int, attr []byte) error {
	if s.dtdEntityAt(i) {
		return s.errAt(i, `"&" in the value of attribute %q starts an entity the DOCTYPE declares, but iiscfg (like ASP.NET's configuration system) does not expand DTD entities; write its text instead`, attr)
	}
	if end := bytes.IndexByte(s.text[i:min(len(s.text), i+32)], ';'); end > 0 {
		name := s.text[i+1 : i+end]
		if isNumericReference(name) {
			return s.errAt(i, "invalid character reference &%s; in the value of attribute %q%s", name, attr, upperXHint(name))
		}
		if len(name) > 0 && name[0] == '#' {
			return s.errAt(i, "invalid character reference in the value of attribute %q", attr)
		}
		if code := htmlEntities[string(name)]; code != 0 {
			return s.errAt(i, "undefined entity &%s; in the value of attribute %q (an HTML entity: XML predefines only &amp; &lt; &gt; &quot; &apos;; write &#%d; instead)", name, attr, code)
		}
	}
	return s.errAt(i, `"&" in the value of attribute %q must start a reference such as &amp; (unescaped ampersand?)`, attr)
}

// isNumericReference reports whether name (between "&" and ";") has the
// shape of a character reference: #digits or #x/#X and hexadecimal digits.
func isNumericReference(name []byte) bool {
	if len(name) < 2 || name[0] != '#' {
		return false
	}
	digits, hex := name[1:], false
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, hex = digits[1:], true
	}
	if len(digits) == 0 {
		return false
	}
	for _, c := range digits {
		isDigit := c >= '0' && c <= '9'
		isHex := hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')
		if !isDigit && !isHex {
			return false
		}
	}
	return true
}

// upperXHint explains &#X41;: XML's hexadecimal references start "&#x".
func upperXHint(name []byte) string {
	if isNumericReference(name) && name[1] == 'X' {
		return fmt.Sprintf(" (a hexadecimal reference starts with a lowercase x: &#x%s;)", name[2:])
	}
	return ""
}

// dtdEntityAt reports whether the reference at i names an entity the
// DOCTYPE declares.
func (s *scanner) dtdEntityAt(i int) bool {
	end := bytes.IndexByte(s.text[i:min(len(s.text), i+32)], ';')
	return end > 0 && s.dtdEntities[string(s.text[i+1:i+end])]
}

// htmlEntities are the HTML entities most often pasted into configuration
// values, with their code points (HTML Living Standard, named character
// references).
var htmlEntities = map[string]int{
	"nbsp": 160, "copy": 169, "reg": 174, "trade": 8482, "euro": 8364, "pound": 163,
	"laquo": 171, "raquo": 187, "ndash": 8211, "mdash": 8212, "hellip": 8230, "bull": 8226,
	"middot": 183, "deg": 176, "times": 215, "lsquo": 8216, "rsquo": 8217, "ldquo": 8220, "rdquo": 8221,
}

// resolveReference returns the character a reference's name (between &
// and ;) stands for, without allocating: it runs for every reference of
// every file.
func resolveReference(name []byte) (rune, bool) {
	switch string(name) {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	digits, base := name[1:], rune(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 {
		return 0, false
	}
	var n rune
	for _, c := range digits {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		if n = n*base + d; n > 0x10FFFF {
			return 0, false
		}
	}
	if !isXMLChar(n) {
		return 0, false
	}
	return n, true
}

// decodeText resolves references and normalizes line ends in text content.
func decodeText(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '\r':
			b.WriteByte('\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case '&':
			end := bytes.IndexByte(raw[i:], ';')
			r, _ := resolveReference(raw[i+1 : i+end])
			b.WriteRune(r)
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// decodeAttrValue resolves references and applies attribute-value
// normalization (XML 1.0 §3.3.3): literal tabs and line ends become spaces,
// characters written as references are kept.
func decodeAttrValue(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '\r':
			b.WriteByte(' ')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case '\n', '\t':
			b.WriteByte(' ')
		case '&':
			end := bytes.IndexByte(raw[i:], ';')
			r, _ := resolveReference(raw[i+1 : i+end])
			b.WriteRune(r)
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func (s *scanner) comment() error {
	start := s.pos
	bodyStart := start + len("<!--")
	end := bytes.Index(s.text[bodyStart:], []byte("--"))
	if end < 0 {
		return s.errAt(start, "unexpected end of file inside a comment that starts here")
	}
	abs := bodyStart + end
	if abs+2 >= len(s.text) {
		return s.errAt(start, "unexpected end of file inside a comment that starts here")
	}
	if s.text[abs+2] != '>' {
		// System.Xml rejects "--" inside a comment, and so does ASP.NET.
		if s.text[abs+2] == '-' && abs+3 < len(s.text) && s.text[abs+3] == '>' {
			return s.errAt(abs, `a comment may not end with "--->"`)
		}
		msg := `"--" is not allowed inside a comment`
		if bytes.HasPrefix(bytes.TrimSpace(s.text[bodyStart:abs]), []byte("iiscfg-ignore")) {
			// Other linters write "-- reason"; XML cannot.
			msg += ` (in an iiscfg-ignore comment, write the reason after " - ")`
		}
		return s.errAt(abs, "%s", msg)
	}
	if err := s.checkChars(bodyStart, abs); err != nil {
		return err
	}
	s.pos = abs + 3
	c := s.newComment(s.cut(bodyStart, abs))
	s.add(c)
	s.doc.tokens[c] = Span{start, s.pos}
	return nil
}

// checkChars validates the characters of text[from:to].
func (s *scanner) checkChars(from, to int) error {
	for i := from; i < to; {
		// Eight bytes at a time while all are printable ASCII (0x20-0x7F):
		// a byte below 0x20 borrows and sets its lane's high bit, so does a
		// byte of 0x80 or more by itself, and no lane below such a byte
		// borrows into it.
		for i+8 <= to {
			w := binary.LittleEndian.Uint64(s.text[i:])
			if (w|(w-0x2020202020202020))&0x8080808080808080 != 0 {
				break
			}
			i += 8
		}
		if i >= to {
			break
		}
		// Printable ASCII and the three allowed controls without a call:
		// comments are long runs of them.
		if c := s.text[i]; c >= 0x20 && c < utf8.RuneSelf || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		n, err := s.charAt(i)
		if err != nil {
			return err
		}
		i += n
	}
	return nil
}

func decodeTextNoRefs(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw))
	// A line at a time: comments in CRLF files come here whole.
	for {
		i := bytes.IndexByte(raw, '\r')
		if i < 0 {
			b.Write(raw)
			return b.String()
		}
		b.Write(raw[:i])
		b.WriteByte('\n')
		raw = raw[i+1:]
		if len(raw) > 0 && raw[0] == '\n' {
			raw = raw[1:]
		}
	}
}

func (s *scanner) cdata() error {
	start := s.pos
	if len(s.stack) == 0 {
		return s.errAt(start, "CDATA section outside the root element")
	}
	bodyStart := start + len("<![CDATA[")
	end := bytes.Index(s.text[bodyStart:], []byte("]]>"))
	if end < 0 {
		return s.errAt(start, "unexpected end of file inside a CDATA section that starts here")
	}
	if err := s.checkChars(bodyStart, bodyStart+end); err != nil {
		return err
	}
	s.pos = bodyStart + end + 3
	if s.lean {
		s.textIn()
	}
	c := etree.NewCData(s.cut(bodyStart, bodyStart+end))
	s.add(c)
	s.doc.tokens[c] = Span{start, s.pos}
	return nil
}

func (s *scanner) doctype() error {
	start := s.pos
	if s.root || len(s.stack) > 0 {
		return s.errAt(start, "a DOCTYPE is allowed only before the root element")
	}
	i := start + len("<!DOCTYPE")
	j := s.skipSpace(i)
	nameEnd, err := s.scanName(j)
	if err != nil {
		return err
	}
	if j == i || nameEnd == j {
		return s.errAt(i, "expected white space and a name after <!DOCTYPE")
	}
	s.sawDoctype = true
	// Skip to the closing '>', stepping over quoted strings, comments and
	// the internal subset.
	inSubset := false
	for i = nameEnd; i < len(s.text); {
		switch c := s.text[i]; {
		case c == '"' || c == '\'':
			k := bytes.IndexByte(s.text[i+1:], c)
			if k < 0 {
				return s.errAt(start, "unexpected end of file inside the DOCTYPE that starts here")
			}
			i += k + 2
			continue
		case inSubset && bytes.HasPrefix(s.text[i:], []byte("<!ENTITY")):
			i = s.declareEntity(i + len("<!ENTITY"))
			continue
		case inSubset && bytes.HasPrefix(s.text[i:], []byte("<!--")):
			k := bytes.Index(s.text[i+4:], []byte("-->"))
			if k < 0 {
				return s.errAt(start, "unexpected end of file inside the DOCTYPE that starts here")
			}
			i += 4 + k + 3
			continue
		case c == '[' && !inSubset:
			inSubset = true
		case c == ']' && inSubset:
			inSubset = false
		case c == '>' && !inSubset:
			if err := s.checkChars(start, i); err != nil {
				return err
			}
			s.pos = i + 1
			d := etree.NewDirective(s.cut(start+2, i))
			s.add(d)
			s.doc.tokens[d] = Span{start, s.pos}
			return nil
		}
		i++
	}
	return s.errAt(start, "unexpected end of file inside the DOCTYPE that starts here")
}

// declareEntity records the name of a general entity declared at i (just
// after "<!ENTITY") and returns where the scan of the DOCTYPE goes on.
// Parameter entities ("%" name) are used only inside the DTD: skipped.
func (s *scanner) declareEntity(i int) int {
	j := s.skipSpace(i)
	if j == i || j >= len(s.text) || s.text[j] == '%' {
		return j
	}
	end, err := s.scanName(j)
	if err != nil || end == j {
		return j
	}
	if s.dtdEntities == nil {
		s.dtdEntities = map[string]bool{}
	}
	s.dtdEntities[string(s.text[j:end])] = true
	return end
}

func (s *scanner) procInst() error {
	start := s.pos
	i := start + 2
	nameEnd, err := s.scanName(i)
	if err != nil {
		return err
	}
	if nameEnd == i {
		return s.errAt(i, "processing instruction without a target name")
	}
	target := s.str[i:nameEnd]
	end := bytes.Index(s.text[nameEnd:], []byte("?>"))
	if end < 0 {
		return s.errAt(start, "unexpected end of file inside the processing instruction that starts here")
	}
	bodyEnd := nameEnd + end
	body := s.text[nameEnd:bodyEnd]
	if len(body) > 0 && !isSpace(body[0]) {
		return s.errAt(nameEnd, "expected white space after the processing instruction target %q", target)
	}
	if err := s.checkChars(nameEnd, bodyEnd); err != nil {
		return err
	}
	if strings.EqualFold(target, "xml") {
		if start != 0 || target != "xml" {
			if target == "xml" {
				return s.errAt(start, "the XML declaration is allowed only at the very start of the file")
			}
			return s.errAt(start, "processing instruction target %q is reserved", target)
		}
		if err := s.checkDeclaration(nameEnd, body); err != nil {
			return err
		}
	}
	s.pos = bodyEnd + 2
	p := etree.NewProcInst(target, strings.TrimLeft(s.cut(nameEnd, bodyEnd), " \t\r\n"))
	s.add(p)
	s.doc.tokens[p] = Span{start, s.pos}
	return nil
}

// checkDeclaration parses the pseudo-attributes of the XML declaration:
// version (which must be 1.0, as in System.Xml), then optional encoding and
// standalone, in that order.
func (s *scanner) checkDeclaration(at int, body []byte) error {
	i := 0
	next := func() (name string, value string, valueAt int, ok bool, err error) {
		j := i
		for j < len(body) && isSpace(body[j]) {
			j++
		}
		if j == len(body) {
			return "", "", 0, false, nil
		}
		if j == i {
			return "", "", 0, false, s.errAt(at+j, "malformed XML declaration")
		}
		k := j
		for k < len(body) && body[k] >= 'a' && body[k] <= 'z' {
			k++
		}
		name = string(body[j:k])
		for k < len(body) && isSpace(body[k]) {
			k++
		}
		if k >= len(body) || body[k] != '=' {
			return "", "", 0, false, s.errAt(at+j, "malformed XML declaration")
		}
		k++
		for k < len(body) && isSpace(body[k]) {
			k++
		}
		if k >= len(body) || (body[k] != '"' && body[k] != '\'') {
			return "", "", 0, false, s.errAt(at+k, "malformed XML declaration: value of %q must be in quotes", name)
		}
		q := body[k]
		end := bytes.IndexByte(body[k+1:], q)
		if end < 0 {
			return "", "", 0, false, s.errAt(at+k, "malformed XML declaration")
		}
		i = k + 1 + end + 1
		return name, string(body[k+1 : k+1+end]), at + k + 1, true, nil
	}
	order := []string{"version", "encoding", "standalone"}
	seen := 0
	for {
		name, value, valueAt, ok, err := next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		idx := -1
		for n := seen; n < len(order); n++ {
			if order[n] == name {
				idx = n
			}
		}
		if idx < 0 || (seen == 0 && idx != 0) {
			if seen == 0 {
				return s.errAt(at, "the XML declaration must start with version")
			}
			return s.errAt(valueAt, "unexpected %q in the XML declaration", name)
		}
		switch name {
		case "version":
			if value != "1.0" {
				return s.errAt(valueAt, "unsupported XML version %q; only 1.0 is supported", value)
			}
		case "standalone":
			if value != "yes" && value != "no" {
				return s.errAt(valueAt, `standalone must be "yes" or "no"`)
			}
		}
		seen = idx + 1
	}
	if seen == 0 {
		return s.errAt(at, "the XML declaration has no version")
	}
	return nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (s *scanner) skipSpace(i int) int {
	// Every byte above ' ' ends the run at the first test.
	for i < len(s.text) && s.text[i] <= ' ' && isSpace(s.text[i]) {
		i++
	}
	return i
}

// scanName returns the end of the XML Name at i (i itself when there is none).
func (s *scanner) scanName(i int) (int, error) {
	start := i
	// An ASCII name through the table (most names); the loop below goes
	// on from where it stops, for other characters.
	text := s.text
	if i < len(text) && asciiNameClass[text[i]] == asciiNameStart {
		i++
		for i < len(text) && asciiNameClass[text[i]] != 0 {
			i++
		}
	}
	if i >= len(text) || text[i] < utf8.RuneSelf {
		return i, nil // an ASCII byte the table stopped at ends the name
	}
	for i < len(s.text) {
		c := s.text[i]
		if c < utf8.RuneSelf {
			if isASCIINameChar(c, i == start) {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRune(s.text[i:])
		if r == utf8.RuneError && size <= 1 {
			return i, s.errAt(i, "invalid UTF-8 byte 0x%02X (is the file's encoding declared correctly?)", c)
		}
		if !isNameRune(r, i == start) {
			break
		}
		i += size
	}
	return i, nil
}

// asciiNameClass classes each byte as isASCIINameChar does:
// asciiNameStart may start a name, asciiNameRest only follow; 0 for the
// rest and for every byte of a multi-byte character.
var asciiNameClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case isASCIINameChar(byte(c), true):
			t[c] = asciiNameStart
		case isASCIINameChar(byte(c), false):
			t[c] = asciiNameRest
		}
	}
	return t
}()

const (
	asciiNameRest  = 1
	asciiNameStart = 2
)

func isASCIINameChar(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == ':':
		return true
	case c >= '0' && c <= '9', c == '-', c == '.':
		return !first
	}
	return false
}

func isNameRune(r rune, first bool) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	case r == 0xB7, r >= 0x300 && r <= 0x36F, r >= 0x203F && r <= 0x2040:
		return !first
	}
	return false
}

func (s *scanner) startTag() error {
	start := s.pos
	if s.root && len(s.stack) == 0 {
		return s.errAt(start, "a second root element is not allowed")
	}
	nameStart := start + 1
	nameEnd, err := s.scanName(nameStart)
	if err != nil {
		return err
	}
	if nameEnd == nameStart {
		if nameStart >= len(s.text) {
			return s.errAt(start, "unexpected end of file after \"<\"")
		}
		return s.errAt(start, `"<" must start a tag (unescaped "<" in text?)`)
	}
	name := s.text[nameStart:nameEnd]
	tag, err := s.internName(nameStart, nameEnd)
	if err != nil {
		return err
	}
	// The attributes are scanned straight into the slab, not into a
	// scratch list to be copied: the element's slice is cut from the slab
	// once the tag is complete. A lean scan keeps no spans (AttrInfo finds
	// them in the text again): it scans into a list every tag reuses.
	spans := s.attrSlab
	if s.lean {
		spans = s.attrScratch
	}
	attrs := spans[:0]
	decode := s.decodeScratch[:0]
	i := nameEnd
	for {
		j := s.skipSpace(i)
		if j >= len(s.text) {
			return s.errAt(start, "unexpected end of file inside the start tag <%s>", name)
		}
		c := s.text[j]
		if c == '>' || (c == '/' && j+1 < len(s.text) && s.text[j+1] == '>') {
			i = j
			break
		}
		if c == '/' {
			return s.errAt(j, `expected ">" after "/" in the start tag <%s>`, name)
		}
		if j == i {
			if isASCIINameChar(c, true) || c >= utf8.RuneSelf {
				return s.errAt(j, "attributes must be separated by white space")
			}
			return s.errAt(j, "unexpected %s in the start tag <%s>", describeByte(s.text, j), name)
		}
		if len(attrs) == len(spans) {
			// Room at least doubles, so that a tag with very many
			// attributes is copied a few times, not once per attribute.
			if s.lean {
				s.attrScratch = make([]AttrInfo, 2*len(attrs)+1)
				spans = s.attrScratch
			} else {
				s.newAttrSlabs(2*len(attrs) + 1)
				spans = s.attrSlab
			}
			attrs = append(spans[:0], attrs...)
		}
		a := &spans[len(attrs)]
		needsDecode, next, err := s.attribute(a, i, j, name)
		if err != nil {
			return err
		}
		if prev := s.findAttr(attrs, a.Name); prev >= 0 {
			p := s.doc.Pos(attrs[prev].Key.Start)
			return s.errAt(a.Key.Start, "duplicate attribute %q (first at line %d, column %d)", a.Name, p.Line, p.Column)
		}
		attrs = attrs[:len(attrs)+1]
		decode = append(decode, needsDecode)
		i = next
	}
	s.decodeScratch = decode
	if s.lean && !s.root && s.declaresXDT(attrs, decode) {
		// A transform: xdt reads its text as it is, and its spans.
		s.lean = false
		if n := len(attrs); n > 0 {
			s.newAttrSlabs(n)
			attrs = s.attrSlab[:copy(s.attrSlab, attrs)]
		}
	}

	el, info := s.newElement(tag)
	info.Name = Span{nameStart, nameEnd}
	s.add(el)
	nsMark := len(s.ns)
	if n := len(attrs); n > 0 {
		// Cut from the slabs, capacity capped so that an append copies.
		if s.lean {
			if len(s.etreeAttrSlab) < n {
				s.etreeAttrSlab = make([]etree.Attr, s.slabSize(n, bytesPerAttr))
			}
		} else {
			info.Attrs = attrs[:n:n]
			s.attrSlab = s.attrSlab[n:]
		}
		el.Attr = s.etreeAttrSlab[:0:n]
		s.etreeAttrSlab = s.etreeAttrSlab[n:]
	}
	all := el.Attr
	for n, a := range attrs {
		value := s.text[a.Value.Start:a.Value.End]
		var v string
		if decode[n] {
			v = decodeAttrValue(value)
		} else {
			v = s.str[a.Value.Start:a.Value.End]
		}
		// CreateAttr looks for an attribute of the same name first: given
		// an empty window of the slab it finds none (duplicates are already
		// rejected) and appends in place, in constant time.
		el.Attr = all[n:n:cap(all)]
		el.CreateAttr(a.Name, v)
		if s.prefixed && strings.HasPrefix(a.Name, "xmlns:") {
			if v == "" {
				return s.errAt(a.Value.Start, "namespace prefix %q may not be bound to an empty URI", a.Name[6:])
			}
			s.bind(a.Name[6:])
		}
	}
	el.Attr = all[:len(attrs)]
	if err := s.checkPrefixes(el, info, attrs); err != nil {
		return err
	}
	s.doc.order = append(s.doc.order, el)
	if s.text[i] == '/' {
		s.pos = i + 2
		info.StartTag = Span{start, s.pos}
		info.EndTag = info.StartTag
		info.SelfClosing = true
		s.unbind(nsMark)
		if len(s.stack) == 0 {
			s.root = true
		}
		return nil
	}
	s.pos = i + 1
	info.StartTag = Span{start, s.pos}
	s.stack = append(s.stack, openElement{el: el, info: info, nsMark: nsMark, childMark: len(s.children), gapMark: len(s.gaps), nameBytes: name})
	s.root = true
	return nil
}

// declaresXDT reports whether a start tag's attributes declare the XDT
// namespace, as declaresXDT does of an element.
func (s *scanner) declaresXDT(attrs []AttrInfo, decode []bool) bool {
	for n, a := range attrs {
		if a.Name != "xmlns" && !strings.HasPrefix(a.Name, "xmlns:") {
			continue
		}
		v := s.str[a.Value.Start:a.Value.End]
		if decode[n] {
			v = decodeAttrValue(s.text[a.Value.Start:a.Value.End])
		}
		if v == XDTNamespace {
			return true
		}
	}
	return false
}

// newAttrSlabs starts new attribute slabs (the spans and etree's, in
// step) with room for at least need attributes.
func (s *scanner) newAttrSlabs(need int) {
	size := s.slabSize(need, bytesPerAttr)
	s.attrSlab = make([]AttrInfo, size)
	s.etreeAttrSlab = make([]etree.Attr, size)
}

// newComment is a comment token from the slab.
func (s *scanner) newComment(text string) *etree.Comment {
	if len(s.commentSlab) == 0 {
		s.commentSlab = make([]etree.Comment, s.slabSize(1, bytesPerComment))
	}
	c := &s.commentSlab[0]
	s.commentSlab = s.commentSlab[1:]
	c.Data = text
	return c
}

// newElement is an element named name (prefix:local or local) and its
// spans, from the slab.
func (s *scanner) newElement(name string) (*etree.Element, *ElementInfo) {
	if len(s.elemSlab) == 0 {
		s.elemSlab = make([]element, s.slabSize(1, bytesPerElement))
		s.doc.elemSlabs = append(s.doc.elemSlabs, s.elemSlab)
	}
	n := &s.elemSlab[0]
	s.elemSlab = s.elemSlab[1:]
	if colon := strings.IndexByte(name, ':'); colon >= 0 {
		n.el.Space, n.el.Tag = name[:colon], name[colon+1:]
	} else {
		n.el.Tag = name
	}
	return &n.el, &n.info
}

// attribute scans `name = "value"` into a; ws is where the preceding white
// space starts and i where the name starts.
func (s *scanner) attribute(a *AttrInfo, ws, i int, tag []byte) (bool, int, error) {
	nameEnd, err := s.scanName(i)
	if err != nil {
		return false, 0, err
	}
	if nameEnd == i {
		return false, 0, s.errAt(i, "unexpected %s in the start tag <%s>", describeByte(s.text, i), tag)
	}
	name := s.text[i:nameEnd]
	attrName, err := s.internName(i, nameEnd)
	if err != nil {
		return false, 0, err
	}
	j := s.skipSpace(nameEnd)
	if j >= len(s.text) || s.text[j] != '=' {
		return false, 0, s.errAt(nameEnd, "attribute %q has no value (expected \"=\")", name)
	}
	j = s.skipSpace(j + 1)
	if j >= len(s.text) || (s.text[j] != '"' && s.text[j] != '\'') {
		return false, 0, s.errAt(j, "the value of attribute %q must be in quotes", name)
	}
	q := s.text[j]
	valStart := j + 1
	k := valStart
	needsDecode := false
	// Most values are plain: the closing quote is found by a vectorised
	// search and the bytes before it are passed a word at a time. Any
	// other value is scanned by the loop below, which gives the errors.
	plain := false
	if end := bytes.IndexByte(s.text[valStart:], q); end >= 0 && plainRun(s.text[valStart:valStart+end]) {
		k, plain = valStart+end, true
	}
	for !plain {
		// The bytes the first case below passes, without the switch:
		// eight at a time while a word holds none but them.
		for k+8 <= len(s.text) && plainValueWord(binary.LittleEndian.Uint64(s.text[k:]), q) {
			k += 8
		}
		for k < len(s.text) && s.text[k] != q && plainValueByte[s.text[k]] {
			k++
		}
		if k >= len(s.text) {
			return false, 0, s.errAt(j, "unexpected end of file inside the value of attribute %q", name)
		}
		c := s.text[k]
		if c == q {
			break
		}
		switch {
		case c >= 0x20 && c < utf8.RuneSelf && c != '<' && c != '&':
			k++
			continue
		case c == '<':
			return false, 0, s.errAt(k, `"<" is not allowed in an attribute value (write &lt;)`)
		case c == '&':
			needsDecode = true
			n, err := s.checkReference(k)
			if err != nil {
				// What follows "&" may be part of a password: name the
				// attribute, never its text (docs/secrets.md).
				return false, 0, s.valueReferenceError(k, name)
			}
			k += n
			continue
		}
		if c == '\t' || c == '\n' || c == '\r' {
			needsDecode = true
		}
		n, err := s.charAt(k)
		if err != nil {
			return false, 0, err
		}
		k += n
	}
	*a = AttrInfo{
		Name:  attrName,
		Whole: Span{ws, k + 1},
		Key:   Span{i, nameEnd},
		Value: Span{valStart, k},
		Quote: q,
	}
	return needsDecode, k + 1, nil
}

// plainValueByte marks the bytes an attribute value holds as they are:
// printable ASCII but "<" and "&".
var plainValueByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '<' && c != '&'
	}
	return t
}()

// plainValueWord reports whether the eight bytes of w are all
// plainValueByte and none is the quote q.
func plainValueWord(w uint64, q byte) bool {
	return plainWord(w) && !wordHasByte(w, q)
}

// plainWord reports whether the eight bytes of w are all plainValueByte.
func plainWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	if (w|(w-0x20*ones))&highs != 0 {
		return false // a byte below 0x20 or from 0x80 (see checkChars)
	}
	return !wordHasByte(w, '<') && !wordHasByte(w, '&')
}

// wordHasByte is the exact test for a lane of w equal to b: a zero lane of
// w^b borrows and sets its high bit; a lane that is not zero, below the
// first zero lane, never does.
func wordHasByte(w uint64, b byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	v := w ^ (uint64(b) * ones)
	return (v-ones)&^v&highs != 0
}

// plainRun reports whether every byte of b is plainValueByte: a word at a
// time, the last word overlapping the one before.
func plainRun(b []byte) bool {
	if len(b) < 8 {
		for _, c := range b {
			if !plainValueByte[c] {
				return false
			}
		}
		return true
	}
	for i := 0; i+8 <= len(b); i += 8 {
		if !plainWord(binary.LittleEndian.Uint64(b[i:])) {
			return false
		}
	}
	return plainWord(binary.LittleEndian.Uint64(b[len(b)-8:]))
}

func describeByte(text []byte, i int) string {
	if i >= len(text) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(text[i:])
	return strconv.QuoteRune(r)
}

// checkQName enforces the Namespaces in XML form prefix:local.
func (s *scanner) checkQName(at int, name []byte) error {
	colon := bytes.IndexByte(name, ':')
	if colon < 0 {
		return nil
	}
	s.prefixed = true
	if colon == 0 || colon == len(name)-1 || bytes.IndexByte(name[colon+1:], ':') >= 0 {
		return s.errAt(at, "%q is not a valid qualified name", name)
	}
	return nil
}

// bind records that the element being opened declares prefix.
func (s *scanner) bind(prefix string) {
	if s.bound == nil {
		s.bound = map[string]int{}
	}
	s.ns = append(s.ns, prefix)
	s.bound[prefix]++
}

// unbind forgets the prefixes declared since mark (an element closes).
func (s *scanner) unbind(mark int) {
	for _, p := range s.ns[mark:] {
		s.bound[p]--
	}
	s.ns = s.ns[:mark]
}

func (s *scanner) lookupPrefix(prefix string) bool {
	switch prefix {
	case "xml", "xmlns":
		return true
	}
	return s.bound[prefix] > 0
}

// findAttr returns the index of the attribute named name among the start
// tag's attrs so far, or -1: a scan while the tag has few (nearly always),
// a map once it has many.
func (s *scanner) findAttr(attrs []AttrInfo, name string) int {
	const scanLimit = 16
	if len(attrs) < scanLimit {
		for i := range attrs {
			if attrs[i].Name == name {
				return i
			}
		}
		return -1
	}
	if len(attrs) == scanLimit {
		if s.attrIndex == nil {
			s.attrIndex = make(map[string]int, 2*scanLimit)
		}
		clear(s.attrIndex)
		for i, a := range attrs {
			s.attrIndex[a.Name] = i
		}
	}
	if i, ok := s.attrIndex[name]; ok {
		return i
	}
	s.attrIndex[name] = len(attrs)
	return -1
}

// checkPrefixes rejects element and attribute prefixes that no xmlns:
// attribute declares, as System.Xml does.
func (s *scanner) checkPrefixes(el *etree.Element, info *ElementInfo, attrs []AttrInfo) error {
	if !s.prefixed {
		return nil // no name so far has a prefix
	}
	if el.Space != "" && !s.lookupPrefix(el.Space) {
		return s.errAt(info.Name.Start, "namespace prefix %q is not declared", el.Space)
	}
	for _, a := range attrs {
		colon := strings.IndexByte(a.Name, ':')
		if colon < 0 {
			continue
		}
		if p := a.Name[:colon]; !s.lookupPrefix(p) {
			return s.errAt(a.Key.Start, "namespace prefix %q is not declared", p)
		}
	}
	return nil
}

func (s *scanner) endTag() error {
	start := s.pos
	nameStart := start + 2
	nameEnd, err := s.scanName(nameStart)
	if err != nil {
		return err
	}
	name := s.text[nameStart:nameEnd]
	j := s.skipSpace(nameEnd)
	if j >= len(s.text) {
		return s.errAt(start, "unexpected end of file inside the end tag </%s>", name)
	}
	if s.text[j] != '>' || nameEnd == nameStart {
		return s.errAt(j, "malformed end tag: expected \">\"")
	}
	if len(s.stack) == 0 {
		return s.errAt(start, "end tag </%s> has no matching start tag", name)
	}
	top := s.stack[len(s.stack)-1]
	if !bytes.Equal(top.nameBytes, name) {
		p := s.doc.Pos(top.info.StartTag.Start)
		return s.errAt(start, "end tag </%s> does not match start tag <%s> at line %d, column %d", name, top.nameBytes, p.Line, p.Column)
	}
	s.pos = j + 1
	top.info.EndTag = Span{start, s.pos}
	s.stack = s.stack[:len(s.stack)-1]
	s.unbind(top.nsMark)
	s.attachChildren(top)
	return nil
}

package config

import (
	"fmt"
	"strings"
	"sync"
	"unsafe"

	"github.com/beevik/etree"
)

// Load parses the bytes of a configuration file. name is used in messages
// and to recognise the kind of file. A malformed file gives a *SyntaxError
// with the line and column of the problem.
//
// The document keeps data and reads its text from it for as long as it
// lives: the caller must not change data after Load.
func Load(name string, data []byte) (*Document, error) { return load(name, data, false) }

// LoadLean is Load for a document that is only read, in a quarter less
// memory: the white space between markup of an element that holds no
// other text (its indentation) gets no text token, and the spans of the
// attributes are not kept (ElementInfo.Attrs is nil; AttrInfo finds them
// in the text again when asked). Such an element's Text is "" instead of
// that white space, and XPath over the tree would see fewer nodes: xdt
// refuses a lean document. An element with other text keeps all its white
// space, so its text reads as with Load; a transform (a root that declares
// the XDT namespace) is loaded in full.
// Load and LoadLean accept and reject the same inputs, with the same
// errors; Lean tells the documents apart and Full gets the whole one.
func LoadLean(name string, data []byte) (*Document, error) { return load(name, data, true) }

func load(name string, data []byte, lean bool) (*Document, error) {
	src, err := decode(data)
	if err != nil {
		return nil, &SyntaxError{File: name, Line: 1, Column: 1, Msg: err.Error()}
	}
	d := &Document{
		Path: name,
		Tree: etree.NewDocument(),
		raw:  data,
		src:  src,
		// Sized from the corpus (see bytesPerElement): a token other than
		// an element or indentation per ~960 bytes.
		order:   make([]*etree.Element, 0, len(src.text)/bytesPerElement+8),
		tokens:  make(map[etree.Token]Span, len(src.text)/1024+8),
		lookups: &lookups{},
	}
	d.Tree.Child = make([]etree.Token, 0, 4) // declaration, root, and the line ends around them
	// The text is never changed once decoded (Load's contract for data, and
	// decode's own buffer otherwise), so the string can share its bytes
	// instead of copying the whole file.
	d.str = unsafe.String(unsafe.SliceData(src.text), len(src.text))
	scratch := scratchPool.Get().(*scanScratch)
	defer scratch.release()
	s := &scanner{text: src.text, str: d.str, doc: d, known: knownStrings(),
		lean:          lean,
		children:      scratch.children[:0],
		stack:         scratch.stack[:0],
		gaps:          scratch.gaps[:0],
		attrScratch:   scratch.attrs,
		decodeScratch: scratch.decode[:0],
	}
	defer scratch.keep(s)
	if err := s.run(); err != nil {
		return nil, err
	}
	d.lean = s.lean
	d.kind = d.classify()
	d.locations = d.findLocations()
	d.locByPath = map[string][]Location{}
	for _, l := range d.locations {
		k := strings.ToLower(l.Path)
		d.locByPath[k] = append(d.locByPath[k], l)
	}
	if len(d.locations) > 1 {
		d.locSorted = sortedLocations(d.locations)
	} else {
		d.locSorted = d.locations
	}
	d.sections = &sync.Map{}
	return d, nil
}

// MustLoad is Load for tests and built-in data; it panics on error.
func MustLoad(name string, data []byte) *Document {
	d, err := Load(name, data)
	if err != nil {
		panic(fmt.Sprintf("config.MustLoad: %v", err))
	}
	return d
}

// scanScratch is the scanner's working space, reused from one Load to the
// next (sized for most files: a tag has up to a dozen attributes, configs
// nest about ten deep) instead of being allocated per document.
type scanScratch struct {
	children []etree.Token
	stack    []openElement
	gaps     []gap
	attrs    []AttrInfo // all of it in use (len == cap)
	decode   []bool
}

var scratchPool = sync.Pool{New: func() any {
	return &scanScratch{
		children: make([]etree.Token, 0, 256),
		stack:    make([]openElement, 0, 32),
		gaps:     make([]gap, 0, 64),
		attrs:    make([]AttrInfo, 16),
		decode:   make([]bool, 0, 16),
	}
}}

// keep takes back the scanner's slices, which may have grown: by a little
// (kept), or for an unusual file (left to the collector).
func (sc *scanScratch) keep(s *scanner) {
	const keepUpTo = 4096
	if cap(s.children) <= keepUpTo && cap(s.stack) <= keepUpTo && cap(s.gaps) <= keepUpTo &&
		len(s.attrScratch) <= keepUpTo && cap(s.decodeScratch) <= keepUpTo {
		sc.children, sc.stack, sc.gaps, sc.attrs, sc.decode = s.children, s.stack, s.gaps, s.attrScratch, s.decodeScratch
	}
}

// release clears what points into the document (so that the pool does
// not keep it alive) and returns the scratch to the pool.
func (sc *scanScratch) release() {
	clear(sc.children[:cap(sc.children)])
	clear(sc.stack[:cap(sc.stack)])
	clear(sc.attrs) // names are cut from the document's text
	scratchPool.Put(sc)
}

package config

import (
	"fmt"
	"strings"
	"sync"

	"github.com/beevik/etree"
)

// Load parses the bytes of a configuration file. name is used in messages
// and to recognise the kind of file. A malformed file gives a *SyntaxError
// with the line and column of the problem.
func Load(name string, data []byte) (*Document, error) {
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
		elems:   make(map[*etree.Element]*ElementInfo, len(src.text)/bytesPerElement+8),
		order:   make([]*etree.Element, 0, len(src.text)/bytesPerElement+8),
		tokens:  make(map[etree.Token]Span, len(src.text)/1024+8),
		lookups: &lookups{},
	}
	d.Tree.Child = make([]etree.Token, 0, 4) // declaration, root, and the line ends around them
	d.str = string(src.text)
	// Scratch space at the sizes most files need (a tag has up to a dozen
	// attributes; configs nest about ten deep), so that it grows seldom.
	s := &scanner{text: src.text, str: d.str, doc: d, known: knownStrings(),
		children:      make([]etree.Token, 0, 256),
		stack:         make([]openElement, 0, 32),
		attrScratch:   make([]AttrInfo, 0, 16),
		decodeScratch: make([]bool, 0, 16),
	}
	if err := s.run(); err != nil {
		return nil, err
	}
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

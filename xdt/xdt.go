// Package xdt applies XML-Document-Transform files (Web.Release.config and
// the like) to a configuration document the way Microsoft.Web.XmlTransform
// does, but as splices: every line a transform does not touch stays
// byte-identical. It is pure: no file system, no output. docs/xdt.md gives
// the semantics and their public sources.
package xdt

import (
	"fmt"
	"sort"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// WarningKind says what a warning is about.
type WarningKind int

const (
	// NoMatch: a transform's path or locator selects nothing in its source,
	// so the transform does nothing (Microsoft logs a warning and goes on).
	NoMatch WarningKind = iota
	// NoEffect: the transform matched but changed nothing.
	NoEffect
	// MatchAttributeMissing: Match(x) on an element that has no x.
	MatchAttributeMissing
)

// Warning is a problem that does not stop the transform.
type Warning struct {
	Kind    WarningKind
	Doc     *config.Document // the transform file
	Element *etree.Element   // the transform element it is about
	Start   config.Pos
	End     config.Pos
	Msg     string
}

func (w Warning) String() string {
	return fmt.Sprintf("%s:%d:%d: warning: %s", w.Doc.Path, w.Start.Line, w.Start.Column, w.Msg)
}

// ErrorKind says why a transform could not be applied.
type ErrorKind int

const (
	// ErrInvalid: the transform file is not a valid transform (unknown
	// transform or locator, bad arguments, bad XPath, xdt:Import).
	ErrInvalid ErrorKind = iota
	// ErrMissingTarget: an Insert-family transform whose parent (or
	// InsertBefore/After target) is not in the source; Microsoft fails.
	ErrMissingTarget
	// ErrResult: the transformed text does not parse (an internal error).
	ErrResult
)

// Error stops a transform; nothing is produced.
type Error struct {
	Kind  ErrorKind
	File  string
	Start config.Pos
	End   config.Pos
	Msg   string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Start.Line, e.Start.Column, e.Msg)
}

// Result is a transformed document.
type Result struct {
	Doc      *config.Document // the result; Doc.Bytes() is the file to write
	Warnings []Warning
	// Applied counts the transform elements that changed the document.
	Applied int
	// Parses counts how often the edited text was parsed again: once per
	// batch of transforms that do not read each other's results.
	Parses int
	// Touched are the spans of the source's elements that a transform
	// edited, replaced, removed or inserted into; every other line of the
	// source is in the result byte for byte.
	Touched []config.Span
	files   []*config.Document // the source, then each transform
	pieces  []piece            // where each run of Doc's text came from
}

// piece maps the result's text [start, end) to files[file]: offset off
// onwards, or, when fixed, every byte to off (text a transform wrote).
type piece struct {
	start, end int
	file       int
	off        int
	fixed      bool
}

// Origin says which file produced the byte at offset of the result's text
// (the source or a transform) and where in it.
func (r *Result) Origin(offset int) (*config.Document, int) {
	i := sort.Search(len(r.pieces), func(i int) bool { return r.pieces[i].end > offset })
	if i == len(r.pieces) {
		if len(r.pieces) == 0 {
			return r.files[0], offset
		}
		i = len(r.pieces) - 1
	}
	p := r.pieces[i]
	if p.fixed {
		return r.files[p.file], p.off
	}
	return r.files[p.file], p.off + offset - p.start
}

// OriginOf is Origin for the span [start, end): where a transform wrote
// any of it, that transform's place; otherwise the source's.
func (r *Result) OriginOf(start, end int) (*config.Document, int) {
	i := sort.Search(len(r.pieces), func(i int) bool { return r.pieces[i].end > start })
	for ; i < len(r.pieces) && r.pieces[i].start < end; i++ {
		if p := r.pieces[i]; p.file != 0 {
			return r.files[p.file], p.off
		}
	}
	return r.Origin(start)
}

// FromTransform reports whether the byte at offset was written by a transform.
func (r *Result) FromTransform(offset int) bool {
	d, _ := r.Origin(offset)
	return d != r.files[0]
}

// Apply applies transforms to src in order, each to the previous result.
// src is not changed. On an *Error nothing is returned. The documents must
// have every token (config.Load, not LoadLean): XPath sees the white
// space between markup as text nodes.
func Apply(src *config.Document, transforms ...*config.Document) (*Result, error) {
	refuseLean(src)
	for _, t := range transforms {
		refuseLean(t)
	}
	res := &Result{Doc: src, files: []*config.Document{src}}
	if n := len(src.Text()); n > 0 {
		res.pieces = []piece{{start: 0, end: n}}
	}
	for _, t := range transforms {
		if err := Check(t); err != nil {
			return nil, err
		}
		res.files = append(res.files, t)
		e := &engine{res: res, tr: t, file: len(res.files) - 1, noMatch: map[*etree.Element]bool{}}
		if err := e.run(); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// refuseLean panics on a document without the text nodes XPath sees: a
// caller's mistake that would change which nodes a transform matches.
func refuseLean(d *config.Document) {
	if d.Lean() {
		panic("xdt.Apply: " + d.Path + " was loaded by config.LoadLean, without the white space text nodes XPath sees; load it with config.Load (or take its Full)")
	}
}

// Check reports the first reason t cannot be applied at all: an unknown
// transform or locator, missing or extra arguments, an XPath that does not
// compile, xdt:Import.
func Check(t *config.Document) error {
	for _, e := range t.Elements() {
		if e.Space != "" && e.NamespaceURI() == Namespace {
			if e.Tag == "Import" {
				return errAt(t, e, ErrInvalid, "xdt:Import loads transforms from a .NET assembly; iiscfg cannot run them (remove the element and the transforms that use it)")
			}
			return errAt(t, e, ErrInvalid, "unknown element xdt:%s in a transform", e.Tag)
		}
		if c, ok, err := TransformOf(e); ok {
			if err != nil {
				return attrErr(t, e, "Transform", "xdt:Transform: %v", err)
			}
			if msg := CheckTransform(c); msg != "" {
				return attrErr(t, e, "Transform", "%s", msg)
			}
			if c.Name == "InsertBefore" || c.Name == "InsertAfter" {
				if _, err := compile(c.Args, t, e); err != nil {
					return attrErr(t, e, "Transform", "xdt:Transform=%q: XPath: %v", c.Name, err)
				}
			}
		}
		if c, ok, err := LocatorOf(e); ok {
			if err != nil {
				return attrErr(t, e, "Locator", "xdt:Locator: %v", err)
			}
			if msg := CheckLocator(c); msg != "" {
				return attrErr(t, e, "Locator", "%s", msg)
			}
			if c.Name == "Condition" || c.Name == "XPath" {
				if _, err := compile(c.Args, t, e); err != nil {
					return attrErr(t, e, "Locator", "xdt:Locator=%q: XPath: %v", c.Name, err)
				}
			}
		}
	}
	return nil
}

// CheckTransform says what is wrong with an xdt:Transform value, or "".
func CheckTransform(c Call) string {
	if !known(c.Name, transformNames) {
		msg := fmt.Sprintf("unknown transform %q", c.Name)
		if s := Suggest(c.Name, transformNames); s != "" {
			return msg + fmt.Sprintf(" (names are case-sensitive: %q)", s)
		}
		return msg + " (known: Replace, Insert, InsertIfMissing, InsertBefore, InsertAfter, Remove, RemoveAll, RemoveAttributes, SetAttributes)"
	}
	switch c.Name {
	case "InsertBefore", "InsertAfter":
		if !c.HasArgs || c.Args == "" {
			return fmt.Sprintf("%s needs an XPath argument: %s(/configuration/...)", c.Name, c.Name)
		}
	case "Replace", "Insert", "InsertIfMissing", "Remove", "RemoveAll":
		if c.HasArgs && c.Args != "" {
			return fmt.Sprintf("%s takes no arguments", c.Name)
		}
	}
	return ""
}

// CheckLocator says what is wrong with an xdt:Locator value, or "".
func CheckLocator(c Call) string {
	if !known(c.Name, locatorNames) {
		msg := fmt.Sprintf("unknown locator %q", c.Name)
		if s := Suggest(c.Name, locatorNames); s != "" {
			return msg + fmt.Sprintf(" (names are case-sensitive: %q)", s)
		}
		return msg + " (known: Match, Condition, XPath)"
	}
	if !c.HasArgs || c.Args == "" {
		return fmt.Sprintf("locator %s needs an argument: %s(...)", c.Name, c.Name)
	}
	return ""
}

func errAt(d *config.Document, e *etree.Element, kind ErrorKind, format string, args ...any) *Error {
	info := d.Info(e)
	return &Error{Kind: kind, File: d.Path, Start: d.Pos(info.StartTag.Start), End: d.Pos(info.StartTag.End), Msg: fmt.Sprintf(format, args...)}
}

func attrErr(d *config.Document, e *etree.Element, local, format string, args ...any) *Error {
	err := errAt(d, e, ErrInvalid, format, args...)
	for _, a := range d.Info(e).Attrs {
		if a.Name == "xdt:"+local || hasLocal(a.Name, local) {
			err.Start, err.End = d.Pos(a.Key.Start), d.Pos(a.Value.End+1)
			break
		}
	}
	return err
}

func hasLocal(qname, local string) bool {
	for i := 0; i < len(qname); i++ {
		if qname[i] == ':' {
			return qname[i+1:] == local
		}
	}
	return false
}

package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/validate"
	"github.com/iiscfg/iiscfg/xdt"
)

// Judging web.config as deployed: after the XDT transforms --transform
// names (grouped by folder: a transform applies to the web.config beside
// it) or --configuration picks (Web.NAME.config beside each web.config).
// Findings are mapped back to the file and line that caused them: the
// transform's when the offending markup came from it (docs/xdt.md).

// deployPlan says which transforms make each web.config's deployed form.
type deployPlan struct {
	byDir         map[string][]string // absolute folder → transforms as given, in order
	configuration string
	mu            sync.Mutex
	used          map[string]bool // folders whose web.config was judged
}

func newDeployPlan(transforms []string, configuration string) *deployPlan {
	if len(transforms) == 0 && configuration == "" {
		return nil
	}
	d := &deployPlan{byDir: map[string][]string{}, configuration: configuration, used: map[string]bool{}}
	for _, t := range transforms {
		abs, err := filepath.Abs(t)
		if err != nil {
			abs = t
		}
		dir := filepath.Dir(abs)
		d.byDir[dir] = append(d.byDir[dir], t)
	}
	return d
}

// chainFor lists the transforms for the web.config at path, in order.
func (d *deployPlan) chainFor(path string) []string {
	if d == nil {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	dir := filepath.Dir(abs)
	var chain []string
	if d.configuration != "" {
		if name := siblingNamed(dir, "web."+d.configuration+".config"); name != "" {
			chain = append(chain, filepath.Join(filepath.Dir(path), name))
		}
	}
	for _, t := range d.byDir[dir] {
		if len(chain) == 0 || !sameFile(chain[0], t) {
			chain = append(chain, t)
		}
	}
	if len(chain) > 0 {
		d.mu.Lock()
		d.used[dir] = true
		d.mu.Unlock()
	}
	return chain
}

// unused names the --transform files whose folder had no web.config judged.
func (d *deployPlan) unused() []string {
	if d == nil {
		return nil
	}
	var out []string
	for dir, ts := range d.byDir {
		if !d.used[dir] {
			out = append(out, ts...)
		}
	}
	sort.Strings(out)
	return out
}

func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// siblingNamed finds the file of dir whose name is name in any letter case.
func siblingNamed(dir, name string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	for _, e := range entries {
		if strings.EqualFold(e.Name(), name) && e.Type().IsRegular() {
			return e.Name()
		}
	}
	return ""
}

// deployed applies chain to doc; the error is ready to report.
func deployed(doc *config.Document, chain []string) (*xdt.Result, *report.Error) {
	var trs []*config.Document
	for _, t := range chain {
		d, err := readDocument(input{path: t}, nil, nil)
		if err != nil {
			return nil, err
		}
		trs = append(trs, d)
	}
	res, err := xdt.Apply(doc, trs...)
	if err != nil {
		var xe *xdt.Error
		if errors.As(err, &xe) {
			return nil, &report.Error{File: xe.File, Line: xe.Start.Line, Column: xe.Start.Column,
				Message: fmt.Sprintf("cannot judge %s as deployed: %s", doc.Path, xe.Msg)}
		}
		return nil, &report.Error{File: doc.Path, Message: err.Error()}
	}
	return res, nil
}

// locate moves findings on a transformed document to where their text
// came from, and collects the lines they quote.
func locate(res *xdt.Result, fs []validate.Finding, lines func(d *config.Document, n int)) []validate.Finding {
	for i := range fs {
		f := &fs[i]
		d, off := res.OriginOf(f.Start.Offset, f.End.Offset)
		start := d.Pos(off)
		end := start
		if d2, off2 := res.Origin(f.End.Offset); d2 == d && off2 >= off && !res.FromTransform(f.Start.Offset) {
			end = d.Pos(off2)
		} else if d != res.Doc && d.Kind() == config.KindTransform {
			end = transformTagEnd(d, off)
		}
		f.File, f.Start, f.End = d.Path, start, end
		lines(d, start.Line)
	}
	return fs
}

// transformTagEnd is the end of what starts at offset of a transform (the
// element or attribute a finding is mapped to): the start tag's end, or the
// attribute value's closing quote.
func transformTagEnd(d *config.Document, offset int) config.Pos {
	for _, e := range d.Elements() {
		info := d.Info(e)
		if info.StartTag.Start == offset {
			return d.Pos(info.StartTag.End)
		}
		if info.StartTag.Start < offset && offset < info.StartTag.End {
			for _, a := range info.Attrs {
				if a.Key.Start == offset {
					return d.Pos(a.Value.End + 1)
				}
			}
		}
	}
	return d.Pos(offset)
}

// transformSource is the web.config beside a transform file, if it parses.
func transformSource(path string) *config.Document {
	dir := filepath.Dir(path)
	name := siblingNamed(dir, "web.config")
	if name == "" {
		return nil
	}
	doc, err := readDocument(input{path: filepath.Join(dir, name)}, nil, nil)
	if err != nil {
		return nil
	}
	return doc
}

// dropRepeatedDuplicates: a duplicate key an Insert introduces is reported
// on the transform by xdt-duplicate-insert when the transform is linted in
// the same run; the deployed web.config's duplicate-collection-key finding
// mapped to the same line says it again.
func dropRepeatedDuplicates(fs []validate.Finding) []validate.Finding {
	type at struct {
		file string
		line int
	}
	inserts := map[at]bool{}
	for _, f := range fs {
		if f.Rule == validate.XDTDuplicateInsert {
			inserts[at{f.File, f.Start.Line}] = true
		}
	}
	if len(inserts) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if f.Rule == validate.DuplicateKey && inserts[at{f.File, f.Start.Line}] {
			continue
		}
		out = append(out, f)
	}
	return out
}

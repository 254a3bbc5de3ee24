package validate

import (
	"errors"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/xdt"
)

// The xdt-* rules read an XDT transform file (Web.Release.config). Those
// that need to know what the transform does apply it to ctx.TransformSource,
// the web.config beside it; docs/xdt.md gives the semantics.

// transformRun is the transform applied once per pass.
type transformRun struct {
	res *xdt.Result
	err *xdt.Error
}

// transformed applies the document (a transform) to ctx.TransformSource;
// nil when there is no source or the document is not a transform.
func (p *pass) transformed() *transformRun {
	if p.doc.Kind() != config.KindTransform || p.ctx.TransformSource == nil {
		return nil
	}
	if p.xdt == nil {
		run := &transformRun{}
		res, err := xdt.Apply(p.ctx.TransformSource, p.doc)
		var xe *xdt.Error
		if errors.As(err, &xe) {
			run.err = xe
		}
		run.res = res
		p.xdt = run
	}
	return p.xdt
}

// transformElements lists the elements of a transform file that carry an
// xdt:Transform or xdt:Locator, with the parsed values.
func transformElements(doc *config.Document, f func(e *etree.Element)) {
	if doc.Kind() != config.KindTransform {
		return
	}
	for _, e := range doc.Elements() {
		f(e)
	}
}

// reportXDTAttr reports on an element's xdt:local attribute.
func (p *pass) reportXDTAttr(e *etree.Element, local, format string, args ...any) {
	for _, a := range p.doc.Info(e).Attrs {
		if a.Name == "xdt:"+local || (len(a.Name) > len(local) && a.Name[len(a.Name)-len(local)-1:] == ":"+local) {
			p.reportSpan(p.rule.Severity, config.Span{Start: a.Key.Start, End: a.Value.End + 1}, format, args...)
			return
		}
	}
	p.reportStartTag(e, format, args...)
}

// reportWarnings reports the engine's warnings of one kind.
func (p *pass) reportWarnings(kind xdt.WarningKind) {
	run := p.transformed()
	if run == nil || run.res == nil {
		return
	}
	for _, w := range run.res.Warnings {
		if w.Kind == kind && w.Doc == p.doc {
			p.reportStartTag(w.Element, "%s", w.Msg)
		}
	}
}

package validate

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// DeadPreCondition: entries IIS skips in the application's pool.
var DeadPreCondition = register(&Rule{
	Code:     "IC301",
	Name:     "dead-precondition",
	Severity: Warning,
	Summary:  "a module or handler whose preCondition never holds in the application's pool: IIS skips it silently",
	Doc: `A preCondition limits an entry to some pools: integratedMode or classicMode, runtimeVersionv2.0 or
runtimeVersionv4.0, bitness32 or bitness64. IIS evaluates it per pool and simply leaves the
entry out where it does not hold, without a word in any log. A handler written by "appcmd
migrate config" carries preCondition="integratedMode,runtimeVersionv2.0", so in a .NET 4 pool
it does nothing, and requests go to the next matching handler.

The rule checks the modules and handlers the file adds, against the application's pool
(--apphost), or against an Integrated pool of --runtime for a lone file. A handler that has a
variant for this pool in the same <handlers> element (the same path and verb with another
preCondition) is not reported: the file serves several kinds of pools on purpose.

Fix it by writing the token of the pool the application runs in (runtimeVersionv4.0), or by
removing the entry; "iiscfg migrate" writes handlers with the pool's runtime.`,
	check: checkDeadPreCondition,
})

func checkDeadPreCondition(p *pass) {
	if p.doc.Kind() != config.KindWebConfig && !(p.doc.Kind() == config.KindAppHost && p.ctx.Path != "") {
		return
	}
	pool := p.ctx.Pool
	for _, e := range p.preConditionEntries() {
		if e.kind == "global module" || (p.doc.Kind() == config.KindAppHost && !p.locationIn(e.elem)) {
			continue
		}
		pc := e.pc
		var failing []string
		unknown := false
		for _, t := range e.tokens {
			if schema.ClassifyToken(t) == schema.TokenUnknown || (t == "managedHandler" && !e.module) {
				unknown = true // unknown-precondition's finding
			} else if !schema.TokenHolds(t, pool, e.module) {
				failing = append(failing, t)
			}
		}
		if unknown || len(failing) == 0 || (!e.module && p.hasVariant(e.elem)) {
			continue
		}
		p.reportAttr(e.elem, "preCondition", "%s %s has preCondition %q, which never holds here", e.kind, entryName(e.elem), pc)
		p.explain(fmt.Sprintf("%s never holds in %s, so IIS skips the entry", quoteAll(failing), describePool(pool)), deadFix(failing, pool))
	}
}

// hasVariant reports whether the handler's <handlers> element has another
// handler for the same path and verb whose preCondition holds in the pool.
func (p *pass) hasVariant(h *etree.Element) bool {
	parent := h.Parent()
	for _, o := range parent.SelectElements("add") {
		if o == h || o.SelectAttrValue("path", "") != h.SelectAttrValue("path", "") || o.SelectAttrValue("verb", "") != h.SelectAttrValue("verb", "") {
			continue
		}
		if schema.PreConditionHolds(o.SelectAttrValue("preCondition", ""), p.ctx.Pool, false) {
			return true
		}
	}
	return false
}

func deadFix(failing []string, pool schema.Pool) string {
	for _, t := range failing {
		if strings.HasPrefix(t, "runtimeVersion") && pool.Runtime != "" {
			return fmt.Sprintf("write %q, or remove the entry", pool.Runtime.Token())
		}
	}
	return "remove the entry, or the tokens that exclude this pool"
}

package validate

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// preConditionEntry is an <add> of system.webServer/modules, handlers or
// globalModules that carries a preCondition.
type preConditionEntry struct {
	elem   *etree.Element
	module bool   // a module (managedHandler is valid there)
	kind   string // "module", "handler" or "global module"
	pc     string // the preCondition as written
	tokens []string
}

// preConditionEntries lists the document's entries with a preCondition,
// in document order (found once per pass: two rules read them).
func (p *pass) preConditionEntries() []preConditionEntry {
	if p.preConditions == nil {
		p.preConditions = p.findPreConditionEntries()
	}
	return *p.preConditions
}

func (p *pass) findPreConditionEntries() *[]preConditionEntry {
	var out []preConditionEntry
	for _, sec := range []struct {
		path, kind string
		module     bool
	}{
		{schema.Modules.Path, "module", true},
		{schema.Handlers.Path, "handler", false},
		{"system.webServer/globalModules", "global module", true},
	} {
		for _, coll := range p.doc.SectionElements(sec.path) {
			for _, add := range coll.SelectElements("add") {
				if a := add.SelectAttr("preCondition"); a != nil {
					out = append(out, preConditionEntry{elem: add, module: sec.module, kind: sec.kind, pc: a.Value, tokens: schema.PreConditionTokens(a.Value)})
				}
			}
		}
	}
	return &out
}

// describePool names a pool for messages: "an Integrated v4.0 pool".
func describePool(pool schema.Pool) string {
	mode := "an Integrated"
	if !pool.Integrated {
		mode = "a Classic"
	}
	runtime := string(pool.Runtime)
	if runtime == "" {
		runtime = "No Managed Code"
	}
	bits := ""
	if pool.Bitness != 0 {
		bits = fmt.Sprintf(", %d-bit", pool.Bitness)
	}
	name := ""
	if pool.Name != "" {
		name = fmt.Sprintf(" (%q)", pool.Name)
	}
	return fmt.Sprintf("%s %s%s pool%s", mode, runtime, bits, name)
}

func entryName(e *etree.Element) string {
	if n := e.SelectAttrValue("name", ""); n != "" {
		return fmt.Sprintf("%q", n)
	}
	return "without a name"
}

// locationIn reports whether an element's <location> path (in the chain's
// coordinates) is the checked path or below it.
func (p *pass) locationIn(e *etree.Element) bool {
	loc, _ := config.LocationOf(e)
	return config.PathCovers(p.base(), config.JoinPath(p.ctx.Prefix, loc))
}

func quoteAll(ts []string) string {
	q := make([]string, len(ts))
	for i, t := range ts {
		q[i] = fmt.Sprintf("%q", t)
	}
	return strings.Join(q, ", ")
}

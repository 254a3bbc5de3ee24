package validate

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// The opt-in security rules (IC7xx) judge the effective configuration:
// a setting is reported on the element that sets it, when no later level
// along the chain (a <location> below it, an application's web.config
// below applicationHost.config) sets it otherwise. Their public sources
// are in docs/ancm-rewrite-security.md.

// securitySet is the name of the opt-in rule set.
const securitySet = "security"

// insecureSetting is one attribute value a security rule reports.
type insecureSetting struct {
	section, attr string
	bad           func(value string) bool
}

// effectiveInsecure returns the elements of this document that write an
// insecure value which still applies at their own path.
func (p *pass) effectiveInsecure(s insecureSetting) []*etree.Element {
	if p.doc.Kind() == config.KindTransform {
		return nil // a transform's effect depends on the file it changes
	}
	var out []*etree.Element
	for _, e := range p.ownElements(s.section) {
		a := e.SelectAttr(s.attr)
		if a == nil || !s.bad(a.Value) {
			continue
		}
		if p.settingAt(s.section, s.attr, p.pathOf(e)).elem == e {
			out = append(out, e)
		}
	}
	return out
}

// retail reports whether machine.config along the chain has <deployment
// retail="true">, which turns debug compilation, tracing and detailed
// ASP.NET errors off for every application of the machine.
func (p *pass) retail(path string) bool {
	on, _ := parseBool(p.settingAt("system.web/deployment", "retail", path).value)
	return on
}

func isTrue(v string) bool {
	b, ok := parseBool(v)
	return ok && b
}

func isFalse(v string) bool {
	b, ok := parseBool(v)
	return ok && !b
}

func equalsAny(vals ...string) func(string) bool {
	return func(v string) bool {
		v = strings.TrimSpace(v)
		for _, x := range vals {
			if strings.EqualFold(v, x) {
				return true
			}
		}
		return false
	}
}

// exactly matches values case-sensitively, as .NET's enum converters read
// them.
func exactly(vals ...string) func(string) bool {
	return func(v string) bool {
		for _, x := range vals {
			if v == x {
				return true
			}
		}
		return false
	}
}

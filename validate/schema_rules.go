package validate

import "strings"

// ChecksSchema reports whether the rule is one of the schema rules (IC2xx),
// which read a file on its own rather than an application's requests.
func (r *Rule) ChecksSchema() bool { return strings.HasPrefix(r.Code, "IC2") }

// schemaRule registers a rule whose findings come from the shared schema
// walk (schema_check.go).
func schemaRule(r *Rule) *Rule {
	r.check = func(p *pass) {
		for _, is := range p.schemaIssues() {
			if is.rule != p.rule.Name {
				continue
			}
			switch {
			case is.sev != nil:
				p.reportSpan(*is.sev, p.doc.Info(is.elem).StartTag, "%s", is.msg)
			case is.attr != "":
				p.reportAttr(is.elem, is.attr, "%s", is.msg)
			default:
				p.reportStartTag(is.elem, "%s", is.msg)
			}
			if is.note != "" || is.help != "" {
				p.explain(is.note, is.help)
			}
		}
	}
	return register(r)
}

// The schema rules' names; the walk tags its issues with them.
const (
	nameUnknownElement       = "unknown-element"
	nameUnknownAttribute     = "unknown-attribute"
	nameInvalidValue         = "invalid-value"
	nameMissingRequired      = "missing-required-attribute"
	nameDuplicateKey         = "duplicate-collection-key"
	nameDuplicateSection     = "duplicate-section"
	nameUnsupportedDirective = "unsupported-collection-directive"
	nameLockedSection        = "locked-section"
	nameUndeclaredSection    = "undeclared-section"
	nameMisplacedSection     = "misplaced-section"
	nameModuleNotInstalled   = "module-not-installed"
	nameFeatureNotInstalled  = "feature-not-installed"
)

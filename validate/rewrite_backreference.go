package validate

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"
)

// RewriteBackReference: {R:n} or {C:n} past the captures that exist.
var RewriteBackReference = register(&Rule{
	Code:     "IC602",
	Name:     "rewrite-back-reference",
	Severity: Error,
	Summary:  `{R:n} or {C:n} past the capture groups of the rule's pattern or conditions: URL Rewrite substitutes an empty string`,
	Doc: `In a rule's action, server variables and condition inputs, {R:n} is the n-th capture of the
rule's match pattern and {C:n} the n-th capture of the conditions ({R:0} and {C:0} are the
whole match). Under ECMAScript syntax each "(...)" that is not "(?:...)" or a lookaround
captures; under Wildcard each "*" captures; ExactMatch captures nothing but the whole input.
A negated pattern (negate="true") captures nothing. A reference past the last group is not an
error for IIS: it becomes an empty string, so "https://{HTTP_HOST}/{R:2}" with one group
redirects every request to the home page.

Without trackAllCaptures (the inbound default), {C:n} refers to the last condition that
matched, so the rule allows n up to the largest group count of the rule's pattern conditions;
with trackAllCaptures="true" (the outbound default) the captures of all conditions are
numbered in a row, and the rule allows their total.

Fix it by counting the parentheses again (a "(?:...)" group does not capture), or by adding
the missing group.`,
	check: checkRewriteBackReference,
})

func checkRewriteBackReference(p *pass) {
	for _, r := range p.rewriteRules() {
		ruleGroups := -1 // no match pattern: no {R:n} at all
		ruleText := "the rule has no match pattern"
		if _, pat, ok := r.matchPattern(); ok {
			c := compilePattern(r.syntax(), pat)
			if c.err != "" {
				continue // rewrite-invalid-pattern's finding
			}
			ruleGroups = c.groups
			ruleText = groupCount("the rule's match pattern", "", c.groups)
			if negated(r.match()) {
				ruleGroups, ruleText = 0, "the rule's match pattern is negated, so it captures nothing"
			}
		}
		condGroups, total, anyPattern := -1, -1, false
		for _, c := range r.conditions() {
			if !isPatternCondition(c) || negated(c) {
				continue
			}
			cp := compilePattern(r.syntax(), c.SelectAttrValue("pattern", ""))
			if cp.err != "" {
				condGroups = 1 << 30 // cannot count: do not judge {C:n}
				continue
			}
			anyPattern = true
			condGroups = max(condGroups, cp.groups)
			total += cp.groups + 1
		}
		condText := "no condition of the rule matches a pattern (negated ones capture nothing)"
		if anyPattern {
			condText = groupCount("the largest condition pattern (only the last condition that matched counts)", "", condGroups)
		}
		if r.trackAllCaptures() && anyPattern && condGroups < 1<<30 {
			condGroups = total
			condText = fmt.Sprintf("with trackAllCaptures the conditions capture {C:0} to {C:%d}", total)
		}
		for _, s := range r.rewriteStrings() {
			for _, ref := range references(s.value) {
				if !ref.call || ref.index < 0 {
					continue
				}
				switch strings.ToUpper(ref.name) {
				case "R":
					if ref.index > ruleGroups {
						p.reportAttr(s.elem, s.attr, "{R:%d} in %s, but %s: URL Rewrite substitutes an empty string", ref.index, s.attr, ruleText)
					}
				case "C":
					if ref.index > condGroups {
						p.reportAttr(s.elem, s.attr, "{C:%d} in %s, but %s: URL Rewrite substitutes an empty string", ref.index, s.attr, condText)
					}
				}
			}
		}
	}
}

func negated(e *etree.Element) bool {
	b, _ := parseBool(e.SelectAttrValue("negate", ""))
	return b
}

// groupCount says how many groups a pattern (or the conditions) capture;
// n < 0 means there is nothing to capture from.
func groupCount(what, none string, n int) string {
	switch {
	case n < 0:
		return none
	case n == 1:
		return what + " has 1 capture group"
	}
	return fmt.Sprintf("%s has %d capture groups", what, n)
}

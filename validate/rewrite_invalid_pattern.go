package validate

import "github.com/beevik/etree"

// RewriteInvalidPattern: a URL Rewrite pattern that does not compile.
var RewriteInvalidPattern = register(&Rule{
	Code:     "IC601",
	Name:     "rewrite-invalid-pattern",
	Severity: Error,
	Summary:  `a URL Rewrite pattern that does not compile as a regular expression: HTTP 500.50 (inbound) or 500.52 (outbound) on every request`,
	Doc: `URL Rewrite compiles a rule's patterns when it loads the rules, not when the configuration
is saved: IIS accepts the file, and then every request the rules apply to fails with HTTP
500.50 "URL Rewrite Module Error" (inbound rules) or 500.52 (outbound rules), naming the
pattern. The rule compiles, under the rule's patternSyntax, each <match url> (inbound), <match
pattern> (outbound), each condition's pattern (matchType="Pattern", the default) and each
outbound preCondition's pattern. ECMAScript (the default syntax) is compiled with an
ECMAScript-compatible engine, so lookaheads, lookbehinds and named groups that IIS accepts
pass; Wildcard and ExactMatch patterns always compile.

Typical causes: an unescaped "(" or "[" in a literal path, a "?" or "*" quantifier with
nothing before it (a Wildcard pattern under the default ECMAScript syntax), "\" before a
letter that is not an escape.

Fix it by escaping the literal characters (\( \[ \? \*) or by setting patternSyntax="Wildcard"
for a glob such as "*.aspx".`,
	check: checkRewriteInvalidPattern,
})

func checkRewriteInvalidPattern(p *pass) {
	check := func(e *etree.Element, attr, syntax string, outbound bool) {
		a := e.SelectAttr(attr)
		if a == nil {
			return
		}
		if c := compilePattern(syntax, a.Value); c.err != "" {
			status := 50
			if outbound {
				status = 52
			}
			p.reportAttr(e, attr, "pattern \"%s\" does not compile as an %s regular expression (%s): URL Rewrite answers HTTP 500.%d to every request it checks; escape literal characters, or use patternSyntax=\"Wildcard\" for a glob", a.Value, syntax, c.err, status)
		}
	}
	for _, r := range p.rewriteRules() {
		if m := r.match(); m != nil {
			attr, _, _ := r.matchPattern()
			check(m, attr, r.syntax(), r.outbound)
		}
		for _, c := range r.conditions() {
			if isPatternCondition(c) {
				check(c, "pattern", r.syntax(), r.outbound)
			}
		}
	}
	for _, s := range p.ownElements(rewriteOutboundSection) {
		for _, pcs := range s.SelectElements("preConditions") {
			for _, pc := range pcs.SelectElements("preCondition") {
				for _, c := range pc.SelectElements("add") {
					if isPatternCondition(c) {
						check(c, "pattern", patternSyntax(pc), true)
					}
				}
			}
		}
	}
}

package validate

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	resyntax "github.com/dlclark/regexp2/v2/syntax"
)

// Facts about the URL Rewrite module; docs/ancm-rewrite-security.md gives
// the public sources.

// The sections that hold rules: distributed inbound rules (web.config and
// applicationHost.config), server-wide inbound rules (applicationHost.config
// only) and outbound rules.
const (
	rewriteRulesSection    = "system.webServer/rewrite/rules"
	rewriteGlobalSection   = "system.webServer/rewrite/globalRules"
	rewriteOutboundSection = "system.webServer/rewrite/outboundRules"
	rewriteMapsSection     = "system.webServer/rewrite/rewriteMaps"
	rewriteProvidersSect   = "system.webServer/rewrite/providers"
	rewriteAllowedVars     = "system.webServer/rewrite/allowedServerVariables"
)

// rewriteRule is one <rule> of a rewrite section.
type rewriteRule struct {
	elem     *etree.Element
	section  string
	outbound bool
}

// syntax is the rule's patternSyntax ("ECMAScript" when absent).
func (r rewriteRule) syntax() string { return patternSyntax(r.elem) }

func patternSyntax(e *etree.Element) string {
	v := strings.TrimSpace(e.SelectAttrValue("patternSyntax", ""))
	for _, s := range []string{"ECMAScript", "Wildcard", "ExactMatch"} {
		if strings.EqualFold(v, s) {
			return s
		}
	}
	return "ECMAScript" // the default; another value is invalid-value's finding
}

// match is the rule's <match> element, nil when it has none.
func (r rewriteRule) match() *etree.Element { return r.elem.SelectElement("match") }

// matchPattern is the pattern the rule's <match> applies: url inbound,
// pattern outbound.
func (r rewriteRule) matchPattern() (attr string, pattern string, ok bool) {
	m := r.match()
	if m == nil {
		return "", "", false
	}
	attr = "url"
	if r.outbound {
		attr = "pattern"
	}
	a := m.SelectAttr(attr)
	if a == nil {
		return attr, "", false
	}
	return attr, a.Value, true
}

// conditions are the rule's <conditions> element's <add> entries.
func (r rewriteRule) conditions() []*etree.Element {
	var out []*etree.Element
	for _, cs := range r.elem.SelectElements("conditions") {
		out = append(out, cs.SelectElements("add")...)
	}
	return out
}

// trackAllCaptures reads conditions/@trackAllCaptures (false inbound and
// true outbound by default, as the schema says).
func (r rewriteRule) trackAllCaptures() bool {
	for _, cs := range r.elem.SelectElements("conditions") {
		if b, ok := parseBool(cs.SelectAttrValue("trackAllCaptures", "")); ok {
			return b
		}
	}
	return r.outbound
}

// isPatternCondition reports whether a condition matches a pattern (the
// default matchType) rather than testing for a file or folder.
func isPatternCondition(c *etree.Element) bool {
	mt := strings.TrimSpace(c.SelectAttrValue("matchType", ""))
	return mt == "" || strings.EqualFold(mt, "Pattern")
}

// rewriteRules lists the document's rewrite rules, inbound then outbound,
// in document order within each section: found once per pass (eight rules
// read them), shared, not to be changed.
func (p *pass) rewriteRules() []rewriteRule {
	if p.rules == nil {
		rules := p.findRewriteRules()
		p.rules = &rules
	}
	return *p.rules
}

func (p *pass) findRewriteRules() []rewriteRule {
	var out []rewriteRule
	for _, sec := range []string{rewriteRulesSection, rewriteGlobalSection, rewriteOutboundSection} {
		for _, s := range p.ownElements(sec) {
			for _, r := range s.SelectElements("rule") {
				out = append(out, rewriteRule{elem: r, section: sec, outbound: sec == rewriteOutboundSection})
			}
		}
	}
	return out
}

// compiledPattern is what a pattern gives under its syntax: the number of
// capture groups (back-references 1..groups), or why it does not compile.
type compiledPattern struct {
	groups int
	err    string
}

var regexErrPrefix = regexp.MustCompile("^error parsing regexp: ")
var regexErrSuffix = regexp.MustCompile(" in `(?s:.*)`$")

// compilePattern compiles a URL Rewrite pattern. ECMAScript patterns go
// through dlclark/regexp2 in ECMAScript mode: Go's regexp (RE2) has no
// lookaround or back-references, which IIS accepts. Wildcard patterns
// capture each "*"; ExactMatch patterns capture nothing but the whole input.
func compilePattern(syntax, pattern string) compiledPattern {
	switch syntax {
	case "Wildcard":
		return compiledPattern{groups: strings.Count(pattern, "*")}
	case "ExactMatch":
		return compiledPattern{}
	}
	// The same patterns come back in file after file (HTTPS redirects,
	// trailing slashes): remembered, up to a bound, in strings of their
	// own (not pieces of a document's text, which they would keep alive).
	if c, ok := compiledPatterns.load(pattern); ok {
		return c
	}
	c := compileRegexPattern(pattern)
	if len(pattern) <= maxRememberedPatternLen {
		compiledPatterns.remember(strings.Clone(pattern), c)
	}
	return c
}

// The remembered patterns are bounded in number and length.
const maxRememberedPatternLen = 512

var compiledPatterns = &runCache[string, compiledPattern]{max: 4096}

func compileRegexPattern(pattern string) compiledPattern {
	// Parsing is all a pattern's validity and its groups need; code
	// generation would triple the cost.
	tree, err := resyntax.Parse(pattern, resyntax.ParseOptions{RegexOptions: resyntax.ECMAScript})
	if err != nil {
		msg := regexErrSuffix.ReplaceAllString(regexErrPrefix.ReplaceAllString(err.Error(), ""), "")
		return compiledPattern{err: msg}
	}
	if tree.Caps != nil {
		return compiledPattern{groups: len(tree.Caps) - 1}
	}
	return compiledPattern{groups: tree.Captop - 1}
}

// A reference in a URL Rewrite string: {R:1}, {C:0}, {HTTP_HOST},
// {MapName:{R:1}}, {ToLower:...}. Only the name part is captured; the
// argument may nest further references.
var rewriteReference = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_\-.]*)(:)?`)

// backReference is {R:n} or {C:n}.
var backReference = regexp.MustCompile(`\{([RrCc]):(\d+)\}`)

type reference struct {
	name  string // "HTTP_HOST", "R", "MapName"
	call  bool   // followed by ":": a back-reference, a map, a provider or a function
	index int    // for back-references
}

// references lists the references in a rewrite string.
func references(s string) []reference {
	var out []reference
	for _, m := range rewriteReference.FindAllStringSubmatchIndex(s, -1) {
		r := reference{name: s[m[2]:m[3]], call: m[4] >= 0}
		if r.call && (strings.EqualFold(r.name, "R") || strings.EqualFold(r.name, "C")) {
			if bm := backReference.FindStringSubmatch(s[m[0]:]); bm != nil {
				r.index, _ = strconv.Atoi(bm[2])
			} else {
				r.index = -1
			}
		}
		out = append(out, r)
	}
	return out
}

// rewriteFunctions are the string functions URL Rewrite provides.
var rewriteFunctions = []string{"ToLower", "UrlEncode", "UrlDecode", "EscapeDataString"}

func isRewriteFunction(name string) bool {
	for _, f := range rewriteFunctions {
		if strings.EqualFold(f, name) {
			return true
		}
	}
	return false
}

// rewriteStrings are the attributes of a rule that may hold references,
// with their elements: condition inputs, action url/value/status texts,
// server variable values.
func (r rewriteRule) rewriteStrings() []attrRef {
	var out []attrRef
	add := func(e *etree.Element, names ...string) {
		for _, n := range names {
			if a := e.SelectAttr(n); a != nil {
				out = append(out, attrRef{e, n, a.Value})
			}
		}
	}
	for _, c := range r.conditions() {
		add(c, "input")
	}
	for _, sv := range r.elem.SelectElements("serverVariables") {
		for _, set := range sv.SelectElements("set") {
			add(set, "value")
		}
	}
	if a := r.elem.SelectElement("action"); a != nil {
		add(a, "url", "value", "statusReason", "statusDescription")
	}
	return out
}

type attrRef struct {
	elem  *etree.Element
	attr  string
	value string
}

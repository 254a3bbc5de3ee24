package validate

import (
	"regexp"
	"strings"
)

// RewriteMatchURL: an inbound pattern that can never match the URL path.
var RewriteMatchURL = register(&Rule{
	Code:     "IC604",
	Name:     "rewrite-match-url",
	Severity: Warning,
	Summary:  `an inbound <match url> that starts with "/" or holds a scheme or host: the URL path it is matched against has neither, so the rule never applies`,
	Doc: `A distributed rule (system.webServer/rewrite/rules, in a web.config or a <location> of
applicationHost.config) matches <match url> against the URL path relative to the folder of
the rules, without the leading "/" and without the scheme, host or query string: for
https://example.com/shop/cart?id=1 and rules in the site's root that is "shop/cart". A pattern
such as "^/shop" or "^https://example.com/(.*)" can never match, so the rule is dead (with
negate="true", it always applies). The server-wide globalRules are not judged: their input
starts with "/".

Fix it by dropping the leading "/" (or writing "^/?" where the rule must work in both kinds of
rules), and by testing the host and scheme in conditions: input="{HTTP_HOST}" and
input="{HTTPS}".`,
	check: checkRewriteMatchURL,
})

// schemeOrHost finds "http:", "https:", "://" or "www." written literally
// (optionally escaped) in a pattern.
var schemeOrHost = regexp.MustCompile(`(?i)(https?\??\\?:|:\\?/\\?/|^\^?(www|[a-z0-9-]+)\\?\.(com|net|org)\b)`)

func checkRewriteMatchURL(p *pass) {
	for _, r := range p.rewriteRules() {
		if r.section != rewriteRulesSection {
			continue
		}
		_, pat, ok := r.matchPattern()
		if !ok {
			continue
		}
		switch {
		case leadingSlash(r.syntax(), pat):
			p.reportAttr(r.match(), "url", `url "%s" requires a leading "/", but the URL path URL Rewrite matches has none ("shop/cart" for /shop/cart): the rule never applies; drop the "/" (or write "^/?")`, pat)
		case schemeOrHost.MatchString(pat):
			p.reportAttr(r.match(), "url", `url "%s" matches a scheme or host, but <match url> sees only the path ("shop/cart" for https://example.com/shop/cart): the rule never applies; test {HTTP_HOST} and {HTTPS} in conditions`, pat)
		}
	}
}

// leadingSlash reports whether a pattern can only match input that starts
// with "/".
func leadingSlash(syntax, pat string) bool {
	switch syntax {
	case "ECMAScript":
		if !strings.HasPrefix(pat, "^") {
			return false // unanchored: "/" may be matched anywhere
		}
		rest := strings.TrimPrefix(strings.TrimPrefix(pat, "^"), `\`)
		return strings.HasPrefix(rest, "/") && !strings.HasPrefix(rest[1:], "?") && !strings.HasPrefix(rest[1:], "*") && !strings.HasPrefix(rest[1:], "{0")
	default: // Wildcard and ExactMatch match the whole input
		return strings.HasPrefix(pat, "/")
	}
}

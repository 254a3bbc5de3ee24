package secret

import (
	"sort"
	"strings"
)

// URL masks the credentials of the URLs in a decoded value: the password
// of "https://user:pass@host" (the whole user part when it has no
// password: "https://token@host"), and the values of query parameters that
// name a secret (code=, sig=, key=, token=, ...): "https://svc:***@backend/?code=***".
func URL(v string) string {
	return apply(v, urlCuts(v, 0, false), false)
}

// secretQueryNames are query parameters that carry a credential besides
// those IsSecretKey recognises (token, password, apikey, ...Key): an Azure
// Functions key (code), a shared access signature (sig, signature).
var secretQueryNames = []string{"code", "sig", "signature"}

// isSecretQueryName reports whether a query parameter holds a credential.
func isSecretQueryName(name string) bool {
	for _, n := range secretQueryNames {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return IsSecretKey(name)
}

// urlCuts finds the credentials of every "scheme://" URL in v, which
// starts at offset base of the text. raw says v is XML as written: a
// query's "&" is written "&amp;".
func urlCuts(v string, base int, raw bool) []Cut {
	var cuts []Cut
	from := 0
	for {
		sep := strings.Index(v[from:], "://")
		if sep < 0 {
			return cuts
		}
		start := from + sep + len("://")
		end := start
		for end < len(v) && !strings.ContainsRune(" \t\r\n\"'<>", rune(v[end])) {
			end++
		}
		cuts = append(cuts, oneURLCuts(v[start:end], base+start, raw)...)
		from = end
	}
}

// oneURLCuts masks the user information and the secret query values of
// u, a URL after its "scheme://".
func oneURLCuts(u string, base int, raw bool) []Cut {
	var cuts []Cut
	authority := len(u)
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		authority = i
	}
	if at := strings.LastIndexByte(u[:authority], '@'); at > 0 {
		user := 0
		if colon := strings.IndexByte(u[:at], ':'); colon >= 0 {
			user = colon + 1
		}
		if at > user {
			cuts = append(cuts, Cut{base + user, base + at})
		}
	}
	q := strings.IndexByte(u, '?')
	if q < 0 {
		return cuts
	}
	end := len(u)
	if h := strings.IndexByte(u[q:], '#'); h >= 0 {
		end = q + h
	}
	i := q + 1
	for i < end {
		if raw && strings.HasPrefix(u[i:], "amp;") {
			i += len("amp;")
		}
		next := strings.IndexByte(u[i:end], '&')
		if next < 0 {
			next = end - i
		}
		param := u[i : i+next]
		if eq := strings.IndexByte(param, '='); eq > 0 {
			value := param[eq+1:]
			if value != "" && !isBackReference(value) && isSecretQueryName(param[:eq]) {
				cuts = append(cuts, Cut{base + i + eq + 1, base + i + next})
			}
		}
		i += next + 1
	}
	return cuts
}

// isBackReference reports whether a query value is only a URL Rewrite
// reference such as {R:1} or {QUERY_STRING}, filled in per request: it
// names where a value comes from and is not one.
func isBackReference(v string) bool {
	return len(v) > 2 && v[0] == '{' && v[len(v)-1] == '}' && strings.IndexByte(v[1:], '{') < 0
}

// union merges cut lists into one, in order, overlapping cuts joined.
func union(lists ...[]Cut) []Cut {
	var all []Cut
	for _, l := range lists {
		all = append(all, l...)
	}
	if len(all) < 2 {
		return all
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	out := all[:1]
	for _, c := range all[1:] {
		last := &out[len(out)-1]
		if c.Start <= last.End {
			last.End = max(last.End, c.End)
			continue
		}
		out = append(out, c)
	}
	return out
}

// XPath masks the secrets compared in an XPath expression, such as an XDT
// Condition or XPath locator: each string literal is masked as a value of
// the attribute it is compared with from the left ('x'=@password), else of
// the attribute named last before it in its predicate (@password='x',
// @connectionString='Server=z;Password=x', every part of
// @value=concat('a','b')); the element's key is the literal compared
// with @key (or @name). A value whose key the expression does not give is
// masked.
func XPath(expr string) string {
	type literal struct {
		attr       string
		start, end int // the text between the quotes
	}
	var lits []literal
	attr := ""
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '[' || c == ']':
			attr = "" // a new predicate
		case c == '@':
			attr = nameAt(expr, i+1)
			i += len(attr)
		case c == '\'' || c == '"':
			end := strings.IndexByte(expr[i+1:], c)
			if end < 0 {
				end = len(expr) - i - 1
			}
			a := ""
			if after := i + 2 + end; after <= len(expr) { // past the closing quote, if any
				a = comparedAttr(expr[after:])
			}
			if a == "" {
				a = attr
			}
			lits = append(lits, literal{a, i + 1, i + 1 + end})
			i += 1 + end
		}
	}
	key := ""
	for _, name := range []string{"key", "name"} {
		for _, l := range lits {
			if key == "" && strings.EqualFold(localName(l.attr), name) {
				key = expr[l.start:l.end]
			}
		}
	}
	var cuts []Cut
	for _, l := range lits {
		v := expr[l.start:l.end]
		a := localName(l.attr)
		switch {
		case v == "":
		case IsSecretValue(a, key, v), key == "" && strings.EqualFold(a, "value"):
			cuts = append(cuts, Cut{l.start, l.end})
		default:
			cuts = append(cuts, union(connectionCuts(v, l.start, false), urlCuts(v, l.start, false))...)
		}
	}
	return apply(expr, cuts, false)
}

// comparedAttr is the attribute a literal is compared with when it stands
// on the left: the name after the comparison that follows it ("" if none).
func comparedAttr(rest string) string {
	rest = strings.TrimLeft(rest, " \t\r\n")
	op := strings.TrimLeft(rest, "=!<>")
	if len(op) == len(rest) {
		return ""
	}
	op = strings.TrimLeft(op, " \t\r\n")
	if !strings.HasPrefix(op, "@") {
		return ""
	}
	return nameAt(op, 1)
}

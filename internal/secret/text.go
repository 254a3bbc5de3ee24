package secret

import "strings"

// Masking raw XML text works on the text as written, not on a parsed
// tree, so that it also covers what no parser gives back: commented-out
// entries, a file that does not parse, a line quoted out of its file. It
// finds start tags anywhere (inside comments too), reads their attributes
// with the element's key, and masks secret values; in the text between
// tags it masks the values of connection-string keys (Password=...).

// Document masks the secrets of a whole configuration file's text. Every
// line terminator is kept, so line n of the result is line n of text.
func Document(text string) string {
	return apply(text, scan(text, false), true)
}

// Line masks the secrets of one line out of its file. What the line does
// not show is assumed the worst: the value attribute of an element whose
// key is on another line, and the text of a <value> element (a setting's),
// are masked.
func Line(line string) string {
	return apply(line, scan(line, true), true)
}

// Cut is a secret in a text: the bytes [Start, End) are shown as Mask.
type Cut struct{ Start, End int }

// LineCuts are the cuts Line makes, in order, for callers that must move
// positions along (a caret under a column); Masked applies them.
func LineCuts(line string) []Cut { return scan(line, true) }

// Masked shows each cut of text as Mask, keeping line terminators.
func Masked(text string, cuts []Cut) string { return apply(text, cuts, true) }

// apply replaces each cut by Mask; keepLines keeps the line terminators
// inside a cut, after the mask.
func apply(text string, cuts []Cut, keepLines bool) string {
	if len(cuts) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	at := 0
	for _, c := range cuts {
		b.WriteString(text[at:c.Start])
		b.WriteString(Mask)
		if keepLines {
			for i := c.Start; i < c.End; i++ {
				if text[i] == '\n' || text[i] == '\r' {
					b.WriteByte(text[i])
				}
			}
		}
		at = c.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// attr is an attribute found in a start tag: its name and the span of its
// raw value.
type attr struct {
	name       string
	start, end int
}

// scanner walks raw XML text.
type scanner struct {
	text  string
	cuts  []Cut
	attrs []attr // the current tag's, reused
	// setting is what the last <setting name="..."> said of the <value>
	// elements that follow: settingSecret, settingPlain, or settingUnknown
	// (no <setting> seen, as in a line out of its file).
	setting int
}

const (
	settingUnknown = iota
	settingPlain
	settingSecret
)

func scan(text string, partial bool) []Cut {
	s := &scanner{text: text, setting: settingPlain}
	i := 0
	if partial {
		s.setting = settingUnknown
		// A line may start inside a start tag: read its attributes as
		// those of an element whose key is unknown.
		i = s.tag(0, "", false)
	}
	for i < len(text) {
		lt := strings.IndexByte(text[i:], '<')
		if lt < 0 {
			s.textCuts(i, len(text))
			break
		}
		s.textCuts(i, i+lt)
		i += lt
		switch {
		case i+1 < len(text) && isNameStart(text[i+1]):
			name := nameAt(text, i+1)
			i = s.tag(i+1+len(name), name, true)
		case strings.HasPrefix(text[i:], "</"):
			name := nameAt(text, i+2)
			if localName(name) == "setting" && !partial {
				s.setting = settingPlain
			}
			i += 2 + len(name)
		default:
			i++
		}
	}
	return s.cuts
}

// tag reads the attributes of a start tag from i (just after its name, or
// anywhere inside it when the name is unknown) to its ">", decides which
// values are secrets, and returns where the scan goes on. known says that
// the element's name, and so its key, is known.
func (s *scanner) tag(i int, name string, known bool) int {
	text := s.text
	attrs := s.attrs[:0]
	defer func() { s.attrs = attrs[:0] }()
	end := len(text)
	selfClosing := false
	for i < len(text) {
		i = skipSpace(text, i)
		if i >= len(text) {
			break
		}
		c := text[i]
		if c == '>' {
			end = i + 1
			break
		}
		if c == '/' && i+1 < len(text) && text[i+1] == '>' {
			end, selfClosing = i+2, true
			break
		}
		if !isNameStart(c) {
			end = i // not a tag after all: scan it as text
			break
		}
		an := nameAt(text, i)
		j := skipSpace(text, i+len(an))
		if j >= len(text) || text[j] != '=' {
			end = i
			break
		}
		j = skipSpace(text, j+1)
		if j >= len(text) || (text[j] != '"' && text[j] != '\'') {
			end = i
			break
		}
		q := text[j]
		close := strings.IndexByte(text[j+1:], q)
		if close < 0 {
			// An open value runs to the end of what we have.
			attrs = append(attrs, attr{an, j + 1, len(text)})
			i = len(text)
			break
		}
		attrs = append(attrs, attr{an, j + 1, j + 1 + close})
		i = j + 2 + close
	}
	if i >= len(text) {
		end = len(text)
	}
	key := ""
	if known {
		key = attrValue(text, attrs, "key")
		if key == "" {
			key = attrValue(text, attrs, "name")
		}
	}
	for _, a := range attrs {
		if a.start == a.end {
			continue
		}
		secret := IsSecretValue(a.name, key, text[a.start:a.end])
		if !known && strings.EqualFold(a.name, "value") {
			secret = true // whose value? the key is not in sight
		}
		if secret {
			s.cuts = append(s.cuts, Cut{a.start, a.end})
			continue
		}
		v := text[a.start:a.end]
		s.cuts = append(s.cuts, union(connectionCuts(v, a.start, true), urlCuts(v, a.start, true))...)
	}
	switch localName(name) {
	case "setting":
		s.setting = settingPlain
		if IsSecretKey(key) {
			s.setting = settingSecret
		}
	case "value":
		if !selfClosing && s.setting != settingPlain && end < len(text) {
			// A secret setting's <value>text</value>.
			stop := strings.IndexByte(text[end:], '<')
			if stop < 0 {
				stop = len(text) - end
			}
			if strings.TrimSpace(text[end:end+stop]) != "" {
				s.cuts = append(s.cuts, Cut{end, end + stop})
			}
			return end + stop
		}
	}
	return end
}

// textCuts masks connection-string secrets in the text [from, to) between
// tags (text content, comments): "Password=x" up to ";", a quote, "<",
// ">", "-->" or the end of the line; password="x" inside its quotes.
func (s *scanner) textCuts(from, to int) {
	text := s.text
	for i := from; i < to; i++ {
		if text[i] != '=' {
			continue
		}
		k := i
		for k > from && (isAlnum(text[k-1]) || text[k-1] == ' ' || text[k-1] == '_' || text[k-1] == ':') {
			k--
		}
		if !IsSecretConnectionKey(text[k:i]) {
			continue
		}
		v := i + 1
		for v < to && text[v] == ' ' {
			v++
		}
		if v < to && (text[v] == '"' || text[v] == '\'') {
			// password="x" in prose or a commented-out fragment
			q := text[v]
			e := v + 1
			for e < to && text[e] != q && text[e] != '\n' && text[e] != '\r' {
				e++
			}
			if e > v+1 {
				s.cuts = append(s.cuts, Cut{v + 1, e})
			}
			i = e
			continue
		}
		e := v
		for e < to && !strings.ContainsRune(";\"'<>\r\n", rune(text[e])) && !strings.HasPrefix(text[e:], "-->") {
			e++
		}
		i = e
		for e > v && text[e-1] == ' ' {
			e--
		}
		if e > v {
			s.cuts = append(s.cuts, Cut{v, e})
		}
	}
}

// connectionCuts finds the secret values of a connection string v that
// starts at offset base of the text. raw says v is XML as written:
// references (&amp; &quot;) are read as one character each.
func connectionCuts(v string, base int, raw bool) []Cut {
	var cuts []Cut
	i := 0
	for i < len(v) {
		// the key: up to "=" ("==" is an "=" inside a key)
		for i < len(v) && (v[i] == ';' || v[i] == ' ' || v[i] == '\t') {
			i++
		}
		ks := i
		for i < len(v) && !(v[i] == '=' && !(i+1 < len(v) && v[i+1] == '=')) {
			if v[i] == '=' {
				i += 2
				continue
			}
			if v[i] == ';' && !(raw && isReference(v, i)) {
				break
			}
			i++
		}
		if i >= len(v) || v[i] != '=' {
			if i < len(v) {
				i++ // a part without "=": skip it
			}
			continue
		}
		key := v[ks:i]
		if raw {
			// Entity Framework nests the provider's string in quotes:
			// provider connection string=&quot;data source=...
			if j := strings.LastIndex(key, "&quot;"); j >= 0 {
				key = key[j+len("&quot;"):]
			}
		}
		if j := strings.LastIndexAny(key, `"'`); j >= 0 {
			key = key[j+1:]
		}
		i++
		for i < len(v) && (v[i] == ' ' || v[i] == '\t') {
			i++
		}
		vs := i
		var open, close int
		i, open, close = valueEnd(v, i, raw)
		switch {
		case i == vs:
		case IsSecretConnectionKey(key):
			cuts = append(cuts, Cut{base + vs, base + i})
		case open > 0 && i-close > vs+open:
			// A quoted value can itself be a connection string
			// (Entity Framework's provider connection string).
			cuts = append(cuts, connectionCuts(v[vs+open:i-close], base+vs+open, raw)...)
		}
	}
	return cuts
}

// valueEnd returns where the connection-string value starting at i ends:
// after its closing quote or brace, or at the next ";"; and the lengths of
// its opening and closing quotes (0 when it is not quoted, or not closed).
func valueEnd(v string, i int, raw bool) (end, open, close int) {
	for _, q := range []string{`"`, `'`, "&quot;", "&apos;", "{"} {
		if (!raw && strings.HasPrefix(q, "&")) || !strings.HasPrefix(v[i:], q) {
			continue
		}
		closing := q
		if q == "{" {
			closing = "}"
		}
		j := i + len(q)
		for {
			k := strings.Index(v[j:], closing)
			if k < 0 {
				return len(v), 0, 0
			}
			j += k + len(closing)
			if strings.HasPrefix(v[j:], closing) { // doubled: an escaped quote
				j += len(closing)
				continue
			}
			return j, len(q), len(closing)
		}
	}
	for i < len(v) {
		if v[i] == ';' && !(raw && isReference(v, i)) {
			return i, 0, 0
		}
		i++
	}
	return i, 0, 0
}

// isReference reports whether the ";" at i ends an XML reference (&amp;).
func isReference(v string, i int) bool {
	from := max(0, i-10) // the longest reference is &#x10FFFF;
	amp := strings.LastIndexByte(v[from:i], '&')
	if amp < 0 {
		return false
	}
	amp += from
	for k := amp + 1; k < i; k++ {
		if !(isAlnum(v[k]) || v[k] == '#') {
			return false
		}
	}
	return i-amp > 1
}

func attrValue(text string, attrs []attr, name string) string {
	for _, a := range attrs {
		if a.name == name {
			return text[a.start:a.end]
		}
	}
	return ""
}

func skipSpace(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	return i
}

func isNameStart(c byte) bool { return isLower(c) || isUpper(c) || c == '_' || c == ':' || c >= 0x80 }

// nameAt reads an XML name at i.
func nameAt(text string, i int) string {
	j := i
	for j < len(text) {
		c := text[j]
		if isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' {
			j++
			continue
		}
		break
	}
	return text[i:j]
}

// localName is a name without its namespace prefix.
func localName(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

package diff

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/internal/secret"
)

// Redact masks the secret values of semantic changes as "***"
// (docs/secrets.md): a secret attribute's old and new value, the secret
// attributes of a whole added or removed entry, the text of a secret
// setting, and the passwords inside connection strings. A changed secret
// still shows as a change ("***" → "***").
func Redact(files []File) {
	for i := range files {
		for j := range files[i].Changes {
			redactChange(&files[i].Changes[j])
		}
	}
}

func redactChange(c *Change) {
	where := join(c.Path, c.Entry)
	key, known := keyOf(where)
	mask := func(v string) string { return v }
	switch {
	case c.Kind == Moved:
		return
	case c.Attr == "#text":
		// A setting's value: <setting name="SmtpPassword"><value>... A
		// lone setting's path shows no name: its element's is read, and
		// without one, whose value? assume the worst.
		mask = secret.Text
		if slash := strings.LastIndexByte(where, '/'); slash >= 0 && where[slash+1:] == "value" {
			setting, known := keyOf(where[:slash])
			if !known {
				setting, known = c.elementKey()
			}
			if !known || secret.IsSecretKey(setting) {
				mask = maskAll
			}
		}
	case c.Attr != "":
		if !known {
			key, known = c.elementKey()
		}
		mask = func(v string) string {
			if !known && strings.EqualFold(c.Attr, "value") {
				return maskAll(v) // whose value? the key is not in sight
			}
			return secret.Value(c.Attr, key, v)
		}
	default:
		mask = redactRendered
	}
	c.Old, c.New = mask(c.Old), mask(c.New)
}

// keyPredicate is the key of the last step of a path: [@key='x'] or
// [@name="x"] (identify's names); [3] or none leaves the key unknown.
var keyPredicate = regexp.MustCompile(`\[@(?:key|name)=(?:'([^']*)'|"([^"]*)")\]$`)

// keyOf returns the key or name of the element a path ends at: of
// "appSettings/add[@key='ApiKey']", ApiKey. known is false when the last
// step does not show one: add[3], or a lone element, whose key the path
// leaves out (<stripe><setting key="SecretKey" value="..."/>).
func keyOf(path string) (key string, known bool) {
	last := path[strings.LastIndexByte(path, '/')+1:]
	if m := keyPredicate.FindStringSubmatch(last); m != nil {
		return m[1] + m[2], true
	}
	return "", false
}

// elementKey is the key of the element a change is on, read from the
// element itself: the secret one when the old and the new differ. known is
// false when neither has one.
func (c *Change) elementKey() (key string, known bool) {
	old, new := c.keys[0], c.keys[1]
	switch {
	case old == "" && new == "":
		return "", false
	case secret.IsSecretKey(new) || old == "":
		return new, true
	}
	return old, true
}

// keysOf are the key (or name) attributes of an old and a new element.
func keysOf(x, y *etree.Element) [2]string { return [2]string{elementKey(x), elementKey(y)} }

func parentOf(e *etree.Element) *etree.Element {
	if e == nil {
		return nil
	}
	return e.Parent()
}

func elementKey(e *etree.Element) string {
	if e == nil {
		return ""
	}
	for _, name := range []string{"key", "name"} {
		if a := e.SelectAttr(name); a != nil {
			return a.Value
		}
	}
	return ""
}

// maskAll masks a whole value; an empty one stays empty.
func maskAll(v string) string {
	if v == "" {
		return v
	}
	return secret.Mask
}

// redactRendered masks the secret attributes of an entry as render and
// renderItem write it: name="value" pairs (Go-quoted), then maybe "(n
// child elements)".
func redactRendered(s string) string {
	type pair struct{ name, value string }
	var pairs []pair
	rest := s
	for rest != "" {
		eq := strings.Index(rest, `="`)
		if eq < 0 || strings.ContainsAny(rest[:eq], ` "(`) {
			break
		}
		q, err := strconv.QuotedPrefix(rest[eq+1:])
		if err != nil {
			break
		}
		v, _ := strconv.Unquote(q)
		pairs = append(pairs, pair{rest[:eq], v})
		rest = strings.TrimPrefix(rest[eq+1+len(q):], " ")
	}
	if len(pairs) == 0 {
		return secret.Text(s)
	}
	key := ""
	for _, name := range []string{"key", "name"} {
		for _, p := range pairs {
			if key == "" && p.name == name {
				key = p.value
			}
		}
	}
	parts := make([]string, 0, len(pairs)+1)
	for _, p := range pairs {
		parts = append(parts, fmt.Sprintf("%s=%q", p.name, secret.Value(p.name, key, p.value)))
	}
	if rest != "" {
		parts = append(parts, rest)
	}
	return strings.Join(parts, " ")
}

// UnifiedRedacted is Unified with every secret value shown as "***"
// (docs/secrets.md). The lines are compared as they are, so a line whose
// secret changed still shows as removed and added.
func UnifiedRedacted(oldName, newName string, a, b []byte, context int, pal Palette) string {
	return unified(oldName, newName, a, b, context, pal, true)
}

// maskedPatchNote heads a diff that masks a secret: git apply and patch
// skip a line before the "---" header, and a person learns why the patch
// does not apply.
const maskedPatchNote = "# iiscfg: secrets are shown as *** so this patch does not apply; --show-secrets prints one that does"

// redactHunks shows each line of the hunks as it is in its file's masked
// text (secret.Document keeps line terminators, so line n is line n), and
// reports whether a line shown changed.
func redactHunks(hunks []Hunk, a, b string) ([]Hunk, bool) {
	ma, mb := splitLines(secret.Document(a)), splitLines(secret.Document(b))
	line := func(lines []string, n int, text string) string {
		if n >= 1 && n <= len(lines) {
			return lines[n-1]
		}
		return text
	}
	out := make([]Hunk, len(hunks))
	masked := false
	for k, h := range hunks {
		ops := make([]LineOp, len(h.Ops))
		i, j := h.AStart, h.BStart
		for n, op := range h.Ops {
			text := op.Text
			switch op.Kind {
			case ' ':
				text = line(ma, i, text)
				i++
				j++
			case '-':
				text = line(ma, i, text)
				i++
			case '+':
				text = line(mb, j, text)
				j++
			}
			masked = masked || text != op.Text
			ops[n] = LineOp{Kind: op.Kind, Text: text}
		}
		h.Ops = ops
		out[k] = h
	}
	return out, masked
}

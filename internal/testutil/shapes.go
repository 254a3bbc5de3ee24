package testutil

import (
	"strconv"
	"strings"
)

// The shapes below are the inputs that make a parser or a rule quadratic
// when it scans what it has already seen: each grows one dimension of a
// configuration file to n while the others stay small. Tests run them at a
// size that finishes at once when the cost is linear and takes minutes when
// it is not; benchmarks run them at 10x realistic size.

// ManyAttributes is a web.config whose <compilation> element has n
// attributes a0="x" ... on one line, each unknown to the schema (so lint
// reports one finding per attribute).
func ManyAttributes(n int) []byte {
	var b strings.Builder
	b.Grow(n*12 + 100)
	b.WriteString(`<configuration><system.web><compilation`)
	for i := range n {
		b.WriteString(` a`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`="x"`)
	}
	b.WriteString(" /></system.web></configuration>\n")
	return []byte(b.String())
}

// ManySiblings is a web.config whose <appSettings> has n <add> children,
// one per line.
func ManySiblings(n int) []byte {
	var b strings.Builder
	b.Grow(n*32 + 100)
	b.WriteString("<configuration>\n  <appSettings>\n")
	for i := range n {
		b.WriteString(`    <add key="k`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString("\" value=\"v\" />\n")
	}
	b.WriteString("  </appSettings>\n</configuration>\n")
	return []byte(b.String())
}

// DeepNesting is a configuration with n nested <a> elements.
func DeepNesting(n int) []byte {
	return []byte("<configuration>" + strings.Repeat("<a>", n) + strings.Repeat("</a>", n) + "</configuration>\n")
}

// LongLine is a web.config whose one line holds an attribute value of n
// two-byte characters and, after it, n "é"="é"-style attributes spelled
// with non-ASCII names (columns count characters, not bytes).
func LongLine(n int) []byte {
	var b strings.Builder
	b.WriteString(`<configuration><appSettings><add key="k" value="`)
	b.WriteString(strings.Repeat("é", n))
	b.WriteString(`"/></appSettings><system.web><compilation`)
	for i := range n / 10 {
		b.WriteString(` é`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`="é"`)
	}
	b.WriteString(" /></system.web></configuration>\n")
	return []byte(b.String())
}

// ManyReferences is a web.config with n entity and character references
// in an attribute value and in text.
func ManyReferences(n int) []byte {
	return []byte(`<configuration><appSettings><add key="k" value="` + strings.Repeat("&amp;&#x41;", n) +
		`"/></appSettings><x>` + strings.Repeat("&lt;&#233;", n) + "</x></configuration>\n")
}

// ManyPrefixes is a configuration whose root binds n namespace prefixes
// and whose child uses each of them on an attribute.
func ManyPrefixes(n int) []byte {
	var b strings.Builder
	b.WriteString(`<configuration`)
	for i := range n {
		b.WriteString(` xmlns:p`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`="urn:x"`)
	}
	b.WriteString("><a")
	for i := range n {
		b.WriteString(` p`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`:x="1"`)
	}
	b.WriteString("/></configuration>\n")
	return []byte(b.String())
}

package config

import (
	"encoding/binary"
	"strings"
	"sync"

	"github.com/iiscfg/iiscfg/schema"
)

// Element and attribute names, and indentation, repeat across files: the
// scanner takes them from a table built once, so that a file allocates
// only the names and indentation the table does not know, once each.

// knownStrings maps the spelling of a name or of an indentation run in a
// file to the string to use: the same bytes for a name, the text with line
// ends normalized for indentation ("\r\n  " gives "\n  ").
var knownStrings = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	add := func(s string) {
		if _, ok := m[s]; !ok {
			m[s] = s
		}
	}
	for _, n := range []string{
		"configuration", "configSections", "section", "sectionGroup", "location", "path",
		"inheritInChildApplications", "overrideMode", "allowOverride", "name", "type",
		"requirePermission", "allowDefinition", "allowLocation", "restartOnExternalChanges",
		"xmlns", "xmlns:xdt", "xdt:Transform", "xdt:Locator", "configSource",
	} {
		add(n)
	}
	var walk func(e *schema.Element)
	walk = func(e *schema.Element) {
		add(e.Name)
		for _, a := range e.Attrs {
			add(a.Name)
		}
		for _, c := range e.Children {
			walk(c)
		}
		if c := e.Collection; c != nil {
			for _, a := range c.Add {
				add(a)
			}
			add(c.Remove)
			add(c.Clear)
			if c.Item != nil {
				walk(c.Item)
			}
		}
	}
	for path, sec := range schema.Sections() {
		for _, seg := range strings.Split(path, "/") {
			add(seg)
		}
		walk(sec.Root)
	}
	delete(m, "")
	// Indentation: a line end (LF or CRLF), maybe after a blank line, then
	// up to 40 spaces or 16 tabs.
	for _, nl := range []string{"\n", "\r\n"} {
		for _, before := range []string{"", nl} {
			for n := 0; n <= 40; n++ {
				for _, unit := range []string{" ", "\t"} {
					if unit == "\t" && n > 16 {
						continue
					}
					raw := before + nl + strings.Repeat(unit, n)
					m[raw] = strings.ReplaceAll(raw, "\r\n", "\n")
				}
			}
		}
	}
	return m
})

// indents[tab][n] is a line end followed by n spaces (tab 0) or tabs (1).
var indents = func() (t [2][41]string) {
	for n := range t[0] {
		t[0][n] = "\n" + strings.Repeat(" ", n)
		t[1][n] = "\n" + strings.Repeat("\t", n)
	}
	return t
}()

// indentOf recognises the usual indentation run (LF or CRLF, then up to 40
// spaces or tabs) without hashing it, and returns it normalized.
func indentOf(b []byte) (string, bool) {
	switch {
	case len(b) >= 2 && b[0] == '\r' && b[1] == '\n':
		b = b[2:]
	case len(b) >= 1 && b[0] == '\n':
		b = b[1:]
	default:
		return "", false
	}
	if len(b) >= len(indents[0]) {
		return "", false
	}
	tab := 0
	if len(b) > 0 && b[0] == '\t' {
		tab = 1
	}
	unit := " \t"[tab]
	n := len(b)
	for len(b) >= 8 && binary.LittleEndian.Uint64(b) == uint64(unit)*0x0101010101010101 {
		b = b[8:] // eight at a time
	}
	for _, c := range b {
		if c != unit {
			return "", false
		}
	}
	return indents[tab][n], true
}

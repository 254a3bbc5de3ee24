// Package schema holds the facts iiscfg knows about IIS and ASP.NET
// configuration: the server-level defaults of a stock machine, the
// configuration schema of the sections people write, and the preCondition
// grammar. It is data; it reads no file.
package schema

import "strings"

// Attr is one attribute of a built-in collection entry, as written in the
// file it comes from.
type Attr struct{ Name, Value string }

// Entry is one <add> element of a built-in collection, attributes in the
// order the source file writes them.
type Entry []Attr

// Get returns the value of the named attribute.
func (e Entry) Get(name string) (string, bool) {
	for _, a := range e {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}

// Value returns the named attribute or "".
func (e Entry) Value(name string) string {
	v, _ := e.Get(name)
	return v
}

// e builds an Entry from "name=value" strings (a value may contain "=").
func e(pairs ...string) Entry {
	out := make(Entry, len(pairs))
	for i, p := range pairs {
		k, v, _ := strings.Cut(p, "=")
		out[i] = Attr{k, v}
	}
	return out
}

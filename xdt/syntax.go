package xdt

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// Namespace is the XML-Document-Transform namespace URI. Transform and
// locator names are case-sensitive, as Microsoft.Web.XmlTransform looks
// them up (docs/xdt.md).
const Namespace = config.XDTNamespace

// Transform names Microsoft.Web.XmlTransform defines.
var transformNames = []string{"Replace", "Insert", "InsertIfMissing", "InsertBefore", "InsertAfter",
	"Remove", "RemoveAll", "RemoveAttributes", "SetAttributes"}

// Locator names.
var locatorNames = []string{"Match", "Condition", "XPath"}

// TransformNames lists the transforms iiscfg applies.
func TransformNames() []string { return append([]string(nil), transformNames...) }

// LocatorNames lists the locators iiscfg evaluates.
func LocatorNames() []string { return append([]string(nil), locatorNames...) }

// Call is a parsed xdt:Transform or xdt:Locator value: Name(Args).
type Call struct {
	Name    string
	Args    string // the raw text between the parentheses
	HasArgs bool
}

// List splits comma-separated arguments (Match, SetAttributes, RemoveAttributes).
func (c Call) List() []string {
	if strings.TrimSpace(c.Args) == "" {
		return nil
	}
	var out []string
	for _, a := range strings.Split(c.Args, ",") {
		out = append(out, strings.TrimSpace(a))
	}
	return out
}

// ParseCall reads "Name" or "Name(args)".
func ParseCall(v string) (Call, error) {
	v = strings.TrimSpace(v)
	open := strings.IndexByte(v, '(')
	if open < 0 {
		if v == "" {
			return Call{}, fmt.Errorf("empty value")
		}
		if strings.ContainsAny(v, ") \t") {
			return Call{}, fmt.Errorf("%q is not a name or Name(arguments)", v)
		}
		return Call{Name: v}, nil
	}
	if !strings.HasSuffix(v, ")") {
		return Call{}, fmt.Errorf("%q: missing closing parenthesis", v)
	}
	name := strings.TrimSpace(v[:open])
	if name == "" {
		return Call{}, fmt.Errorf("%q: missing name before the parenthesis", v)
	}
	return Call{Name: name, Args: v[open+1 : len(v)-1], HasArgs: true}, nil
}

// Suggest returns the known name that differs from name only in case, or "".
func Suggest(name string, known []string) string {
	for _, k := range known {
		if strings.EqualFold(k, name) {
			return k
		}
	}
	return ""
}

func known(name string, list []string) bool {
	for _, k := range list {
		if k == name {
			return true
		}
	}
	return false
}

// xdtAttr returns the value of the xdt: attribute local of e.
func xdtAttr(e *etree.Element, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Key == local && a.Space != "" && a.NamespaceURI() == Namespace {
			return a.Value, true
		}
	}
	return "", false
}

// IsXDTAttr reports whether a belongs to the transform language: an xdt:
// attribute or the declaration of the xdt prefix.
func IsXDTAttr(a etree.Attr) bool {
	if isNamespaceDecl(a) {
		return a.Value == Namespace
	}
	return a.Space != "" && a.NamespaceURI() == Namespace
}

// TransformOf returns the parsed xdt:Transform of e, if e has one.
func TransformOf(e *etree.Element) (Call, bool, error) {
	v, ok := xdtAttr(e, "Transform")
	if !ok {
		return Call{}, false, nil
	}
	c, err := ParseCall(v)
	return c, true, err
}

// LocatorOf returns the parsed xdt:Locator of e, if e has one.
func LocatorOf(e *etree.Element) (Call, bool, error) {
	v, ok := xdtAttr(e, "Locator")
	if !ok {
		return Call{}, false, nil
	}
	c, err := ParseCall(v)
	return c, true, err
}

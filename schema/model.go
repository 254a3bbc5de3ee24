package schema

import "strings"

// The model follows the structure of IIS's own schema files
// (iis-schema.md §1.2): a section has a root element; an element has
// attributes, child elements and at most one collection; a collection
// describes the add/remove/clear elements and the schema of each item.

// Type is an attribute's value type.
type Type int

const (
	String Type = iota
	Bool
	Int
	UInt
	Int64
	TimeSpan
	Enum
	Flags
)

var typeNames = [...]string{"string", "bool", "int", "uint", "int64", "timeSpan", "enum", "flags"}

func (t Type) String() string { return typeNames[t] }

// EnumValue is one named value of an enum or flags attribute.
type EnumValue struct {
	Name  string
	Value int64
}

// Attribute describes one attribute.
type Attribute struct {
	Name            string
	Type            Type
	Default         string
	HasDefault      bool
	Required        bool
	UniqueKey       bool
	CombinedKey     bool
	CaseSensitive   bool
	Encrypted       bool
	Expanded        bool
	AllowInfinite   bool
	TimeSpanFormat  string // "string" (hh:mm:ss), "seconds" or "minutes"
	Validation      string // validationType, e.g. "nonEmptyString"
	ValidationParam string
	Values          []EnumValue
}

// IsKey reports whether the attribute is part of a collection item's key.
func (a *Attribute) IsKey() bool { return a.UniqueKey || a.CombinedKey }

// Element describes an element: the section's root, a child element, or a
// collection item.
type Element struct {
	Name                        string
	Attrs                       []*Attribute
	Children                    []*Element
	Collection                  *Collection
	AllowUnrecognizedAttributes bool
	IsCollectionDefault         bool
}

// Attr returns the named attribute's schema, or nil.
func (e *Element) Attr(name string) *Attribute {
	for _, a := range e.Attrs {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// Child returns the named child element's schema, or nil.
func (e *Element) Child(name string) *Element {
	for _, c := range e.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Collection describes a collection: its directive element names and the
// schema of its items.
type Collection struct {
	Add             []string // usually {"add"}; system.web/authorization has {"allow", "deny"}
	Remove          string   // "" when the collection has no remove directive
	Clear           string   // "" when the collection has no clear directive
	DefaultElement  string
	MergeAppend     bool // false: a child level's items go before the inherited ones
	AllowDuplicates bool
	Item            *Element
}

// IsAdd reports whether name is one of the collection's add elements.
func (c *Collection) IsAdd(name string) bool {
	for _, a := range c.Add {
		if a == name {
			return true
		}
	}
	return false
}

// Keys returns the attributes that identify an item: the unique key
// attributes, or else the combined-key attributes.
func (c *Collection) Keys() []*Attribute {
	var unique, combined []*Attribute
	for _, a := range c.Item.Attrs {
		if a.UniqueKey {
			unique = append(unique, a)
		}
		if a.CombinedKey {
			combined = append(combined, a)
		}
	}
	if len(unique) > 0 {
		return unique
	}
	return combined
}

// Section describes a configuration section and its registration.
type Section struct {
	Path                string // e.g. "system.webServer/handlers"
	Root                *Element
	AllowDefinition     string // MachineOnly, MachineToWebRoot, MachineToApplication, AppHostOnly, Everywhere
	OverrideModeDefault string // Allow or Deny
	AllowLocation       bool
}

// Name is the last segment of the section path.
func (s *Section) Name() string { return s.Path[strings.LastIndexByte(s.Path, '/')+1:] }

// builders: small helpers that keep the section tables readable.

type attrOpt func(*Attribute)

func attr(name string, t Type, opts ...attrOpt) *Attribute {
	a := &Attribute{Name: name, Type: t}
	for _, o := range opts {
		o(a)
	}
	return a
}

func def(v string) attrOpt { return func(a *Attribute) { a.Default, a.HasDefault = v, true } }

var (
	required    attrOpt = func(a *Attribute) { a.Required = true }
	uniqueKey   attrOpt = func(a *Attribute) { a.UniqueKey = true }
	combinedKey attrOpt = func(a *Attribute) { a.CombinedKey = true }
	caseSens    attrOpt = func(a *Attribute) { a.CaseSensitive = true }
	expanded    attrOpt = func(a *Attribute) { a.Expanded = true }
	nonEmpty    attrOpt = func(a *Attribute) { a.Validation = "nonEmptyString" }
)

func values(pairs ...any) attrOpt {
	return func(a *Attribute) {
		for i := 0; i+1 < len(pairs); i += 2 {
			a.Values = append(a.Values, EnumValue{Name: pairs[i].(string), Value: int64(pairs[i+1].(int))})
		}
	}
}

type elemOpt func(*Element)

func elem(name string, parts ...any) *Element {
	e := &Element{Name: name}
	for _, p := range parts {
		switch p := p.(type) {
		case *Attribute:
			e.Attrs = append(e.Attrs, p)
		case *Element:
			e.Children = append(e.Children, p)
		case *Collection:
			e.Collection = p
		case elemOpt:
			p(e)
		default:
			panic("schema: bad element part")
		}
	}
	return e
}

var unrecognizedOK elemOpt = func(e *Element) { e.AllowUnrecognizedAttributes = true }

type collOpt func(*Collection)

// coll builds a collection with add/remove/clear elements named "add",
// "remove" and "clear" unless options say otherwise.
func coll(item *Element, opts ...collOpt) *Collection {
	c := &Collection{Add: []string{"add"}, Remove: "remove", Clear: "clear", MergeAppend: true, Item: item}
	for _, o := range opts {
		o(c)
	}
	return c
}

var (
	prepend    collOpt = func(c *Collection) { c.MergeAppend = false }
	duplicates collOpt = func(c *Collection) { c.AllowDuplicates = true }
)

func section(path, allowDefinition, overrideModeDefault string, root *Element) *Section {
	root.Name = path[strings.LastIndexByte(path, '/')+1:]
	return &Section{Path: path, Root: root, AllowDefinition: allowDefinition, OverrideModeDefault: overrideModeDefault, AllowLocation: true}
}

package schema

import "strings"

// The model follows the structure of IIS's own schema files
// (docs/iis-behaviour.md §11): a section has a root element; an element has
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
	// AnyContent: iiscfg does not describe this element's attributes and
	// children (an extension's, such as the FTP server's ftpServer).
	AnyContent bool
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

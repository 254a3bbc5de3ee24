package schema

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"
)

// Set is the schema the rules check against: the built-in one, or the
// built-in one with sections read from a server's own schema files.
type Set struct {
	described map[string]*Section // path -> section with a Root
}

// Builtin is iiscfg's own schema.
func Builtin() *Set { return builtinSet }

var builtinSet = &Set{described: Sections()}

// Lookup returns a described section, or nil.
func (s *Set) Lookup(path string) *Section {
	if s == nil {
		return Lookup(path)
	}
	return s.described[path]
}

// Declared returns the registration of a section a stock server declares,
// described or not.
func (s *Set) Declared(path string) *Section {
	if d := s.Lookup(path); d != nil {
		if b := Declared(path); b != nil && b.Root == nil {
			return b
		}
		return d
	}
	return Declared(path)
}

// WithSections returns a set in which secs replace the built-in
// descriptions of the same paths (keeping the built-in registration).
func (s *Set) WithSections(secs map[string]*Section) *Set {
	out := &Set{described: map[string]*Section{}}
	for p, d := range s.described {
		out.described[p] = d
	}
	for p, d := range secs {
		if reg := Declared(p); reg != nil {
			d.AllowDefinition, d.OverrideModeDefault, d.AllowLocation = reg.AllowDefinition, reg.OverrideModeDefault, reg.AllowLocation
		}
		out.described[p] = d
	}
	return out
}

// MergeSchemaFile adds the sections of one schema file (IIS's format: a
// <configSchema> of <sectionSchema> elements, docs/iis-behaviour.md §11) to secs,
// merging a section defined before, as IIS merges sections defined in
// several files. Unknown schema attributes (IIS's own files have typos such
// as mergeElement) are ignored.
func MergeSchemaFile(secs map[string]*Section, name string, data []byte) error {
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	root := doc.SelectElement("configSchema")
	if root == nil {
		return fmt.Errorf("%s: not a schema file (no <configSchema>)", name)
	}
	for _, se := range root.SelectElements("sectionSchema") {
		path := se.SelectAttrValue("name", "")
		if path == "" {
			return fmt.Errorf("%s: a <sectionSchema> without a name", name)
		}
		sec := secs[path]
		if sec == nil {
			sec = &Section{Path: path, Root: &Element{Name: path[strings.LastIndexByte(path, '/')+1:]},
				AllowDefinition: "Everywhere", OverrideModeDefault: "Allow", AllowLocation: true}
			secs[path] = sec
		}
		if err := mergeXMLElement(sec.Root, se); err != nil {
			return fmt.Errorf("%s: section %s: %v", name, path, err)
		}
	}
	return nil
}

// mergeXMLElement adds the attributes, child elements and collection of a
// schema element (<sectionSchema>, <element> or a collection's item) to e.
func mergeXMLElement(e *Element, x *etree.Element) error {
	if strings.EqualFold(x.SelectAttrValue("allowUnrecognizedAttributes", ""), "true") {
		e.AllowUnrecognizedAttributes = true
	}
	if strings.EqualFold(x.SelectAttrValue("isCollectionDefault", ""), "true") {
		e.IsCollectionDefault = true
	}
	for _, c := range x.ChildElements() {
		switch c.Tag {
		case "attribute":
			a, err := xmlAttribute(c)
			if err != nil {
				return err
			}
			if e.Attr(a.Name) == nil {
				e.Attrs = append(e.Attrs, a)
			}
		case "element":
			name := c.SelectAttrValue("name", "")
			if name == "" {
				return fmt.Errorf("an <element> without a name")
			}
			child := e.Child(name)
			if child == nil {
				child = &Element{Name: name}
				e.Children = append(e.Children, child)
			}
			if err := mergeXMLElement(child, c); err != nil {
				return err
			}
		case "collection":
			if e.Collection == nil {
				add := c.SelectAttrValue("addElement", "")
				if add == "" {
					return fmt.Errorf("a <collection> without addElement")
				}
				e.Collection = &Collection{Add: strings.Split(add, ","), Remove: c.SelectAttrValue("removeElement", ""),
					Clear: c.SelectAttrValue("clearElement", ""), DefaultElement: c.SelectAttrValue("defaultElement", ""),
					MergeAppend:     !strings.EqualFold(c.SelectAttrValue("mergeAppend", "true"), "false"),
					AllowDuplicates: strings.EqualFold(c.SelectAttrValue("allowDuplicates", ""), "true"),
					Item:            &Element{}}
				for i := range e.Collection.Add {
					e.Collection.Add[i] = strings.TrimSpace(e.Collection.Add[i])
				}
				e.Collection.Item.Name = e.Collection.Add[0]
			}
			if err := mergeXMLElement(e.Collection.Item, c); err != nil {
				return err
			}
		}
	}
	return nil
}

func xmlAttribute(x *etree.Element) (*Attribute, error) {
	a := &Attribute{Name: x.SelectAttrValue("name", ""), TimeSpanFormat: "string"}
	if a.Name == "" {
		return nil, fmt.Errorf("an <attribute> without a name")
	}
	t := x.SelectAttrValue("type", "")
	found := false
	for i, n := range typeNames {
		if n == t {
			a.Type, found = Type(i), true
		}
	}
	if !found {
		return nil, fmt.Errorf("attribute %s: unknown type %q", a.Name, t)
	}
	is := func(k string) bool { return strings.EqualFold(x.SelectAttrValue(k, ""), "true") }
	a.Required, a.UniqueKey, a.CombinedKey = is("required"), is("isUniqueKey"), is("isCombinedKey")
	a.CaseSensitive, a.Encrypted, a.Expanded, a.AllowInfinite = is("caseSensitive"), is("encrypted"), is("expanded"), is("allowInfinite")
	if v := x.SelectAttr("defaultValue"); v != nil {
		a.Default, a.HasDefault = v.Value, true
	}
	if f := x.SelectAttrValue("timeSpanFormat", ""); f != "" {
		a.TimeSpanFormat = f
	}
	a.Validation, a.ValidationParam = x.SelectAttrValue("validationType", ""), x.SelectAttrValue("validationParameter", "")
	if !knownValidator(a.Validation) {
		a.Validation = "" // a validator iiscfg does not implement checks nothing
	}
	for _, v := range x.ChildElements() {
		if v.Tag != "enum" && v.Tag != "flag" {
			continue
		}
		var n int64
		if _, err := fmt.Sscan(v.SelectAttrValue("value", ""), &n); err != nil {
			return nil, fmt.Errorf("attribute %s: bad %s value %q", a.Name, v.Tag, v.SelectAttrValue("value", ""))
		}
		a.Values = append(a.Values, EnumValue{Name: v.SelectAttrValue("name", ""), Value: n})
	}
	return a, nil
}

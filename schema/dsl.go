package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// The built-in schema is written in iiscfg's own line format (data/*.schema),
// one fact per line, nesting by indentation (two spaces a level):
//
//	section PATH [def=ALLOWDEFINITION] [override=Allow|Deny] [nolocation] [open]
//	declare PATH [def=…] [override=…] [nolocation]      a section known to exist, not described
//	  @NAME TYPE [=DEFAULT | ="DEFAULT WITH SPACES"] [req] [key] [ckey] [cs]
//	        [expanded] [encrypted] [infinite] [seconds|minutes] [check=VALIDATOR[:PARAM]]
//	  NAME [default] [open] [any]                          a child element ("any": its
//	                                                       content is not described)
//	  +ADD[,ADD…] [remove=NAME] [clear=NAME] [default=ELEMENT] [prepend] [dups] [open]
//	                                                       the element's collection; its
//	                                                       item's schema is indented below
//
// TYPE is bool, int, uint, int64, string, timeSpan, enum(A=0,B=1) or
// flags(A=1,B=2). "open" allows unrecognized attributes; "default" marks a
// collection's defaults element (applicationPoolDefaults). A line whose
// first non-blank character is # is a comment.

// parseSchemaText reads the line format into sections, keyed by path.
func parseSchemaText(name, text string) (map[string]*Section, error) {
	out := map[string]*Section{}
	type frame struct {
		indent int
		elem   *Element // the element lines at indent+2 belong to
	}
	var stack []frame
	for n, raw := range strings.Split(text, "\n") {
		line := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n+1, fmt.Sprintf(format, args...))
		}
		indent := len(line) - len(trimmed)
		if indent%2 != 0 || strings.Contains(line[:indent], "\t") {
			return nil, fail("indent with two spaces a level")
		}
		fields, err := splitFields(trimmed)
		if err != nil {
			return nil, fail("%v", err)
		}
		if indent == 0 {
			sec, err := parseSectionLine(fields)
			if err != nil {
				return nil, fail("%v", err)
			}
			if _, dup := out[sec.Path]; dup {
				return nil, fail("section %s twice", sec.Path)
			}
			out[sec.Path] = sec
			stack = stack[:0]
			if sec.Root != nil {
				stack = append(stack, frame{0, sec.Root})
			}
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 || stack[len(stack)-1].indent != indent-2 {
			return nil, fail("unexpected indentation")
		}
		parent := stack[len(stack)-1].elem
		switch {
		case strings.HasPrefix(fields[0], "@"):
			a, err := parseAttrLine(fields)
			if err != nil {
				return nil, fail("%v", err)
			}
			if parent.Attr(a.Name) != nil {
				return nil, fail("attribute %s twice", a.Name)
			}
			parent.Attrs = append(parent.Attrs, a)
		case strings.HasPrefix(fields[0], "+"):
			if parent.Collection != nil {
				return nil, fail("a second collection in one element")
			}
			c, err := parseCollectionLine(fields)
			if err != nil {
				return nil, fail("%v", err)
			}
			parent.Collection = c
			stack = append(stack, frame{indent, c.Item})
		default:
			e := &Element{Name: fields[0]}
			for _, f := range fields[1:] {
				switch f {
				case "default":
					e.IsCollectionDefault = true
				case "open":
					e.AllowUnrecognizedAttributes = true
				case "any":
					e.AnyContent = true
				default:
					return nil, fail("unknown element option %q", f)
				}
			}
			if parent.Child(e.Name) != nil {
				return nil, fail("element %s twice", e.Name)
			}
			parent.Children = append(parent.Children, e)
			stack = append(stack, frame{indent, e})
		}
	}
	return out, nil
}

// splitFields splits on blanks, keeping ="quoted values" whole.
func splitFields(s string) ([]string, error) {
	var out []string
	for s != "" {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			break
		}
		if strings.HasPrefix(s, `="`) {
			end := strings.IndexByte(s[2:], '"')
			if end < 0 {
				return nil, fmt.Errorf("unterminated quoted value")
			}
			out = append(out, "="+s[2:2+end])
			s = s[3+end:]
			continue
		}
		end := strings.IndexByte(s, ' ')
		if end < 0 {
			end = len(s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out, nil
}

func parseSectionLine(fields []string) (*Section, error) {
	if len(fields) < 2 || (fields[0] != "section" && fields[0] != "declare") {
		return nil, fmt.Errorf("expected section or declare")
	}
	s := &Section{Path: fields[1], AllowDefinition: "Everywhere", OverrideModeDefault: "Allow", AllowLocation: true}
	if fields[0] == "section" {
		s.Root = &Element{Name: s.Name()}
	}
	for _, f := range fields[2:] {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "def":
			switch v {
			case "MachineOnly", "MachineToWebRoot", "MachineToApplication", "AppHostOnly", "Everywhere":
				s.AllowDefinition = v
			default:
				return nil, fmt.Errorf("unknown allowDefinition %q", v)
			}
		case "override":
			if v != "Allow" && v != "Deny" {
				return nil, fmt.Errorf("override must be Allow or Deny")
			}
			s.OverrideModeDefault = v
		case "nolocation":
			s.AllowLocation = false
		case "open":
			if s.Root == nil {
				return nil, fmt.Errorf("open needs a described section")
			}
			s.Root.AllowUnrecognizedAttributes = true
		default:
			return nil, fmt.Errorf("unknown section option %q", f)
		}
	}
	return s, nil
}

func parseAttrLine(fields []string) (*Attribute, error) {
	if len(fields) < 2 {
		return nil, fmt.Errorf("an attribute needs a name and a type")
	}
	a := &Attribute{Name: fields[0][1:]}
	t := fields[1]
	switch {
	case strings.HasPrefix(t, "enum(") || strings.HasPrefix(t, "flags("):
		a.Type = Enum
		if strings.HasPrefix(t, "flags(") {
			a.Type = Flags
		}
		inner := strings.TrimSuffix(t[strings.IndexByte(t, '(')+1:], ")")
		for _, pair := range strings.Split(inner, ",") {
			name, value, ok := strings.Cut(pair, "=")
			n, err := strconv.ParseInt(value, 10, 64)
			if !ok || err != nil || name == "" {
				return nil, fmt.Errorf("bad enum value %q", pair)
			}
			a.Values = append(a.Values, EnumValue{Name: name, Value: n})
		}
	default:
		found := false
		for i, n := range typeNames {
			if n == t && Type(i) != Enum && Type(i) != Flags {
				a.Type, found = Type(i), true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown type %q", t)
		}
	}
	a.TimeSpanFormat = "string"
	for _, f := range fields[2:] {
		switch {
		case strings.HasPrefix(f, "="):
			a.Default, a.HasDefault = f[1:], true
		case f == "req":
			a.Required = true
		case f == "key":
			a.UniqueKey = true
		case f == "ckey":
			a.CombinedKey = true
		case f == "cs":
			a.CaseSensitive = true
		case f == "expanded":
			a.Expanded = true
		case f == "encrypted":
			a.Encrypted = true
		case f == "infinite":
			a.AllowInfinite = true
		case f == "seconds" || f == "minutes":
			a.TimeSpanFormat = f
		case strings.HasPrefix(f, "check="):
			a.Validation, a.ValidationParam, _ = strings.Cut(f[len("check="):], ":")
			if !knownValidator(a.Validation) {
				return nil, fmt.Errorf("unknown validator %q", a.Validation)
			}
		default:
			return nil, fmt.Errorf("unknown attribute option %q", f)
		}
	}
	return a, nil
}

func parseCollectionLine(fields []string) (*Collection, error) {
	c := &Collection{Add: strings.Split(fields[0][1:], ","), MergeAppend: true, Item: &Element{}}
	c.Item.Name = c.Add[0]
	for _, f := range fields[1:] {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "remove":
			c.Remove = v
		case "clear":
			c.Clear = v
		case "default":
			c.DefaultElement = v
		case "prepend":
			c.MergeAppend = false
		case "dups":
			c.AllowDuplicates = true
		case "open":
			c.Item.AllowUnrecognizedAttributes = true
		default:
			return nil, fmt.Errorf("unknown collection option %q", f)
		}
	}
	return c, nil
}

package schema

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Value checks follow the validators described in the header comment of
// IIS's schema files (docs/iis-behaviour.md §11), and their value grammar.
// Where IIS's parser is not documented, the checks accept more rather than
// less: an error here must be one IIS or ASP.NET would also report.

var validators = map[string]bool{
	"nonEmptyString": true, "requireTrimmedString": true, "integerRange": true, "timeSpanRange": true,
	"applicationPoolName": true, "siteName": true, "applicationPath": true, "virtualDirectoryPath": true,
}

func knownValidator(v string) bool { return validators[v] }

// CheckValue returns why v is not a valid value for the attribute, or "".
// caseSensitiveEnums is true for .NET sections, whose enum converter
// matches names exactly (<customErrors mode="off"> is an error there).
func (a *Attribute) CheckValue(v string, caseSensitiveEnums bool) string {
	if msg := a.checkType(v, caseSensitiveEnums); msg != "" {
		return msg
	}
	return a.checkValidator(v)
}

func (a *Attribute) checkType(v string, caseSensitiveEnums bool) string {
	switch a.Type {
	case Bool:
		if !strings.EqualFold(v, "true") && !strings.EqualFold(v, "false") {
			return fmt.Sprintf("%q is not a valid value for '%s': use true or false", v, a.Name)
		}
	case Int, UInt, Int64:
		if a.AllowInfinite && strings.EqualFold(strings.TrimSpace(v), "Infinite") {
			return ""
		}
		if _, ok := a.integer(v); !ok {
			return fmt.Sprintf("%q is not a valid value for '%s': expected %s", v, a.Name, integerKind(a.Type))
		}
	case TimeSpan:
		if _, ok := a.seconds(v); !ok {
			return fmt.Sprintf("%q is not a valid value for '%s': expected %s", v, a.Name, a.timeSpanKind())
		}
	case Enum:
		if a.enumValue(v, caseSensitiveEnums) {
			return ""
		}
		msg := fmt.Sprintf("%q is not a valid value for '%s': use one of %s", v, a.Name, a.valueNames())
		if caseSensitiveEnums && a.enumValue(v, false) {
			msg += " (letter case matters)"
		}
		return msg
	case Flags:
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(part)
			if part == "" || a.enumValue(part, false) {
				continue
			}
			if _, err := strconv.ParseUint(part, 10, 32); err == nil {
				continue
			}
			return fmt.Sprintf("%q is not a valid value for '%s': %q is not one of %s", v, a.Name, part, a.valueNames())
		}
	}
	return ""
}

func integerKind(t Type) string {
	switch t {
	case UInt:
		return "an unsigned 32-bit integer"
	case Int64:
		return "a 64-bit integer"
	}
	return "a 32-bit integer"
}

// integer parses an int, uint or int64 value.
func (a *Attribute) integer(v string) (int64, bool) {
	v = strings.TrimSpace(v)
	switch a.Type {
	case UInt:
		n, err := strconv.ParseUint(v, 10, 32)
		return int64(n), err == nil
	case Int64:
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil
	}
	n, err := strconv.ParseInt(v, 10, 32)
	return n, err == nil
}

// timeSpanPattern is [-][d.]h:m[:s[.fraction]], hours above 23 allowed
// ("29:00:00" is a shipped default), or a whole number of days.
var timeSpanPattern = regexp.MustCompile(`^-?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$`)

// seconds parses a timeSpan value in the attribute's format; infinite
// values give math.MaxInt64.
func (a *Attribute) seconds(v string) (int64, bool) {
	v = strings.TrimSpace(v)
	if a.AllowInfinite && strings.EqualFold(v, "Infinite") {
		return math.MaxInt64, true
	}
	switch a.TimeSpanFormat {
	case "seconds", "minutes":
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, false
		}
		if a.TimeSpanFormat == "minutes" {
			n *= 60
		}
		return n, true
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return n * 86400, true // .NET reads a lone number as days
	}
	m := timeSpanPattern.FindStringSubmatch(v)
	if m == nil {
		return 0, false
	}
	num := func(s string) int64 { n, _ := strconv.ParseInt(s, 10, 64); return n }
	total := num(m[1])*86400 + num(m[2])*3600 + num(m[3])*60 + num(m[4])
	if strings.HasPrefix(v, "-") {
		total = -total
	}
	return total, true
}

func (a *Attribute) timeSpanKind() string {
	switch a.TimeSpanFormat {
	case "seconds":
		return "a number of seconds"
	case "minutes":
		return "a number of minutes"
	}
	return "a time span such as 00:20:00 or 1.00:00:00"
}

func (a *Attribute) enumValue(v string, caseSensitive bool) bool {
	for _, e := range a.Values {
		if e.Name == v || (!caseSensitive && strings.EqualFold(e.Name, v)) {
			return true
		}
	}
	return false
}

func (a *Attribute) valueNames() string {
	names := make([]string, len(a.Values))
	for i, e := range a.Values {
		names[i] = e.Name
	}
	return strings.Join(names, ", ")
}

// checkValidator applies validationType with validationParameter.
func (a *Attribute) checkValidator(v string) string {
	switch a.Validation {
	case "nonEmptyString":
		if v == "" {
			return fmt.Sprintf("'%s' must not be empty", a.Name)
		}
	case "requireTrimmedString":
		if strings.TrimSpace(v) != v {
			return fmt.Sprintf("'%s' must not start or end with white space", a.Name)
		}
	case "integerRange", "timeSpanRange":
		parts := strings.Split(a.ValidationParam, ",")
		if len(parts) < 2 {
			return ""
		}
		lo, err1 := strconv.ParseInt(parts[0], 10, 64)
		hi, err2 := strconv.ParseInt(parts[1], 10, 64)
		if err1 != nil || err2 != nil {
			return ""
		}
		exclude := parts[len(parts)-1] == "exclude"
		var n int64
		var ok bool
		if a.Validation == "integerRange" {
			if a.AllowInfinite && strings.EqualFold(strings.TrimSpace(v), "Infinite") {
				return ""
			}
			n, ok = a.integer(v)
		} else {
			n, ok = a.seconds(v)
			if n == math.MaxInt64 {
				return ""
			}
		}
		if !ok {
			return ""
		}
		inside := n >= lo && n <= hi
		unit := ""
		if a.Validation == "timeSpanRange" {
			unit = " seconds"
		}
		switch {
		case exclude && inside:
			return fmt.Sprintf("'%s' must not be between %d and %d%s, not %s", a.Name, lo, hi, unit, v)
		case !exclude && !inside:
			return fmt.Sprintf("'%s' must be between %d and %d%s, not %s", a.Name, lo, hi, unit, v)
		}
	case "applicationPoolName":
		if i := strings.IndexAny(v, "|<>&\"/[]+=;:,?*@`"); i >= 0 {
			return fmt.Sprintf("'%s' must not contain %q", a.Name, v[i:i+1])
		}
	case "siteName":
		if i := strings.IndexAny(v, "/?"); i >= 0 {
			return fmt.Sprintf("'%s' must not contain %q", a.Name, v[i:i+1])
		}
	case "applicationPath", "virtualDirectoryPath":
		if v == "" && a.Validation == "virtualDirectoryPath" {
			return ""
		}
		if !strings.HasPrefix(v, "/") || (v != "/" && strings.HasSuffix(v, "/")) {
			return fmt.Sprintf("'%s' must start with / and not end with / (%q)", a.Name, v)
		}
		for _, seg := range strings.Split(v, "/") {
			if seg == "." || seg == ".." {
				return fmt.Sprintf("'%s' must not have a %q segment", a.Name, seg)
			}
		}
	}
	return ""
}

// Package validate holds iiscfg's lint rules. Rules read config.Documents
// and return findings; they never print or touch the file system.
package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/iiscfg/iiscfg/config"
)

// Severity orders findings; --fail-on compares against it.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string { return [...]string{"info", "warning", "error"}[s] }

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Rule is one check. Code and Name are stable: they appear in reports,
// configuration files and suppression comments.
type Rule struct {
	Code     string // e.g. "IC101"
	Name     string // kebab-case, e.g. "classic-http-modules"
	Severity Severity
	Summary  string // one line
	Doc      string // why it matters, what IIS answers, how to fix it
	// FixedByMigrate is set on rules whose findings iiscfg migrate fixes;
	// the text report counts them.
	FixedByMigrate bool
	// Set names the opt-in rule set the rule belongs to ("security"), or
	// is "" for a rule that runs by default. An opt-in rule runs only
	// when selected by its name, its code or its set's name.
	Set   string
	check func(*pass)
}

// OptIn reports whether the rule runs only when asked for.
func (r *Rule) OptIn() bool { return r.Set != "" }

var registry []*Rule

func register(r *Rule) *Rule {
	for _, o := range registry {
		if o.Code == r.Code || o.Name == r.Name {
			panic("validate: duplicate rule " + r.Code + " " + r.Name)
		}
	}
	registry = append(registry, r)
	sort.Slice(registry, func(i, j int) bool { return registry[i].Code < registry[j].Code })
	return r
}

// Rules lists every rule, ordered by code.
func Rules() []*Rule { return append([]*Rule(nil), registry...) }

// LookupRule finds a rule by name or code (case-insensitive).
func LookupRule(s string) *Rule {
	for _, r := range registry {
		if strings.EqualFold(r.Name, s) || strings.EqualFold(r.Code, s) {
			return r
		}
	}
	return nil
}

// LookupRules finds the rules a selector names: a rule's name or code, or
// the name of an opt-in rule set ("security"), case-insensitively.
func LookupRules(s string) []*Rule {
	if r := LookupRule(s); r != nil {
		return []*Rule{r}
	}
	var out []*Rule
	for _, r := range registry {
		if r.Set != "" && strings.EqualFold(r.Set, s) {
			out = append(out, r)
		}
	}
	return out
}

// Finding is one problem found in a file.
type Finding struct {
	File     string
	Start    config.Pos
	End      config.Pos // exclusive: the position just after the construct
	Rule     *Rule
	Severity Severity
	// Message is the headline: what is wrong, in a few words. Note says
	// what it leads to and Help how to fix it; either may be empty.
	Message string
	Note    string
	Help    string
	// Secret is set when the finding's line holds a password or key:
	// reports never quote that line.
	Secret bool
	// Suppressed is set on a finding an iiscfg-ignore comment suppresses;
	// Justification is the comment's reason.
	Suppressed    bool
	Justification string
}

// OneLine is the whole message on one line, for reports that have no room
// for notes: "headline: note; fix: help".
func (f Finding) OneLine() string {
	s := f.Message
	if f.Note != "" {
		s += ": " + f.Note
	}
	if f.Help != "" {
		s += "; fix: " + f.Help
	}
	return s
}

// SortFindings orders findings by file, line, column and rule, the order
// every report uses.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Start.Line != b.Start.Line {
			return a.Start.Line < b.Start.Line
		}
		if a.Start.Column != b.Start.Column {
			return a.Start.Column < b.Start.Column
		}
		if a.Rule.Name != b.Rule.Name {
			return a.Rule.Name < b.Rule.Name
		}
		return a.OneLine() < b.OneLine()
	})
}

package cli

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/iiscfg/iiscfg/internal/suggest"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// policy is how lint checks files: which rules run at what severity,
// whether suppression comments count, and the schema; the configuration
// file may change the rules for files matching globs.
type policy struct {
	off        map[string]bool // rule name -> disabled
	severities map[string]validate.Severity
	noInline   bool
	schema     *schema.Set
	overrides  []override
	server     *schema.ServerProfile // --server; nil: none
}

// override is one "overrides:" entry of the configuration file.
type override struct {
	globs []string // doublestar patterns, relative to base
	base  string   // the configuration file's folder
	rules map[string]ruleSetting
}

// ruleSetting is "off", or on at a severity (or at its own: sevSet false).
type ruleSetting struct {
	off    bool
	sev    validate.Severity
	sevSet bool
}

// newPolicy runs every rule but the opt-in ones.
func newPolicy() *policy {
	p := &policy{off: map[string]bool{}, severities: map[string]validate.Severity{}, schema: schema.Builtin(), server: schema.DefaultServer()}
	for _, r := range validate.Rules() {
		p.off[r.Name] = r.OptIn()
	}
	return p
}

// set applies one rule setting to the policy.
func (p *policy) set(r *validate.Rule, s ruleSetting) {
	p.off[r.Name] = s.off
	if s.sevSet {
		p.severities[r.Name] = s.sev
	}
}

// selectRules applies --only, --disable and --enable (names, codes or
// opt-in rule sets). A rule named on its own wins over its set: --enable
// security --disable trace-enabled runs the set without that rule. Naming
// one rule in two contradicting flags is a usage error.
func (p *policy) selectRules(only, disable, enable []string) error {
	type selection struct {
		rules []*validate.Rule
		set   bool // named by its rule set
	}
	lookup := func(flag string, names []string) ([]selection, error) {
		var out []selection
		for _, n := range names {
			for _, part := range strings.Split(n, ",") {
				if part = strings.TrimSpace(part); part == "" {
					continue
				}
				rs := validate.LookupRules(part)
				if len(rs) == 0 {
					return nil, usageError("%s: no rule %q%s (see iiscfg rules)", flag, part, suggest.DidYouMean(part, ruleNames()))
				}
				out = append(out, selection{rs, validate.LookupRule(part) == nil})
			}
		}
		return out, nil
	}
	// named lists the rules named on their own.
	named := func(sels []selection) []*validate.Rule {
		var out []*validate.Rule
		for _, s := range sels {
			if !s.set {
				out = append(out, s.rules...)
			}
		}
		return out
	}
	apply := func(sels []selection, sets, off bool) {
		for _, s := range sels {
			if s.set == sets {
				for _, r := range s.rules {
					p.off[r.Name] = off
				}
			}
		}
	}
	onlyRules, err := lookup("--only", only)
	if err != nil {
		return err
	}
	disabled, err := lookup("--disable", disable)
	if err != nil {
		return err
	}
	enabled, err := lookup("--enable", enable)
	if err != nil {
		return err
	}
	for _, r := range named(disabled) {
		if slices.Contains(named(onlyRules), r) {
			return usageError("--only and --disable both name %s (%s): choose one", r.Name, r.Code)
		}
		if slices.Contains(named(enabled), r) {
			return usageError("--enable and --disable both name %s (%s): choose one", r.Name, r.Code)
		}
	}
	if len(onlyRules) > 0 {
		for _, r := range validate.Rules() {
			p.off[r.Name] = true
		}
		apply(onlyRules, true, false)
		apply(onlyRules, false, false)
	}
	apply(enabled, true, false)
	apply(disabled, true, true)
	apply(disabled, false, true)
	apply(enabled, false, false)
	return nil
}

// ruleNames are the names and codes of every rule, for suggestions.
func ruleNames() []string {
	var names []string
	for _, r := range validate.Rules() {
		names = append(names, r.Name, r.Code)
		if r.Set != "" && !slices.Contains(names, r.Set) {
			names = append(names, r.Set)
		}
	}
	return names
}

// context fills a validation context's policy for one file.
func (p *policy) context(ctx validate.Context, file string) validate.Context {
	off, sev := p.off, p.severities
	for _, o := range p.overrides {
		if !o.matches(file) {
			continue
		}
		off, sev = copyMap(off), copyMap(sev)
		for name, s := range o.rules {
			off[name] = s.off
			if s.sevSet {
				sev[name] = s.sev
			}
		}
	}
	ctx.Enabled = func(r *validate.Rule) bool { return !off[r.Name] }
	ctx.Severities = sev
	ctx.NoInlineIgnore = p.noInline
	ctx.Schema = p.schema
	ctx.Profile = p.server
	return ctx
}

// matches reports whether a file falls under the override's globs (paths
// relative to the configuration file's folder, forward slashes).
func (o override) matches(file string) bool {
	rel := file
	if abs, err := filepath.Abs(file); err == nil {
		if r, err := filepath.Rel(o.base, abs); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, g := range o.globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}

func copyMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func (s ruleSetting) String() string {
	switch {
	case s.off:
		return "off"
	case s.sevSet:
		return s.sev.String()
	}
	return "on"
}

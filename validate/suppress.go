package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// Inline suppression, in XML comments (tflint's and hadolint's pragmas,
// docs/iis-behaviour.md §13.2; for XML the natural scope of a comment is the
// element after it):
//
//	<!-- iiscfg-ignore: RULE[,RULE] [- reason] -->       the next element
//	<!-- iiscfg-ignore-file: RULE[,RULE] [- reason] -->  the file; before the root element
//
// RULE is a name or a code, or "all". The reason follows " - ": XML forbids
// "--" inside a comment (System.Xml, and so ASP.NET, refuses such a file),
// so the "-- reason" form of other tools cannot be used.

// UnusedSuppression: a suppression comment that suppresses nothing.
var UnusedSuppression = register(&Rule{
	Code:     "IC901",
	Name:     "unused-suppression",
	Severity: Info,
	Summary:  "an iiscfg-ignore comment that suppresses nothing: the problem is gone, or the comment names the wrong rule or element",
	Doc: `An <!-- iiscfg-ignore: RULE --> comment suppresses findings of RULE on the element that follows
it; <!-- iiscfg-ignore-file: RULE --> before the root element suppresses them in the whole file.
A suppression that suppresses nothing is reported, so that stale ones do not hide the next
real problem: the finding was fixed, the comment names an unknown rule, sits before the wrong
element, or (for iiscfg-ignore-file) comes after the root element.

Remove the comment, or correct it. --no-inline-ignore ignores every suppression comment, for a
central policy that files may not override.`,
	check: func(*pass) {}, // reported by applySuppressions, after the other rules
})

// Suppression is one iiscfg-ignore comment.
type Suppression struct {
	Comment   *etree.Comment
	File      bool     // iiscfg-ignore-file
	Rules     []string // names, codes or "all", as written
	Reason    string
	target    *etree.Element // the next element; nil for the file
	misplaced bool           // iiscfg-ignore-file after the root element
}

// parseSuppression reads a comment's text; ok is false for any other
// comment.
func parseSuppression(text string) (s Suppression, ok bool) {
	t := strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(t, "iiscfg-ignore-file:"):
		s.File, t = true, t[len("iiscfg-ignore-file:"):]
	case strings.HasPrefix(t, "iiscfg-ignore:"):
		t = t[len("iiscfg-ignore:"):]
	default:
		return s, false
	}
	rules, reason, _ := strings.Cut(t, " - ")
	s.Reason = strings.TrimSpace(reason)
	for _, r := range strings.Split(rules, ",") {
		if r = strings.TrimSpace(r); r != "" {
			s.Rules = append(s.Rules, r)
		}
	}
	return s, true
}

// Suppressions finds the document's suppression comments, in document
// order, each with the element it applies to.
func Suppressions(doc *config.Document) []Suppression {
	var out []Suppression
	var walk func(e *etree.Element)
	handle := func(c *etree.Comment, beforeRoot bool) {
		s, ok := parseSuppression(c.Data)
		if !ok {
			return
		}
		s.Comment = c
		if s.File {
			s.misplaced = !beforeRoot
		} else if span, ok := doc.TokenSpan(c); ok {
			s.target = nextElement(doc, span.End)
		}
		out = append(out, s)
	}
	walk = func(e *etree.Element) {
		for _, t := range e.Child {
			switch t := t.(type) {
			case *etree.Comment:
				handle(t, false)
			case *etree.Element:
				walk(t)
			}
		}
	}
	beforeRoot := true
	for _, t := range doc.Tree.Child {
		switch t := t.(type) {
		case *etree.Comment:
			handle(t, beforeRoot)
		case *etree.Element:
			beforeRoot = false
			walk(t)
		}
	}
	return out
}

// nextElement is the first element whose start tag begins at or after
// offset.
func nextElement(doc *config.Document, offset int) *etree.Element {
	els := doc.Elements()
	i := sort.Search(len(els), func(i int) bool { return doc.Info(els[i]).StartTag.Start >= offset })
	if i < len(els) {
		return els[i]
	}
	return nil
}

// names reports whether a suppression names the rule (by name, code or
// "all").
func (s Suppression) names(r *Rule, token string) bool {
	return strings.EqualFold(token, "all") || strings.EqualFold(token, r.Name) || strings.EqualFold(token, r.Code)
}

// SuppressionUses records which suppressions suppressed something, over
// several passes on one document (applicationHost.config is linted once on
// its own and once per application): set Context.Uses to share it, and
// call UnusedSuppressions after the last pass.
type SuppressionUses struct {
	used map[*etree.Comment]map[string]bool
	// sups are the documents' suppressions, read once: a pass per
	// application must not walk all of applicationHost.config again.
	sups map[*config.Document][]Suppression
}

// NewSuppressionUses starts an empty record.
func NewSuppressionUses() *SuppressionUses {
	return &SuppressionUses{used: map[*etree.Comment]map[string]bool{}, sups: map[*config.Document][]Suppression{}}
}

// suppressions are Suppressions(doc), read once per record.
func (u *SuppressionUses) suppressions(doc *config.Document) []Suppression {
	if u == nil {
		return Suppressions(doc)
	}
	sups, ok := u.sups[doc]
	if !ok {
		sups = Suppressions(doc)
		u.sups[doc] = sups
	}
	return sups
}

func (u *SuppressionUses) mark(c *etree.Comment, token string) {
	if u.used[c] == nil {
		u.used[c] = map[string]bool{}
	}
	u.used[c][strings.ToLower(token)] = true
}

// applySuppressions moves the findings the document's comments suppress to
// suppressed, and, without a shared record, reports the suppressions that
// suppress nothing.
func applySuppressions(doc *config.Document, ctx *Context, findings []Finding) (active, suppressed []Finding) {
	sups := ctx.Uses.suppressions(doc)
	if len(sups) == 0 {
		return findings, nil
	}
	uses := ctx.Uses
	if uses == nil {
		uses = NewSuppressionUses()
	}
	for _, f := range findings {
		matched := false
		for _, s := range sups {
			if s.misplaced || (!s.File && !covers(doc, s.target, f)) {
				continue
			}
			for _, tok := range s.Rules {
				if s.names(f.Rule, tok) {
					uses.mark(s.Comment, tok)
					if !matched {
						f.Suppressed, f.Justification, matched = true, s.Reason, true
					}
				}
			}
		}
		if matched {
			suppressed = append(suppressed, f)
		} else {
			active = append(active, f)
		}
	}
	if ctx.Uses == nil {
		active = append(active, unused(doc, ctx, sups, uses)...)
		SortFindings(active)
	}
	return active, suppressed
}

// UnusedSuppressions reports the document's suppressions that suppressed
// nothing in any pass recorded in uses.
func UnusedSuppressions(doc *config.Document, ctx Context, uses *SuppressionUses) []Finding {
	if ctx.NoInlineIgnore {
		return nil
	}
	return unused(doc, &ctx, uses.suppressions(doc), uses)
}

func unused(doc *config.Document, ctx *Context, sups []Suppression, uses *SuppressionUses) []Finding {
	if ctx.Enabled != nil && !ctx.Enabled(UnusedSuppression) {
		return nil
	}
	var out []Finding
	for _, s := range sups {
		span, _ := doc.TokenSpan(s.Comment)
		emit := func(format string, args ...any) {
			out = append(out, Finding{File: doc.Path, Start: doc.Pos(span.Start), End: doc.Pos(span.End),
				Rule: UnusedSuppression, Severity: ctx.severity(UnusedSuppression, UnusedSuppression.Severity), Message: fmt.Sprintf(format, args...)})
		}
		kind := "iiscfg-ignore"
		if s.File {
			kind = "iiscfg-ignore-file"
		}
		switch {
		case s.misplaced:
			emit("%s must come before the root element: it suppresses nothing here", kind)
			continue
		case len(s.Rules) == 0:
			emit("%s names no rule (write <!-- %s: RULE[,RULE] - reason -->)", kind, kind)
			continue
		case !s.File && s.target == nil:
			emit("%s is not followed by an element: it suppresses nothing", kind)
			continue
		}
		for _, tok := range s.Rules {
			if uses.used[s.Comment][strings.ToLower(tok)] {
				continue
			}
			r := LookupRule(tok)
			switch {
			case r == nil && !strings.EqualFold(tok, "all"):
				emit("%s names an unknown rule %q (see iiscfg rules)", kind, tok)
			case r != nil && ctx.Enabled != nil && !ctx.Enabled(r):
				// A disabled rule's suppression may be used when it is on.
			case s.File:
				emit("%s: %s suppresses nothing in this file", kind, tok)
			default:
				emit("%s: %s suppresses nothing on <%s> (line %d)", kind, tok, s.target.Tag, doc.StartPos(s.target).Line)
			}
		}
	}
	return out
}

// covers reports whether a finding is on element e: it starts inside e's
// start tag (the element itself or one of its attributes).
func covers(doc *config.Document, e *etree.Element, f Finding) bool {
	if e == nil {
		return false
	}
	tag := doc.Info(e).StartTag
	return f.Start.Offset >= tag.Start && f.Start.Offset < tag.End
}

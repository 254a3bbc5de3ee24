package validate

import (
	"fmt"
	"strings"
	"sync"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// Pipeline is an application pool's managedPipelineMode.
type Pipeline int

const (
	Integrated Pipeline = iota
	Classic
)

func (p Pipeline) String() string { return [...]string{"Integrated", "Classic"}[p] }

// Server is what the levels above the application provide.
type Server struct {
	// RootHTTPModules and RootHTTPHandlers are system.web/httpModules and
	// httpHandlers at MACHINE/WEBROOT: the root web.config of the pool's
	// runtime. IIS compares the application's lists with these.
	RootHTTPModules  []config.Item
	RootHTTPHandlers []config.Item
	// Modules and Handlers are system.webServer/modules and handlers
	// above the chain: a stock applicationHost.config's for a lone file,
	// nil when applicationHost.config is one of the chain's files.
	Modules  []config.Item
	Handlers []config.Item
	// Validation is the inherited validateIntegratedModeConfiguration.
	Validation bool
}

// StockServer is a stock IIS 10 server whose pool runs runtime r. Its
// lists are built once per runtime and shared: collections never change
// the lists they start from.
func StockServer(r schema.Runtime) Server {
	if v, ok := stockServers.Load(r); ok {
		return v.(Server)
	}
	s := Server{
		RootHTTPModules:  config.ItemsFromEntries(schema.RootHTTPModules(r)),
		RootHTTPHandlers: config.ItemsFromEntries(schema.RootHTTPHandlers(r)),
		Modules:          config.ItemsFromEntries(schema.AppHostModules(r == schema.V20)),
		Handlers:         config.ItemsFromEntries(schema.AppHostHandlers(r == schema.V20)),
		Validation:       true,
	}
	stockServers.Store(r, s)
	return s
}

var stockServers sync.Map // schema.Runtime -> Server

// Context says where a document is deployed.
type Context struct {
	Runtime  schema.Runtime
	Pipeline Pipeline
	Server   Server
	// Pool is what preConditions are evaluated against.
	Pool schema.Pool
	// Above and Below are the other files of the document's chain (see
	// config.Source): Above those before it along the URL, outermost
	// first; Below those after it, when the document is
	// applicationHost.config and the application's web.config follows.
	Above, Below []config.Source
	// Prefix is the configuration path of the document's folder in the
	// chain's coordinates ("" for a lone file).
	Prefix string
	// Path is the configuration path whose requests are checked (the
	// application's, or a subfolder's); "" means Prefix.
	Path string
	// Scope names the application in messages ("Default Web Site/app1");
	// empty: "the application".
	Scope string
	// Exclude are the configuration paths below Path that belong to other
	// (nested) applications: their requests are not this application's.
	Exclude []string
	// PoolPeers are the other applications of the application's pool
	// that run ASP.NET Core, with their hosting model (--apphost); nil
	// when unknown.
	PoolPeers []PoolPeer
	// AppRoot is true when Path is the application's root (modules and
	// identity are checked there only).
	AppRoot bool
	// Enabled selects rules; nil runs every rule that is not opt-in.
	Enabled func(*Rule) bool
	// Profile is the kind of server assumed when no applicationHost.config
	// is part of the chain: its locks and installed add-ons (--server);
	// nil assumes nothing.
	Profile *schema.ServerProfile
	// OwnOnly leaves out what the application inherits from a parent
	// application's files (the migrator asks what its document fails).
	OwnOnly bool
	// IgnoreValidation reports as if validateIntegratedModeConfiguration
	// were true everywhere: what IIS would refuse without the override.
	IgnoreValidation bool
	// Schema is what the schema rules check against; nil is iiscfg's
	// built-in schema.
	Schema *schema.Set
	// Severities override rules' severities, by rule name. A finding a
	// rule reports at another severity than its default (an info in a
	// Classic pool) keeps it.
	Severities map[string]Severity
	// NoInlineIgnore ignores iiscfg-ignore comments.
	NoInlineIgnore bool
	// TransformSource is the web.config an XDT transform document applies
	// to (the xdt-* rules apply it); nil when there is none.
	TransformSource *config.Document
	// Deployed says the document is the result of transforms: what the
	// server will run (leftover-token checks it).
	Deployed bool
	// Uses, when set, collects which suppressions were used over several
	// passes on the document; unused ones are then reported by
	// UnusedSuppressions, not by each pass.
	Uses *SuppressionUses
	// Host, when set, is the applicationHost model of the document (the
	// server commands have it): rules that need it do not build it again
	// in every pass.
	Host *config.AppHost
}

// severity is the severity a finding of rule r reported at sev gets.
func (c *Context) severity(r *Rule, sev Severity) Severity {
	if o, ok := c.Severities[r.Name]; ok && sev == r.Severity {
		return o
	}
	return sev
}

// OnlyRules enables just the named rules.
func OnlyRules(names ...string) func(*Rule) bool {
	return func(r *Rule) bool {
		for _, n := range names {
			if r.Name == n {
				return true
			}
		}
		return false
	}
}

// DefaultContext is a lone web.config taken as the root of an application
// in an Integrated pool of runtime r on a stock server.
func DefaultContext(r schema.Runtime) Context {
	return Context{Runtime: r, Pipeline: Integrated, Server: StockServer(r), AppRoot: true, Profile: schema.DefaultServer(),
		Pool: schema.Pool{Integrated: true, Runtime: r}}
}

// Lint runs the enabled rules over doc and returns the findings that no
// iiscfg-ignore comment suppresses, sorted.
func Lint(doc *config.Document, ctx Context) []Finding { return Check(doc, ctx).Findings }

// Result is what Check finds in a document.
type Result struct {
	Findings   []Finding // sorted
	Suppressed []Finding // what iiscfg-ignore comments suppress, with their reasons
}

// Check runs the enabled rules over doc and applies its suppression
// comments (unless ctx.NoInlineIgnore).
func Check(doc *config.Document, ctx Context) Result {
	var findings []Finding
	p := &pass{doc: doc, ctx: &ctx, findings: &findings}
	// A file IIS cannot read gets only the finding that says so.
	readable := ValidRoot(doc) || doc.Root() == nil
	for _, r := range registry {
		if (ctx.Enabled == nil && r.OptIn()) || (ctx.Enabled != nil && !ctx.Enabled(r)) || (!readable && r != InvalidRootElement) {
			continue
		}
		p.rule = r
		r.check(p)
	}
	SortFindings(findings)
	if ctx.NoInlineIgnore {
		return Result{Findings: findings}
	}
	active, suppressed := applySuppressions(doc, &ctx, findings)
	return Result{Findings: active, Suppressed: suppressed}
}

// pass is the state shared by the rules while they lint one document.
type pass struct {
	doc      *config.Document
	ctx      *Context
	rule     *Rule
	findings *[]Finding
	im       *integratedModel
	schema   *[]schemaIssue
	xdt      *transformRun
	sections map[string]sectionIndex     // by section path: see levels
	elements map[string][]*etree.Element // by section path: see ownElements
	merges   map[mergeKey]*merged        // see merge
	sources  []config.Source             // see chain
	// preConditions are the entries with a preCondition (see
	// preConditionEntries).
	preConditions *[]preConditionEntry
	rules         *[]rewriteRule // see rewriteRules
}

// report records a finding of the rule's severity that spans element e.
func (p *pass) report(e *etree.Element, format string, args ...any) {
	p.reportAs(p.rule.Severity, e, format, args...)
}

// reportAs records a finding of severity sev that spans element e.
func (p *pass) reportAs(sev Severity, e *etree.Element, format string, args ...any) {
	p.reportSpan(sev, p.doc.Info(e).Whole(), format, args...)
}

// reportStartTag records a finding of the rule's severity on e's start tag.
func (p *pass) reportStartTag(e *etree.Element, format string, args ...any) {
	p.reportSpan(p.rule.Severity, p.doc.Info(e).StartTag, format, args...)
}

// reportAttr records a finding on one attribute of e (its name to the end
// of its value), or on e when it has no such attribute.
func (p *pass) reportAttr(e *etree.Element, attr string, format string, args ...any) {
	if a, ok := p.doc.AttrInfo(e, attr); ok {
		p.reportSpan(p.rule.Severity, config.Span{Start: a.Key.Start, End: a.Value.End + 1}, format, args...)
		return
	}
	p.report(e, format, args...)
}

// reportSecretAttr is reportAttr for an attribute whose value is a secret:
// the message must not quote it, and reports do not quote its line.
func (p *pass) reportSecretAttr(e *etree.Element, attr string, format string, args ...any) {
	p.reportAttr(e, attr, format, args...)
	(*p.findings)[len(*p.findings)-1].Secret = true
}

// explain adds what the last finding leads to (note) and how to fix it
// (help); reports show them below the headline.
func (p *pass) explain(note, help string) {
	f := &(*p.findings)[len(*p.findings)-1]
	f.Note, f.Help = note, help
}

func (p *pass) reportSpan(sev Severity, span config.Span, format string, args ...any) {
	*p.findings = append(*p.findings, Finding{
		File:     p.doc.Path,
		Start:    p.doc.Pos(span.Start),
		End:      p.doc.Pos(span.End),
		Rule:     p.rule,
		Severity: p.ctx.severity(p.rule, sev),
		Message:  fmt.Sprintf(format, args...),
	})
}

// chain is the document's chain of files (made once per pass; callers
// only read it).
func (p *pass) chain() []config.Source {
	if p.sources == nil {
		out := make([]config.Source, 0, len(p.ctx.Above)+1+len(p.ctx.Below))
		out = append(out, p.ctx.Above...)
		out = append(out, config.Source{Doc: p.doc, Prefix: p.ctx.Prefix})
		p.sources = append(out, p.ctx.Below...)
	}
	return p.sources
}

// base is the path whose requests are checked.
func (p *pass) base() string {
	if p.ctx.Path != "" {
		return config.NormalizeLocationPath(p.ctx.Path)
	}
	return config.NormalizeLocationPath(p.ctx.Prefix)
}

// levelsAt returns the levels of a section that apply at path along the
// chain, outermost first.
func (p *pass) levelsAt(section, path string) []config.Level {
	return config.LevelsAt(p.chain(), section, path)
}

// parseBool reads a bool as the configuration system does.
func parseBool(s string) (bool, bool) {
	s = strings.TrimSpace(s)
	switch {
	case strings.EqualFold(s, "true"):
		return true, true
	case strings.EqualFold(s, "false"):
		return false, true
	}
	return false, false
}

// hasDirectives reports whether a collection element has any child element
// (an empty <httpModules/> changes nothing).
func hasDirectives(e *etree.Element) bool {
	for _, c := range e.ChildElements() {
		if c.Space == "" {
			return true
		}
	}
	return false
}

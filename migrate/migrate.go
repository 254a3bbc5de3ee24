// Package migrate moves system.web/httpModules and httpHandlers to
// system.webServer/modules and handlers exactly as IIS's
// "appcmd migrate config" does (docs/iis-behaviour.md
// §1-§4), and, unless asked for appcmd's exact behaviour, corrects what
// appcmd gets wrong. It is pure: documents in, a migrated document and
// messages out.
package migrate

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// Compat chooses between appcmd's exact output and iiscfg's corrections.
type Compat int

const (
	// Best writes handlers whose preCondition holds for the pool's runtime,
	// writes the validation element whenever the migration leaves nothing
	// for IIS to object to, and reports what stays unsupported.
	Best Compat = iota
	// Appcmd reproduces appcmd migrate config, quirks included.
	Appcmd
)

func (c Compat) String() string { return [...]string{"best", "appcmd"}[c] }

// Server is what the application inherits from the server level.
type Server struct {
	// ServerHTTPModules and ServerHTTPHandlers are the lists at
	// MACHINE/WEBROOT/APPHOST (S in the spec): the root web.config of the
	// server-level runtime.
	ServerHTTPModules  []config.Item
	ServerHTTPHandlers []config.Item
	// AppHTTPModules and AppHTTPHandlers are the root web.config lists of
	// the application pool's runtime, which the application's own sections
	// merge onto (A).
	AppHTTPModules  []config.Item
	AppHTTPHandlers []config.Item
	// Modules and Handlers are system.webServer/modules and handlers as
	// applicationHost.config gives them to the application (M and H).
	Modules  []config.Item
	Handlers []config.Item
	// Validation is the inherited validateIntegratedModeConfiguration.
	Validation bool
}

// StockServer is a stock IIS 10 server: the root web.config lists of both
// runtimes and the stock applicationHost.config modules and handlers (with
// the .NET 3.5 entries when either runtime is v2.0).
func StockServer(appRuntime, serverRuntime schema.Runtime) Server {
	net35 := appRuntime == schema.V20 || serverRuntime == schema.V20
	return Server{
		ServerHTTPModules:  config.ItemsFromEntries(schema.RootHTTPModules(serverRuntime)),
		ServerHTTPHandlers: config.ItemsFromEntries(schema.RootHTTPHandlers(serverRuntime)),
		AppHTTPModules:     config.ItemsFromEntries(schema.RootHTTPModules(appRuntime)),
		AppHTTPHandlers:    config.ItemsFromEntries(schema.RootHTTPHandlers(appRuntime)),
		Modules:            config.ItemsFromEntries(schema.AppHostModules(net35)),
		Handlers:           config.ItemsFromEntries(schema.AppHostHandlers(net35)),
		Validation:         true,
	}
}

// Options control one migration.
type Options struct {
	Compat Compat
	// Modules and Handlers select the sections (appcmd's -section); appcmd
	// writes the validation element only when both are migrated.
	Modules, Handlers bool
	Clear             bool // remove the migrated system.web sections (appcmd -clear)
	Recurse           bool // also migrate httpHandlers in <location> paths below (appcmd -recurse, on by default)
	Runtime           schema.Runtime
	Server            Server
	// Above are the files before the document along the URL (see
	// config.Source), outermost first; Prefix is the configuration path of
	// the document's folder in their coordinates.
	Above  []config.Source
	Prefix string
	// AppRoot is true for the application's root web.config. A subfolder's
	// web.config only has its handlers migrated, as appcmd's recursion does.
	AppRoot bool
	// Within, when set, limits the migration to the document's <location>
	// tags at or below this configuration path: applicationHost.config's
	// location tags for one application.
	Within string
	// Exclude are configuration paths of nested applications: their
	// <location> tags are migrated with their own application and pool.
	Exclude []string
}

// DefaultOptions migrates both sections of an application root in a stock
// server's pool of runtime r, the way iiscfg recommends.
func DefaultOptions(r schema.Runtime) Options {
	return Options{Compat: Best, Modules: true, Handlers: true, Recurse: true, Runtime: r,
		Server: StockServer(r, r), AppRoot: true}
}

// MessageKind sorts what a migration prints.
type MessageKind int

const (
	Console MessageKind = iota // a line appcmd prints: "Successfully migrated section ..."
	Warning                    // appcmd's warning, or a problem iiscfg found
	Note                       // iiscfg's explanation of a difference from appcmd
)

func (k MessageKind) String() string { return [...]string{"", "warning", "note"}[k] }

// Message is one line of a migration's console output.
type Message struct {
	Kind     MessageKind
	Location string // the <location> path it is about; "" for the file's own level
	Text     string
}

// Result is a migration's outcome.
type Result struct {
	// Doc is the migrated document; its Bytes are the file to write.
	Doc *config.Document
	// Changed: the migrated file's bytes differ from the input's.
	Changed  bool
	Messages []Message
	// Plan is every change written, in order.
	Plan []Planned
	// Counts of written elements, for reports.
	ModulesAdded, ModulesRemoved, HandlersAdded, HandlersRemoved int
	ValidationWritten                                            bool
}

// Planned is one change a migration writes.
type Planned struct {
	Location string // the <location> path; "" for the file's own level
	Section  string // e.g. "system.webServer/handlers"
	// Op is "add" (a new <add>), "remove" (a new <remove>), "delete" (a
	// local <add> taken out), "set" (an attribute) or "clear" (the section
	// removed, --clear).
	Op    string
	Key   string // the entry's name, or the attribute's for "set"
	Value string // the attribute's value for "set"
}

// Error is a migration that cannot be done, with the place it concerns.
type Error struct {
	Pos config.Pos
	Msg string
}

func (e *Error) Error() string { return e.Msg }

// Migrate migrates doc. doc itself is not changed; Result.Doc holds the
// migrated document.
func Migrate(doc *config.Document, opts Options) (*Result, error) {
	if doc.Kind() != config.KindWebConfig && !(doc.Kind() == config.KindAppHost && opts.Within != "") {
		return &Result{Doc: doc}, nil
	}
	if root := doc.Root(); root != nil && !validate.ValidRoot(doc) {
		return nil, &Error{Pos: doc.StartPos(root), Msg: fmt.Sprintf("the root element is <%s>, not <configuration>: IIS cannot read this file (HTTP 500.19)", root.FullTag())}
	}
	m := &migration{opts: opts, res: &Result{Doc: doc.Fork()}}
	if err := m.check(doc); err != nil {
		return nil, err
	}
	steps := []func() (bool, error){}
	if opts.Modules && opts.AppRoot && opts.Within == "" {
		steps = append(steps, m.modules)
	}
	if opts.Handlers {
		steps = append(steps, m.handlers)
	}
	steps = append(steps, m.validation)
	for _, step := range steps {
		if _, err := step(); err != nil {
			return nil, err
		}
	}
	m.finalNotes()
	m.res.Changed = !bytes.Equal(m.res.Doc.Bytes(), doc.Bytes())
	return m.res, nil
}

type migration struct {
	opts            Options
	res             *Result
	modulesChanged  bool
	handlersChanged bool
	// unresolved: an entry the migration could not carry over (a name
	// clash, or a removal the Integrated handlers do not mirror). iiscfg
	// then leaves validation on, so IIS keeps saying so.
	unresolved bool
}

func (m *migration) doc() *config.Document { return m.res.Doc }

func (m *migration) plan(p Planned) { m.res.Plan = append(m.res.Plan, p) }

func (m *migration) say(kind MessageKind, location, format string, args ...any) {
	m.res.Messages = append(m.res.Messages, Message{Kind: kind, Location: location, Text: fmt.Sprintf(format, args...)})
}

// commit re-reads the document with the step's edits applied, so that the
// next step sees the live configuration, as appcmd commits each path.
func (m *migration) commit() error {
	d := m.doc()
	if !d.Edited() {
		return nil
	}
	next, err := config.Load(d.Path, d.Bytes())
	if err != nil {
		return fmt.Errorf("internal error: the migrated file does not parse: %w", err)
	}
	m.res.Doc = next
	return nil
}

// check refuses documents whose system.webServer collections IIS itself
// would refuse, because there is no single place to write to.
func (m *migration) check(doc *config.Document) error {
	for _, sec := range []*schema.Section{schema.Modules, schema.Handlers, schema.Validation} {
		seen := map[string]bool{}
		for _, e := range doc.SectionElements(sec.Path) {
			loc, _ := config.LocationOf(e)
			if seen[loc] {
				where := "at the application level"
				if loc != "" {
					where = fmt.Sprintf("in <location path=%q>", loc)
				}
				return &Error{Pos: doc.StartPos(e), Msg: fmt.Sprintf("%s appears more than once %s (IIS answers HTTP 500.19 for that); merge them first", sec.Path, where)}
			}
			seen[loc] = true
		}
	}
	return nil
}

// levels returns the levels of a section at rel (relative to the current
// document's folder), the files above first.
func (m *migration) levels(sec *schema.Section, rel string) []config.Level {
	chain := append(append([]config.Source(nil), m.opts.Above...), config.Source{Doc: m.doc(), Prefix: m.opts.Prefix})
	return config.LevelsAt(chain, sec.Path, config.JoinPath(m.opts.Prefix, rel))
}

// effective merges a section from base down to rel.
func (m *migration) effective(sec *schema.Section, base []config.Item, rel string) []config.Item {
	c := config.NewCollection(sec.Root.Collection, base)
	for _, l := range m.levels(sec, rel) {
		c.ApplyLevel(l)
	}
	return c.Items
}

func get(it config.Item, name string) string {
	v, _ := it.Get(name)
	return v
}

// parentEntries collects the classic entries a migration leaves to a
// parent application. appcmd migrates the effective collection, inherited
// entries included, so migrating a nested application first copies its
// parent's entries into it, where they become duplicates (HTTP 500.19) once
// the parent is migrated; and the nested application inherits the
// parent's system.webServer entries and validation anyway. iiscfg's own
// mode leaves them to the parent's migration and says so.
type parentEntries struct {
	files []string // the parent applications' files, in the order met
}

// leave reports whether an entry to add, named name in the integrated
// section at rel, comes from a parent application's file and is left to
// it. It is not when this application's own integrated section clears
// the inherited entries or removes that name: it would not inherit the
// parent's migrated entry, so it gets its own.
func (p *parentEntries) leave(m *migration, it config.Item, integrated *schema.Section, rel, name string) bool {
	if m.opts.Compat != Best || it.Doc == nil || it.Doc == m.doc() || m.blocksInherited(integrated, rel, name) {
		return false
	}
	for _, s := range m.opts.Above {
		if s.ParentApp && s.Doc == it.Doc {
			if !slices.Contains(p.files, it.Doc.Path) {
				p.files = append(p.files, it.Doc.Path)
			}
			return true
		}
	}
	return false
}

// blocksInherited reports whether the document's own integrated section
// at rel has a <clear/>, or a <remove> of name.
func (m *migration) blocksInherited(integrated *schema.Section, rel, name string) bool {
	for _, l := range m.levels(integrated, rel) {
		if l.Doc != m.doc() {
			continue
		}
		for _, e := range l.Elems {
			for c := range e.ChildElementsSeq() {
				if c.Tag == "clear" || c.Tag == "remove" && c.SelectAttrValue("name", "") == name {
					return true
				}
			}
		}
	}
	return false
}

func (p *parentEntries) say(m *migration, rel string, classic, integrated *schema.Section) {
	for _, f := range p.files {
		m.say(Note, rel, "%s entries inherited from the parent application's %s are left to its migration: this application inherits its %s (copied here, they would become duplicates: HTTP 500.19)",
			classic.Path, f, integrated.Path)
	}
}

package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/suggest"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/validate"
)

// selectApps returns the applications named by "Site/app" arguments, or
// every application when there are none.
func (s *server) selectApps(ids []string) ([]*config.App, error) {
	if len(ids) == 0 {
		return s.host.Apps(), nil
	}
	var out []*config.App
	for _, id := range ids {
		siteName, _, _ := strings.Cut(id, "/")
		if s.host.Site(siteName) == nil {
			var names []string
			for _, site := range s.host.Sites {
				names = append(names, site.Name)
			}
			return nil, usageError("no site %q in %s%s (sites: %s)", siteName, s.host.Doc.Path, quotedSuggestion(siteName, names), listSome(names))
		}
		res, err := s.host.Resolve(id)
		if err != nil {
			return nil, usageError("%v", err)
		}
		if !strings.EqualFold(strings.TrimSuffix(res.URLPath, "/"), strings.TrimSuffix(res.App.Path, "/")) {
			// appcmd's own words (appobj.dll.mui, docs/iis-behaviour.md §1.3), then
			// what the name is: a near miss, or a URL inside an application.
			var paths []string
			for _, a := range res.App.Site.Apps {
				paths = append(paths, a.Path)
			}
			why := ""
			if res.App.Path == "/" {
				// Under the root application, a misspelt application is
				// likelier than a folder; inside another one, a folder.
				if p := suggest.Nearest(res.URLPath, paths); p != "" {
					why = fmt.Sprintf(" (did you mean %q?)", res.App.Site.Name+p)
				}
			}
			if why == "" {
				why = fmt.Sprintf(" (%s is not an application: application %q serves it; the site's applications: %s)", res.URLPath, res.App.Name(), listSome(paths))
			}
			return nil, usageError("Cannot find APP object with identifier %q.%s", id, why)
		}
		out = append(out, res.App)
	}
	return out, nil
}

// quotedSuggestion is ` (did you mean "X"?)` for the candidate nearest to
// name, or "".
func quotedSuggestion(name string, candidates []string) string {
	if n := suggest.Nearest(name, candidates); n != "" {
		return fmt.Sprintf(" (did you mean %q?)", n)
	}
	return ""
}

// listSome joins the first ten names, and says how many more there are.
func listSome(names []string) string {
	const most = 10
	if len(names) <= most {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:most], ", "), len(names)-most)
}

// missingPool says that an application's pool is not defined, which makes
// IIS answer 503 for it.
func missingPool(app *config.App) string {
	return fmt.Sprintf("application pool %q is not defined, so IIS cannot start the application", app.PoolName)
}

// lint lints applicationHost.config and the applications of its
// sites, each file against the pool of the application it belongs to.
// notes are things the user should know that are not findings (a folder
// that is not on this machine).
//
// Like lint of a tree, it keeps of each web.config only the findings and
// the lines they quote: an application's files are dropped when the next
// application is linted (see retain).
func (s *server) lint(ids []string, pol *policy) (res *report.Result, src report.Source, notes []string, err error) {
	apps, err := s.selectApps(ids)
	if err != nil {
		return nil, nil, nil, err
	}
	res = &report.Result{}
	lines := snippets{}
	files := map[string]bool{s.host.Doc.Path: true}
	seen := map[string]int{} // finding identity -> index in res.Findings
	add := func(doc *config.Document, r validate.Result) {
		for _, f := range append(r.Findings, r.Suppressed...) {
			key := fmt.Sprintf("%s:%d:%d:%s", f.File, f.Start.Line, f.Start.Column, f.Rule.Name)
			if _, dup := seen[key]; dup {
				continue // the same file seen through another application
			}
			seen[key] = 0
			if f.Suppressed {
				res.Suppressed = append(res.Suppressed, f)
				continue
			}
			res.Findings = append(res.Findings, f)
			if f.File == doc.Path && f.Start.Line >= 1 && f.Start.Line <= doc.LineCount() {
				if lines[doc.Path] == nil {
					lines[doc.Path] = map[int]string{}
				}
				lines[doc.Path][f.Start.Line] = doc.Line(f.Start.Line)
			}
		}
	}

	// applicationHost.config on its own (pools, preCondition spelling, the
	// schema), then once per application; its unused suppressions are
	// known after the last pass.
	hostUses := validate.NewSuppressionUses()
	hostBase := pol.context(validate.Context{}, s.host.Doc.Path)
	hostBase.Uses = hostUses
	add(s.host.Doc, validate.Check(s.host.Doc, hostBase))

	for _, app := range apps {
		nodes, err := s.chain(app.Site, app.Path)
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s: %v", app.Name(), err))
			continue
		}
		s.retain(nodes)
		if s.host.Pool(app.PoolName) == nil {
			notes = append(notes, fmt.Sprintf("%s: %s; linted as in an Integrated v4.0 pool", app.Name(), missingPool(app)))
		}
		// applicationHost.config's <location> tags for this application,
		// with the application's web.config files below them.
		hostCtx := s.appContext(app, nodes, len(nodes)-1)
		hostCtx.Above, hostCtx.Prefix = nil, ""
		hostCtx.Path, hostCtx.Scope = app.ConfigPath(), app.Name()
		hostCtx.Below = append(hostCtx.Below, webSources(nodes, app, nil)...)
		// The schema rules read applicationHost.config once, above.
		hostCtx = pol.context(hostCtx, s.host.Doc.Path)
		enabled := hostCtx.Enabled
		hostCtx.Enabled = func(r *validate.Rule) bool { return !r.ChecksSchema() && enabled(r) }
		hostCtx.Uses = hostUses
		add(s.host.Doc, validate.Check(s.host.Doc, hostCtx))

		root := nodes[len(nodes)-1]
		if !root.present {
			notes = append(notes, fmt.Sprintf("%s: %s; not linted", app.Name(), s.missingFolder(root.res.PhysicalPath)))
			continue
		}
		type pass struct {
			doc *config.Document
			ctx validate.Context
		}
		var passes []pass
		var subfolders []config.Source // the application's other web.config files
		for _, folder := range s.appFolders(app) {
			url := urlOf(app, root.folder, folder)
			fnodes, err := s.chain(app.Site, url)
			if err != nil || fnodes[len(fnodes)-1].doc == nil {
				continue
			}
			doc := fnodes[len(fnodes)-1].doc
			files[doc.Path] = true
			ctx := pol.context(s.appContext(app, fnodes, len(fnodes)-1), doc.Path)
			if !ctx.AppRoot {
				subfolders = append(subfolders, config.Source{Doc: doc, Prefix: ctx.Prefix})
			}
			passes = append(passes, pass{doc, ctx})
		}
		for _, ps := range passes {
			if ps.ctx.AppRoot {
				// Where a subfolder turns validation off, IIS does not
				// check the application's settings: messages name it.
				ps.ctx.Below = append(ps.ctx.Below, subfolders...)
			}
			add(ps.doc, validate.Check(ps.doc, ps.ctx))
		}
	}
	add(s.host.Doc, validate.Result{Findings: s.checkedScopesOnly(validate.UnusedSuppressions(s.host.Doc, hostBase, hostUses), apps)})
	res.Errors = append(res.Errors, s.errs...)
	for f := range files {
		res.Files = append(res.Files, f)
	}
	sort.Strings(res.Files)
	validate.SortFindings(res.Findings)
	return res, lines, notes, nil
}

// checkedScopesOnly keeps the unused-suppression findings of
// applicationHost.config whose every scope was checked: a suppression in
// <location path="Site/app"> could apply to the applications at or below
// that path, and to the one that serves it; one outside a path-specific location, to every
// application. With some applications selected, a suppression meant for
// another one is not "unused".
func (s *server) checkedScopesOnly(fs []validate.Finding, checked []*config.App) []validate.Finding {
	selected := map[*config.App]bool{}
	for _, a := range checked {
		selected[a] = true
	}
	all := s.host.Apps()
	if len(selected) == len(all) {
		return fs
	}
	var out []validate.Finding
	for _, f := range fs {
		loc := ""
		for _, l := range s.host.Doc.Locations() {
			if span := s.host.Doc.Info(l.Elem).Whole(); span.Start <= f.Start.Offset && f.Start.Offset < span.End {
				loc = l.Path
			}
		}
		// The applications at or below the location's path, and the one
		// that serves the path itself (the longest above it).
		var server *config.App
		everyScope := true
		for _, a := range all {
			p := a.ConfigPath()
			if config.PathCovers(loc, p) {
				everyScope = everyScope && selected[a]
			}
			if config.PathCovers(p, loc) && (server == nil || len(p) > len(server.ConfigPath())) {
				server = a
			}
		}
		if server != nil && !selected[server] {
			everyScope = false
		}
		if everyScope {
			out = append(out, f)
		}
	}
	return out
}

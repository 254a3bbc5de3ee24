package cli

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/migrate"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// serverFlags are the flags that describe a server instead of the stock
// one: its applicationHost.config, where its folders are, and its root
// web.config.
func serverFlags() []ucli.Flag {
	return []ucli.Flag{
		&ucli.StringFlag{Name: "apphost", EnvVars: envVar("apphost"), Usage: "the server's applicationHost.config: lint or migrate its sites' applications, each against its own pool"},
		&ucli.StringSliceFlag{Name: "path-map", EnvVars: envVar("path-map"), Usage: `map a Windows folder onto a local one, e.g. 'C:\inetpub\wwwroot=./wwwroot' (repeatable)`},
		&ucli.StringFlag{Name: "root-web-config", EnvVars: envVar("root-web-config"), Usage: "the .NET root web.config to compare with, instead of the built-in stock lists"},
		&ucli.StringFlag{Name: "config", EnvVars: envVar("config"), Usage: "the configuration file (default: .iiscfg.yaml here or in a parent folder, up to the repository root)"},
		&ucli.BoolFlag{Name: "no-config", EnvVars: envVar("no-config"), Usage: "read no configuration file"},
		maxSizeFlag(),
	}
}

// serverSettings are the configuration file's settings that describe the
// server; apps, migrate and diff --effective read them too.
var serverSettings = []string{"apphost", "path-map", "root-web-config", "color"}

// server is a real server's configuration: its applicationHost.config and
// the files its sites' folders hold, read once each.
type server struct {
	host    *config.AppHost
	paths   config.PathMap
	getenv  func(string) string
	rootWeb *config.Document // --root-web-config, or nil for the stock lists
	// files are the web.config files read, by folder: those of the
	// application at hand and of the folders above it (see retain), so
	// that memory stays that of one application whatever the server's size.
	files    map[string]*loaded
	errs     []report.Error
	reported map[string]bool        // the files whose error is in errs, each once
	folders  map[string]localFolder // localFolder's answers, by physical path
	// appRoots are the local root folders of every application, which
	// appFolders does not descend into; computed on first use.
	appRoots map[string]bool
	// hosting is, by pool name, the applications that run ASP.NET Core
	// and how; computed on first use.
	hosting  map[string][]validate.PoolPeer
	poolApps map[string][]*config.App // by lower-cased pool name, for hosting
	// lists are rootLists' answers by runtime: shared, never changed.
	lists map[schema.Runtime][2][]config.Item
	// confine is, when applicationHost.config was named by a
	// configuration file, that file's folder: the folders and files the
	// server names must stay below it, links resolved (see outside).
	confine string
}

// rootLists are rootLists(s.rootWeb, r), made once per runtime.
func (s *server) rootLists(r schema.Runtime) (modules, handlers []config.Item) {
	if l, ok := s.lists[r]; ok {
		return l[0], l[1]
	}
	modules, handlers = rootLists(s.rootWeb, r)
	if s.lists == nil {
		s.lists = map[schema.Runtime][2][]config.Item{}
	}
	s.lists[r] = [2][]config.Item{modules, handlers}
	return modules, handlers
}

// openServer reads --apphost, --path-map and --root-web-config; it returns
// nil when no --apphost is given. A --root-web-config without --apphost
// still applies (see rootLists).
func openServer(c *ucli.Context, e *env) (*server, *config.Document, error) {
	var rootWeb *config.Document
	if p := c.String("root-web-config"); p != "" {
		d, err := readDoc(p)
		if err != nil {
			return nil, nil, err
		}
		rootWeb = d
	}
	hostPath := c.String("apphost")
	if e.filesOnly {
		return nil, rootWeb, nil
	}
	if hostPath == "" {
		if len(c.StringSlice("path-map")) > 0 {
			return nil, nil, usageError("--path-map needs --apphost")
		}
		return nil, rootWeb, nil
	}
	s := &server{getenv: e.getenv, rootWeb: rootWeb, files: map[string]*loaded{}, reported: map[string]bool{}, folders: map[string]localFolder{}}
	if settingFrom(c, "apphost") == "file" {
		// A repository's applicationHost.config is the pull request's
		// too: its physical paths must not make CI read the machine.
		s.confine, _ = c.App.Metadata[configDirKey].(string)
	}
	for _, m := range c.StringSlice("path-map") {
		from, to, err := config.ParsePathMapping(m)
		if err != nil {
			return nil, nil, usageError("%v", err)
		}
		s.paths = append(s.paths, struct{ From, To string }{from, to})
	}
	doc, err := readDoc(hostPath)
	if err != nil {
		return nil, nil, err
	}
	if s.host, err = config.NewAppHost(doc); err != nil {
		return nil, nil, &exitError{code: ExitInput, msg: err.Error()}
	}
	return s, rootWeb, nil
}

// roomForModel raises lint's soft memory limit (see gcPolicy) to three
// times the heap left alive once the server is read: a hosting server's
// applicationHost.config is tens of megabytes once parsed, and a limit
// below what is live makes the collector run almost without pause.
func roomForModel() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	runtime.GC()
	roomForLive()
}

// readDoc reads and parses a file given by a flag; errors exit with 3.
func readDoc(path string) (*config.Document, error) {
	data, err := readInput(path)
	if err != nil {
		return nil, &exitError{code: ExitInput, msg: path + ": " + describeIOError(err)}
	}
	d, err := config.Load(path, data)
	if err != nil {
		return nil, &exitError{code: ExitInput, msg: err.Error()}
	}
	return d, nil
}

// localFolder is a physical path's local folder, and whether it is there.
type localFolder struct {
	path    string
	present bool
	outside bool // there, but outside the configuration file's folder
}

// localFolder turns a physical path of the server into a local folder:
// variables expanded, --path-map applied. ok is false when the folder is
// not on this machine. Each physical path is looked up once.
func (s *server) localFolder(physical string) (string, bool) {
	if f, ok := s.folders[physical]; ok {
		return f.path, f.present
	}
	p, ok := s.findFolder(physical)
	f := localFolder{path: p, present: ok}
	if ok && s.outside(p) {
		f.present, f.outside = false, true
	}
	s.folders[physical] = f
	return f.path, f.present
}

// outside reports whether p, links resolved, leaves the configuration
// file's folder that named applicationHost.config (never without one).
func (s *server) outside(p string) bool {
	if s.confine == "" {
		return false
	}
	root, err := filepath.EvalSymlinks(s.confine)
	if err != nil {
		return true
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return true
	}
	real, err := filepath.EvalSymlinks(abs)
	return err != nil || !within(root, real)
}

func (s *server) findFolder(physical string) (string, bool) {
	p := config.ExpandVars(physical, s.getenv)
	if local, mapped := s.paths.Map(p); mapped {
		p = local
	} else if runtime.GOOS != "windows" && len(p) >= 2 && p[1] == ':' {
		return p, false // a Windows drive path, with no --path-map for it
	}
	st, err := os.Stat(p)
	return p, err == nil && st.IsDir()
}

// missingFolder says why the folder of a physical path is not on this
// machine, with the local path that was tried.
func (s *server) missingFolder(physical string) string {
	local, _ := s.localFolder(physical)
	if s.folders[physical].outside {
		if local != physical {
			physical += " (" + local + ")"
		}
		return fmt.Sprintf("folder %s is outside the folder of the configuration file that names applicationHost.config; not read (give --apphost on the command line instead)", physical)
	}
	expanded := config.ExpandVars(physical, s.getenv)
	if _, mapped := s.paths.Map(expanded); mapped {
		return fmt.Sprintf("folder %s is not on this machine: --path-map maps it to %s, which is not a folder", physical, local)
	}
	if runtime.GOOS != "windows" && len(expanded) >= 2 && expanded[1] == ':' {
		return fmt.Sprintf("folder %s is not on this machine: no --path-map covers it (e.g. --path-map '%s=./%s')", physical, expanded, windowsBase(expanded))
	}
	return fmt.Sprintf("folder %s is not on this machine (looked for %s; see --path-map)", physical, local)
}

// windowsBase is the last segment of a Windows path, for examples.
func windowsBase(p string) string {
	p = strings.TrimRight(p, `\/`)
	if i := strings.LastIndexAny(p, `\/`); i >= 0 {
		p = p[i+1:]
	}
	if p == "" || strings.HasSuffix(p, ":") {
		return "site"
	}
	return p
}

// webConfig reads the web.config of a local folder, whatever the case of
// its name: doc is nil when it has none or it does not parse (err). A file
// is read once while its folder is retained, and its error collected once.
func (s *server) webConfig(folder string) *loaded {
	if l, ok := s.files[folder]; ok {
		return l
	}
	l := &loaded{}
	s.files[folder] = l
	entries, _ := os.ReadDir(folder)
	name := ""
	for _, de := range entries {
		if !de.IsDir() && strings.EqualFold(de.Name(), "web.config") {
			name = de.Name() // sorted: "web.config" wins over "Web.config"
		}
	}
	if name != "" && s.outside(filepath.Join(folder, name)) {
		// A link out of the repository (see localFolder): not read.
		l.err = &report.Error{File: filepath.Join(folder, name), Message: "a link leading outside the folder of the configuration file that names applicationHost.config; not read"}
		if !s.reported[l.err.File] { // read again once retain dropped it
			s.reported[l.err.File] = true
			s.errs = append(s.errs, *l.err)
		}
	} else if name != "" {
		*l = *loadAll([]input{{path: filepath.Join(folder, name)}}, nil)[0]
		if l.err != nil && !s.reported[l.err.File] {
			s.reported[l.err.File] = true
			s.errs = append(s.errs, *l.err)
		}
	}
	return l
}

// retain forgets the web.config files read, except those of the folders
// of nodes: called when the commands move on to the next application,
// whose chain shares the folders above it with the one before.
func (s *server) retain(nodes []*node) {
	keep := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		keep[n.folder] = true
	}
	for folder := range s.files {
		if !keep[folder] {
			delete(s.files, folder)
		}
	}
}

// node is one folder along a URL of a site.
type node struct {
	url     string // "/app1/sub"
	config  string // configuration path: "Site/app1/sub"
	res     *config.Resolved
	folder  string
	present bool
	doc     *config.Document
	err     *report.Error // its web.config does not parse
}

// unreadable are the web.config files of nodes that do not parse.
func unreadable(nodes []*node) []report.Error {
	var errs []report.Error
	for _, n := range nodes {
		if n.err != nil {
			errs = append(errs, *n.err)
		}
	}
	return errs
}

// chain resolves every folder from the site root down to url and reads
// their web.config files, as IIS does for a request: virtual directories
// with allowSubDirConfig="false" stop the search below their root.
func (s *server) chain(site *config.Site, url string) ([]*node, error) {
	segs := strings.Split(strings.Trim(url, "/"), "/")
	if segs[0] == "" {
		segs = nil
	}
	var out []*node
	for i := 0; i <= len(segs); i++ {
		u := "/" + strings.Join(segs[:i], "/")
		res, err := s.host.Resolve(site.Name + u)
		if err != nil {
			return nil, err
		}
		n := &node{url: u, config: config.JoinPath(site.Name, strings.TrimPrefix(u, "/")), res: res}
		n.folder, n.present = s.localFolder(res.PhysicalPath)
		vdirRoot := strings.EqualFold(strings.TrimSuffix(res.App.Path, "/")+strings.TrimSuffix(res.VDir.Path, "/"), strings.TrimSuffix(u, "/")) || u == "/"
		if n.present && (res.VDir.AllowSubDirConfig || vdirRoot) {
			l := s.webConfig(n.folder)
			n.doc, n.err = l.doc, l.err
		}
		out = append(out, n)
	}
	return out, nil
}

// pool returns an application's pool as the rules see it.
func (s *server) pool(app *config.App) (*config.Pool, schema.Pool) {
	p := s.host.Pool(app.PoolName)
	if p == nil {
		// A pool the file does not define: IIS cannot start the
		// application; take the schema defaults to lint it anyway.
		p = &config.Pool{Name: app.PoolName, Runtime: schema.V40}
	}
	sp := schema.Pool{Name: p.Name, Integrated: !p.Classic, Runtime: p.Runtime, Bitness: s.host.Bitness}
	if p.Enable32 {
		sp.Bitness = 32
	}
	return p, sp
}

// rootLists are the root web.config lists for a runtime: the file given
// with --root-web-config, or the stock lists ("" is taken as v4.0).
func rootLists(rootWeb *config.Document, r schema.Runtime) (modules, handlers []config.Item) {
	if r == "" {
		r = schema.V40
	}
	if rootWeb == nil {
		return config.ItemsFromEntries(schema.RootHTTPModules(r)), config.ItemsFromEntries(schema.RootHTTPHandlers(r))
	}
	chain := []config.Source{{Doc: rootWeb}}
	merge := func(sec *schema.Section) []config.Item {
		c := config.NewCollection(sec.Root.Collection, nil)
		for _, l := range config.LevelsAt(chain, sec.Path, "") {
			c.ApplyLevel(l)
		}
		return c.Items
	}
	return merge(schema.HTTPModules), merge(schema.HTTPHandlers)
}

// appContext is how the rules see the file of node n in application app:
// the files above it in the chain, its pool, its root web.config.
func (s *server) appContext(app *config.App, nodes []*node, n int) validate.Context {
	pool, sp := s.pool(app)
	modules, handlers := s.rootLists(pool.Runtime)
	ctx := validate.Context{
		Runtime:  pool.Runtime,
		Pipeline: validate.Integrated,
		Server:   validate.Server{RootHTTPModules: modules, RootHTTPHandlers: handlers, Validation: true},
		Pool:     sp,
		Prefix:   nodes[n].config,
		AppRoot:  strings.EqualFold(nodes[n].url, app.Path),
		Above:    []config.Source{{Doc: s.host.Doc}},
		Host:     s.host,
	}
	if pool.Classic {
		ctx.Pipeline = validate.Classic
	}
	ctx.Exclude = s.nestedApps(app)
	ctx.PoolPeers = s.poolPeers(app)
	ctx.Above = append(ctx.Above, webSources(nodes[:n], app, nil)...)
	return ctx
}

// poolPeers are the other applications of app's pool that run ASP.NET
// Core, with their hosting model. The pool's applications are read once,
// through a copy of the file cache, so that a web.config that does not
// parse is reported by the pass that lints it, not by this look-up.
func (s *server) poolPeers(app *config.App) []validate.PoolPeer {
	pool := strings.ToLower(app.PoolName)
	if s.hosting == nil {
		s.hosting = map[string][]validate.PoolPeer{}
	}
	peers, done := s.hosting[pool]
	if !done {
		if s.poolApps == nil {
			// The applications by pool, once: a hosting server has a pool
			// per site, and a scan of every application per pool is quadratic.
			s.poolApps = map[string][]*config.App{}
			for _, a := range s.host.Apps() {
				k := strings.ToLower(a.PoolName)
				s.poolApps[k] = append(s.poolApps[k], a)
			}
		}
		peek := *s
		peek.files, peek.errs, peek.reported = maps.Clone(s.files), nil, map[string]bool{}
		for _, a := range s.poolApps[pool] {
			nodes, err := peek.chain(a.Site, a.Path)
			if err != nil {
				continue
			}
			peek.retain(nodes)
			chain := append([]config.Source{{Doc: s.host.Doc}}, webSources(nodes, a, nil)...)
			if m := validate.HostingModelAt(chain, a.ConfigPath()); m != "" {
				peers = append(peers, validate.PoolPeer{Name: a.Name(), Hosting: m})
			}
		}
		s.hosting[pool] = peers
	}
	var out []validate.PoolPeer
	for _, pp := range peers {
		if pp.Name != app.Name() {
			out = append(out, pp)
		}
	}
	return out
}

// webSources are the web.config files of nodes as configuration sources
// of app, a node of a parent application marked ParentApp; folders without
// one are skipped. docOf, if not nil, gives the document to read for a node
// (a migrated one in place of the file on disk).
func webSources(nodes []*node, app *config.App, docOf func(*node) *config.Document) []config.Source {
	var out []config.Source
	for _, n := range nodes {
		d := n.doc
		if docOf != nil {
			d = docOf(n)
		}
		if d != nil {
			out = append(out, config.Source{Doc: d, Prefix: n.config, ParentApp: n.res.App != app})
		}
	}
	return out
}

// nestedApps are the configuration paths of the applications below app.
func (s *server) nestedApps(app *config.App) []string {
	var paths []string
	for _, other := range s.host.AppsBelow(app) {
		paths = append(paths, other.ConfigPath())
	}
	return paths
}

// migrateServer is what a migration of app inherits: applicationHost.config
// and the files above the application carry the server's modules and
// handlers, so none come from the stock lists.
func (s *server) migrateServer(appRuntime, serverRuntime schema.Runtime) migrate.Server {
	appModules, appHandlers := s.rootLists(appRuntime)
	srvModules, srvHandlers := s.rootLists(serverRuntime)
	return migrate.Server{ServerHTTPModules: srvModules, ServerHTTPHandlers: srvHandlers,
		AppHTTPModules: appModules, AppHTTPHandlers: appHandlers, Validation: true}
}

// appFolders lists the local folders of an application, root first, and
// the subfolders below it that hold a web.config, without descending into
// other applications' folders.
func (s *server) appFolders(app *config.App) []string {
	res, err := s.host.Resolve(app.Name())
	if err != nil {
		return nil
	}
	root, ok := s.localFolder(res.PhysicalPath)
	if !ok {
		return nil
	}
	if s.appRoots == nil {
		s.appRoots = map[string]bool{}
		for _, a := range s.host.Apps() {
			if r, err := s.host.Resolve(a.Name()); err == nil {
				if f, ok := s.localFolder(r.PhysicalPath); ok {
					s.appRoots[filepath.Clean(f)] = true
				}
			}
		}
	}
	var out []string
	// A physical path may be a link to a folder (IIS follows it): the
	// walk starts below it, as a trailing separator makes WalkDir do.
	walkRoot := strings.TrimSuffix(root, string(filepath.Separator)) + string(filepath.Separator)
	_ = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
		if p == walkRoot {
			p = root
		}
		if err != nil || !d.IsDir() {
			return nil
		}
		// The root is this application's; any other application's root
		// below it is that application's (even when it shares a folder).
		if p != root && (skipDir(d.Name()) || s.appRoots[filepath.Clean(p)]) {
			return fs.SkipDir
		}
		if p == root || s.webConfig(p).doc != nil {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out[min(1, len(out)):])
	return out
}

// urlOf turns a folder below an application's root into its URL.
func urlOf(app *config.App, root, folder string) string {
	rel, _ := filepath.Rel(root, folder)
	if rel == "." {
		return app.Path
	}
	return strings.TrimSuffix(app.Path, "/") + "/" + filepath.ToSlash(rel)
}

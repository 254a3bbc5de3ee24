package config

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/schema"
)

// The applicationHost model: application pools, sites, applications and
// virtual directories of system.applicationHost, with their defaults
// elements and IIS 10 schema defaults (docs/iis-behaviour.md §7).

// Pool is an application pool, with defaults applied.
type Pool struct {
	Name     string
	Elem     *etree.Element // nil for a pool the file names but does not define
	Classic  bool           // managedPipelineMode="Classic"
	Runtime  schema.Runtime // managedRuntimeVersion; "" is No Managed Code
	Enable32 bool           // enable32BitAppOnWin64
}

// Mode is "Integrated" or "Classic".
func (p *Pool) Mode() string {
	if p.Classic {
		return "Classic"
	}
	return "Integrated"
}

// Site is a site of system.applicationHost/sites.
type Site struct {
	Name string
	ID   string
	Elem *etree.Element
	Apps []*App

	apps map[string]*App // by folded path: the first of equal paths
	// groups are the applications by folded path, in file order, and
	// children the folded paths of the groups right below each one.
	groups   map[string][]*App
	children map[string][]string
}

// App is an application of a site.
type App struct {
	Site     *Site
	Path     string // "/" or "/app1"
	PoolName string // with applicationDefaults applied
	Elem     *etree.Element
	VDirs    []*VDir

	vdirs map[string]*VDir // by folded path: the first of equal paths
	order int              // its place among the file's applications
}

// Name is appcmd's APP.NAME: "Site/" for a site's root application,
// "Site/app1" otherwise.
func (a *App) Name() string {
	if a.Path == "/" {
		return a.Site.Name + "/"
	}
	return a.Site.Name + a.Path
}

// ConfigPath is the application's path inside applicationHost.config
// location tags: "Site" or "Site/app1".
func (a *App) ConfigPath() string {
	return strings.TrimSuffix(a.Site.Name+a.Path, "/")
}

// VDir is a virtual directory of an application.
type VDir struct {
	Path              string // relative to the application: "/" or "/images"
	PhysicalPath      string // as written, variables not expanded
	AllowSubDirConfig bool
	Elem              *etree.Element
}

// AppHost is a parsed applicationHost.config.
type AppHost struct {
	Doc   *Document
	Pools []*Pool
	Sites []*Site
	// Bitness is 64 when the server is 64-bit (the file maps Framework64
	// paths), else 0: unknown.
	Bitness int
	// IIS7 is true for an IIS 7.x file: it registers system.webServer
	// sections but not webSocket, which IIS 8.0 added. Pools then default to
	// runtime v2.0 instead of No Managed Code (docs/iis-behaviour.md §7).
	IIS7 bool

	// Look-ups by folded name, so that a server with thousands of sites
	// and pools resolves a URL in time linear in its segments.
	sites map[string]*Site
	pools map[string]*Pool
}

// NewAppHost reads the applicationHost model of a document.
func NewAppHost(doc *Document) (*AppHost, error) {
	root := doc.Root()
	if root == nil || root.SelectElement("system.applicationHost") == nil {
		return nil, fmt.Errorf("%s: not an applicationHost.config (no system.applicationHost section)", doc.Path)
	}
	h := &AppHost{Doc: doc}
	if bytes.Contains(doc.Text(), []byte("Framework64")) {
		h.Bitness = 64
	}
	groups := root.FindElements("configSections/sectionGroup[@name='system.webServer']")
	h.IIS7 = len(groups) > 0 && root.FindElement("configSections/sectionGroup[@name='system.webServer']/section[@name='webSocket']") == nil
	for _, pools := range doc.SectionElements("system.applicationHost/applicationPools") {
		defaults := pools.SelectElement("applicationPoolDefaults")
		for _, add := range pools.SelectElements("add") {
			h.Pools = append(h.Pools, h.newPool(add, defaults))
		}
	}
	for _, sites := range doc.SectionElements("system.applicationHost/sites") {
		appDefaults := sites.SelectElement("applicationDefaults")
		vdirDefaults := sites.SelectElement("virtualDirectoryDefaults")
		for _, se := range sites.SelectElements("site") {
			site := &Site{Name: se.SelectAttrValue("name", ""), ID: se.SelectAttrValue("id", ""), Elem: se}
			siteAppDefaults := firstOf(se.SelectElement("applicationDefaults"), appDefaults)
			siteVDirDefaults := firstOf(se.SelectElement("virtualDirectoryDefaults"), vdirDefaults)
			for _, ae := range se.SelectElements("application") {
				app := &App{Site: site, Path: normalizeAppPath(ae.SelectAttrValue("path", "/")), Elem: ae}
				app.PoolName = attrOr(ae, "applicationPool", siteAppDefaults, appDefaults)
				appVDirDefaults := firstOf(ae.SelectElement("virtualDirectoryDefaults"), siteVDirDefaults)
				for _, ve := range ae.SelectElements("virtualDirectory") {
					v := &VDir{Path: normalizeAppPath(ve.SelectAttrValue("path", "/")), Elem: ve}
					v.PhysicalPath = attrOr(ve, "physicalPath", appVDirDefaults, siteVDirDefaults)
					v.AllowSubDirConfig = !strings.EqualFold(attrOr(ve, "allowSubDirConfig", appVDirDefaults, siteVDirDefaults), "false")
					app.VDirs = append(app.VDirs, v)
				}
				site.Apps = append(site.Apps, app)
			}
			h.Sites = append(h.Sites, site)
		}
	}
	h.index()
	return h, nil
}

// index builds the look-ups; of names or paths equal but for case, the
// first in the file wins, as the look-ups did when they were scans.
func (h *AppHost) index() {
	h.sites = make(map[string]*Site, len(h.Sites))
	h.pools = make(map[string]*Pool, len(h.Pools))
	for _, p := range h.Pools {
		addFirst(h.pools, p.Name, p)
	}
	order := 0
	for _, s := range h.Sites {
		addFirst(h.sites, s.Name, s)
		s.apps = make(map[string]*App, len(s.Apps))
		s.groups = make(map[string][]*App, len(s.Apps))
		s.children = map[string][]string{}
		for _, a := range s.Apps {
			a.order, order = order, order+1
			addFirst(s.apps, a.Path, a)
			k := foldKey(a.Path)
			s.groups[k] = append(s.groups[k], a)
			a.vdirs = make(map[string]*VDir, len(a.VDirs))
			for _, v := range a.VDirs {
				addFirst(a.vdirs, v.Path, v)
			}
		}
		for k := range s.groups {
			if parent, ok := s.parentGroup(k); ok {
				s.children[parent] = append(s.children[parent], k)
			}
		}
	}
}

// parentGroup is the folded path of the nearest application above the
// folded path k.
func (s *Site) parentGroup(k string) (string, bool) {
	for k != "/" {
		if i := strings.LastIndexByte(k, '/'); i > 0 {
			k = k[:i]
		} else {
			k = "/"
		}
		if _, ok := s.groups[k]; ok {
			return k, true
		}
	}
	return "", false
}

// AppsBelow lists, in file order, the other applications of app's site
// whose path is app's or below it: those whose folders app's
// configuration does not reach. Its cost is that of the answer.
func (h *AppHost) AppsBelow(app *App) []*App {
	s := app.Site
	var out []*App
	var walk func(k string)
	walk = func(k string) {
		for _, a := range s.groups[k] {
			if a != app {
				out = append(out, a)
			}
		}
		for _, c := range s.children[k] {
			walk(c)
		}
	}
	walk(foldKey(app.Path))
	sort.Slice(out, func(i, j int) bool { return out[i].order < out[j].order })
	return out
}

func addFirst[T any](m map[string]T, name string, v T) {
	k := foldKey(name)
	if _, taken := m[k]; !taken {
		m[k] = v
	}
}

// foldKey is equal for two strings exactly when strings.EqualFold says
// they are equal: each rune becomes the smallest rune of its case-folding
// orbit (for ASCII letters, the upper case one).
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// longestPrefix finds, in m (keyed by folded URL path), the entry for the
// longest path that url starts with, whole segments only: url itself,
// then url cut at each "/" from the right, then "/". Its cost is linear in
// the length of url, whatever the number of entries.
func longestPrefix[T any](m map[string]T, url string) (T, bool) {
	key := foldKey(url)
	for {
		if v, ok := m[key]; ok {
			return v, true
		}
		i := strings.LastIndexByte(key, '/')
		if i <= 0 {
			break
		}
		key = key[:i]
	}
	v, ok := m["/"]
	return v, ok
}

func (h *AppHost) newPool(add, defaults *etree.Element) *Pool {
	p := &Pool{Name: add.SelectAttrValue("name", ""), Elem: add}
	p.Classic = strings.EqualFold(attrOr(add, "managedPipelineMode", defaults), "Classic")
	version, set := "", false
	for _, e := range []*etree.Element{add, defaults} {
		if e == nil || set {
			continue
		}
		if a := e.SelectAttr("managedRuntimeVersion"); a != nil {
			version, set = a.Value, true
		}
	}
	if !set && h.IIS7 {
		version = "v2.0"
	}
	if r, err := schema.ParseRuntime(version); err == nil {
		p.Runtime = r
	}
	p.Enable32 = strings.EqualFold(attrOr(add, "enable32BitAppOnWin64", defaults), "true")
	return p
}

// attrOr returns e's attribute, else that of the first defaults element
// that has it, else "".
func attrOr(e *etree.Element, name string, defaults ...*etree.Element) string {
	for _, x := range append([]*etree.Element{e}, defaults...) {
		if x == nil {
			continue
		}
		if a := x.SelectAttr(name); a != nil {
			return a.Value
		}
	}
	return ""
}

func firstOf(es ...*etree.Element) *etree.Element {
	for _, e := range es {
		if e != nil {
			return e
		}
	}
	return nil
}

func normalizeAppPath(p string) string {
	p = "/" + strings.Trim(strings.ReplaceAll(p, "\\", "/"), "/")
	return p
}

// Pool returns the named pool (names are case-insensitive), or nil.
func (h *AppHost) Pool(name string) *Pool {
	return h.pools[foldKey(name)]
}

// Site returns the named site (case-insensitive), or nil.
func (h *AppHost) Site(name string) *Site {
	return h.sites[foldKey(name)]
}

// App returns the application whose configuration path (App.ConfigPath:
// "Site" or "Site/app1") is path, letter case aside, or nil.
func (h *AppHost) App(path string) *App {
	siteName, rest, _ := strings.Cut(NormalizeLocationPath(path), "/")
	site := h.Site(siteName)
	if site == nil {
		return nil
	}
	return site.apps[foldKey(normalizeAppPath(rest))]
}

// Apps lists every application of every site.
func (h *AppHost) Apps() []*App {
	var out []*App
	for _, s := range h.Sites {
		out = append(out, s.Apps...)
	}
	return out
}

// Resolved is a URL resolved against the sites.
type Resolved struct {
	App          *App
	VDir         *VDir
	URLPath      string // the path inside the site: "/app1/sub"
	PhysicalPath string // vdir physical path + rest, variables not expanded
}

// Resolve resolves "Site/app/sub", "Site/" or "Site" as IIS does: the
// application with the longest path that prefixes the URL, then its
// virtual directory with the longest path.
func (h *AppHost) Resolve(id string) (*Resolved, error) {
	siteName, rest, _ := strings.Cut(id, "/")
	site := h.Site(siteName)
	if site == nil {
		return nil, fmt.Errorf("no site %q in %s", siteName, h.Doc.Path)
	}
	url := normalizeAppPath(rest)
	app, ok := longestPrefix(site.apps, url)
	if !ok {
		return nil, fmt.Errorf("site %q has no application for %s", site.Name, url)
	}
	// The matched paths may differ from the URL in case: cut by segments.
	inApp := "/" + afterSegments(url, app.Path)
	vdir, ok := longestPrefix(app.vdirs, inApp)
	if !ok {
		return nil, fmt.Errorf("application %s has no virtual directory for %s", app.Name(), inApp)
	}
	phys := vdir.PhysicalPath
	if tail := strings.Trim(afterSegments(inApp, vdir.Path), "/"); tail != "" {
		phys = strings.TrimRight(phys, `\/`) + `\` + strings.ReplaceAll(tail, "/", `\`)
	}
	return &Resolved{App: app, VDir: vdir, URLPath: url, PhysicalPath: phys}, nil
}

// afterSegments is what follows in url the segments of prefix, a path
// that covers it ("/a/b/c", "/A" gives "b/c").
func afterSegments(url, prefix string) string {
	rest := strings.TrimPrefix(url, "/")
	for n := strings.Count(strings.Trim(prefix, "/"), "/") + 1; n > 0 && prefix != "/"; n-- {
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			return ""
		}
		rest = rest[i+1:]
	}
	return rest
}

// ExpandVars expands %VAR% references the way IIS does for physicalPath,
// with a Windows server's usual values for the variables a Linux machine
// does not have. Unknown variables are left as they are.
func ExpandVars(s string, getenv func(string) string) string {
	known := map[string]string{
		"systemdrive": `C:`, "systemroot": `C:\Windows`, "windir": `C:\Windows`,
		"programfiles": `C:\Program Files`, "programfiles(x86)": `C:\Program Files (x86)`,
		"public": `C:\Users\Public`, "iis_bin": `C:\Windows\System32\inetsrv`,
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i+1:], '%')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		name := s[i+1 : i+1+j]
		b.WriteString(s[:i])
		if v := getenv(name); v != "" {
			b.WriteString(v)
		} else if v, ok := known[strings.ToLower(name)]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+2])
		}
		s = s[i+j+2:]
	}
}

// PathMap maps Windows paths onto local ones: "C:\inetpub\wwwroot" =>
// "./wwwroot". Prefixes are compared case-insensitively, \ and / alike.
type PathMap []struct{ From, To string }

// ParsePathMapping reads "WINDOWS=LOCAL".
func ParsePathMapping(s string) (from, to string, err error) {
	i := strings.LastIndex(s, "=")
	if i <= 0 || i == len(s)-1 {
		return "", "", fmt.Errorf("path map %q must be WINDOWS_PATH=LOCAL_PATH", s)
	}
	return s[:i], s[i+1:], nil
}

// Map returns the local path for a Windows path, and whether a mapping
// applied. The longest matching prefix wins.
func (m PathMap) Map(p string) (string, bool) {
	slash := func(s string) string { return strings.TrimRight(strings.ReplaceAll(s, `\`, "/"), "/") }
	sp := slash(p)
	best, bestLen := -1, -1
	for i, e := range m {
		// Compared with EqualFold, not by lower-casing both: lower case can
		// change a string's length in bytes (İ), and the rest is cut by length.
		if f := slash(e.From); len(f) > bestLen && PathCovers(f, sp) {
			best, bestLen = i, len(f)
		}
	}
	if best < 0 {
		return p, false
	}
	return strings.TrimRight(m[best].To, `/\`) + sp[bestLen:], true
}

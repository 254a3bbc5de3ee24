package config

import (
	"bytes"
	"fmt"
	"strings"

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
}

// App is an application of a site.
type App struct {
	Site     *Site
	Path     string // "/" or "/app1"
	PoolName string // with applicationDefaults applied
	Elem     *etree.Element
	VDirs    []*VDir
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
	return h, nil
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
	for _, p := range h.Pools {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// Site returns the named site (case-insensitive), or nil.
func (h *AppHost) Site(name string) *Site {
	for _, s := range h.Sites {
		if strings.EqualFold(s.Name, name) {
			return s
		}
	}
	return nil
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
	var app *App
	for _, a := range site.Apps {
		if urlHasPrefix(url, a.Path) && (app == nil || len(a.Path) > len(app.Path)) {
			app = a
		}
	}
	if app == nil {
		return nil, fmt.Errorf("site %q has no application for %s", site.Name, url)
	}
	inApp := "/" + strings.TrimPrefix(strings.TrimPrefix(url, app.Path), "/")
	var vdir *VDir
	for _, v := range app.VDirs {
		if urlHasPrefix(inApp, v.Path) && (vdir == nil || len(v.Path) > len(vdir.Path)) {
			vdir = v
		}
	}
	if vdir == nil {
		return nil, fmt.Errorf("application %s has no virtual directory for %s", app.Name(), inApp)
	}
	phys := vdir.PhysicalPath
	if tail := strings.Trim(strings.TrimPrefix(inApp, vdir.Path), "/"); tail != "" && inApp != vdir.Path {
		phys = strings.TrimRight(phys, `\/`) + `\` + strings.ReplaceAll(tail, "/", `\`)
	}
	return &Resolved{App: app, VDir: vdir, URLPath: url, PhysicalPath: phys}, nil
}

// urlHasPrefix compares URL paths segment-wise and case-insensitively.
func urlHasPrefix(url, prefix string) bool {
	return prefix == "/" || PathCovers(prefix, url)
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

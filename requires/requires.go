// Package requires finds what a deployment needs installed on its IIS
// server beyond a stock IIS 10 with ASP.NET: the add-ons (URL Rewrite, the
// ASP.NET Core Module, optional role services such as Windows
// Authentication) whose sections, handler modules or proxy rules its
// configuration files use. The facts are schema.AddOns (docs/servers.md).
package requires

import (
	"fmt"
	"sort"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/secret"
	"github.com/iiscfg/iiscfg/schema"
)

// Use is one place that needs an add-on.
type Use struct {
	File string
	Pos  config.Pos
	What string // `<rewrite>`, `handler "aspNetCore" (modules="AspNetCoreModuleV2")`
}

// Need is an add-on and every place that needs it.
type Need struct {
	AddOn *schema.AddOn
	Uses  []Use
}

// Find lists the add-ons the web.config documents need, in schema.AddOns
// order, each with its uses in file and document order. Other documents
// are skipped: an XDT transform is judged on the file it produces, and a
// server's own files (applicationHost.config, machine.config, the root
// web.config) configure every feature the server has, used or not.
func Find(docs []*config.Document) []Need {
	var c Collector
	for _, d := range docs {
		c.Add(d)
	}
	return c.Needs()
}

// Collector gathers the uses of documents added one at a time, so that a
// caller can drop each document once it is added.
type Collector struct {
	uses map[*schema.AddOn][]Use
}

// Add records what one document needs (nothing for a document Find skips).
func (c *Collector) Add(d *config.Document) { c.AddDeployed(d, nil) }

// AddDeployed is Add for a web.config as an XDT transform produced it:
// origin maps an offset of d to the file and offset its text came from
// (the web.config or the transform), where each use is reported.
func (c *Collector) AddDeployed(d *config.Document, origin func(offset int) (*config.Document, int)) {
	if d == nil || d.Root() == nil || d.Kind() != config.KindWebConfig {
		return
	}
	if c.uses == nil {
		c.uses = map[*schema.AddOn][]Use{}
	}
	f := finder{doc: d, uses: c.uses, origin: origin}
	f.children(d.Root(), "")
}

// Needs is what the documents added so far need, as Find returns it.
func (c *Collector) Needs() []Need {
	var out []Need
	for _, a := range schema.AddOns {
		if u := c.uses[a]; len(u) > 0 {
			sort.SliceStable(u, func(i, j int) bool {
				if u[i].File != u[j].File {
					return u[i].File < u[j].File
				}
				return u[i].Pos.Offset < u[j].Pos.Offset
			})
			out = append(out, Need{AddOn: a, Uses: u})
		}
	}
	return out
}

type finder struct {
	doc    *config.Document
	uses   map[*schema.AddOn][]Use
	origin func(offset int) (*config.Document, int)
}

func (f *finder) add(a *schema.AddOn, e *etree.Element, format string, args ...any) {
	file, pos := f.doc.Path, f.doc.StartPos(e)
	if f.origin != nil {
		d, off := f.origin(pos.Offset)
		file, pos = d.Path, d.Pos(off)
	}
	f.uses[a] = append(f.uses[a], Use{File: file, Pos: pos, What: fmt.Sprintf(format, args...)})
}

// children walks the elements below e, whose configuration path is path
// ("" at the root; <location> tags are transparent).
func (f *finder) children(e *etree.Element, path string) {
	for c := range e.ChildElementsSeq() {
		if c.Space != "" {
			continue
		}
		if path == "" && c.Tag == "location" {
			f.children(c, "")
			continue
		}
		p := c.Tag
		if path != "" {
			p = path + "/" + c.Tag
		}
		f.element(c, p)
	}
}

func (f *finder) element(e *etree.Element, path string) {
	if a := sectionAddOn(path); a != nil && a.SwitchedOn(e) {
		if v := e.SelectAttr(a.Switch); a.Switch != "" && v != nil {
			f.add(a, e, "<%s %s=%q>", e.Tag, a.Switch, v.Value)
		} else {
			f.add(a, e, "<%s>", e.Tag)
		}
	}
	switch {
	case path == "system.webServer/handlers":
		f.handlers(e)
		return
	case path == "system.webServer/rewrite/rules/rule", path == "system.webServer/rewrite/globalRules/rule":
		f.proxyRule(e)
		return
	}
	f.children(e, path)
}

// sectionAddOn is the add-on a section (or, for add-ons that own a
// section group such as <rewrite>, the group element) belongs to. Names
// are case-sensitive, as IIS reads them.
func sectionAddOn(path string) *schema.AddOn {
	for _, a := range schema.AddOns {
		for _, s := range a.Sections {
			if path == s || path+"/" == s {
				return a
			}
		}
	}
	return nil
}

// handlers records handler entries whose modules are an add-on's, and
// classic ASP pages, which IsapiModule hands to asp.dll.
func (f *finder) handlers(e *etree.Element) {
	for _, add := range e.SelectElements("add") {
		for _, m := range strings.Split(add.SelectAttrValue("modules", ""), ",") {
			m = strings.TrimSpace(m)
			if a := schema.AddOnOfModule(m); a != nil {
				f.add(a, add, "handler %q (modules=%q)", add.SelectAttrValue("name", ""), m)
			}
			script := strings.ToLower(strings.ReplaceAll(add.SelectAttrValue("scriptProcessor", ""), "/", `\`))
			if a := schema.AddOnByKey("asp"); a != nil && strings.EqualFold(m, "IsapiModule") && (script == "asp.dll" || strings.HasSuffix(script, `\asp.dll`)) {
				f.add(a, add, "handler %q (asp.dll)", add.SelectAttrValue("name", ""))
			}
		}
	}
}

// proxyRule records a rewrite rule whose Rewrite action goes to another
// server: a reverse proxy, which URL Rewrite hands to ARR.
func (f *finder) proxyRule(rule *etree.Element) {
	a := rule.SelectElement("action")
	if a == nil || !strings.EqualFold(strings.TrimSpace(a.SelectAttrValue("type", "")), "Rewrite") {
		return
	}
	url := strings.TrimSpace(a.SelectAttrValue("url", ""))
	if l := strings.ToLower(url); !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return
	}
	if arr := schema.AddOnByKey("arr"); arr != nil {
		f.add(arr, a, "rule %q rewrites to %s (a reverse proxy: ARR with its proxy enabled)", rule.SelectAttrValue("name", ""), secret.URL(url))
	}
}

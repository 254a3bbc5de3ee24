package validate

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// Facts about the ASP.NET Core Module (ANCM); docs/ancm-rewrite-security.md
// gives the public sources.

const aspNetCoreSection = "system.webServer/aspNetCore"

// Module names the SDK writes in a handler's modules attribute.
const (
	ancmV1 = "AspNetCoreModule"
	ancmV2 = "AspNetCoreModuleV2"
)

// Hosting models ANCM V2 accepts, compared case-insensitively; an empty or
// absent hostingModel means out of process.
const (
	inProcess    = "inprocess"
	outOfProcess = "outofprocess"
)

// setting is an attribute's value as it applies at a configuration path,
// and the element of the chain that sets it (nil when no level does).
type setting struct {
	value string
	doc   *config.Document
	elem  *etree.Element
}

// settingAt returns attribute attr of the section's element at path along
// the chain: the last level that writes it wins.
func (p *pass) settingAt(section, attr, path string) setting {
	var s setting
	for _, l := range p.levels(section, path) {
		for _, e := range l.Elems {
			if a := e.SelectAttr(attr); a != nil {
				s = setting{value: a.Value, doc: l.Doc, elem: e}
			}
		}
	}
	return s
}

// pathOf is the configuration path (in the chain's coordinates) that an
// element of this document configures.
func (p *pass) pathOf(e *etree.Element) string {
	loc, _ := config.LocationOf(e)
	return config.JoinPath(p.ctx.Prefix, loc)
}

// ancmHandler returns the handler of the effective system.webServer/handlers
// list at path that runs the ASP.NET Core Module, if any.
func (p *pass) ancmHandler(path string) (config.Item, bool) {
	c := config.NewCollection(schema.Handlers.Root.Collection, nil)
	for _, l := range p.levels(schema.Handlers.Path, path) {
		c.ApplyLevel(l)
	}
	for _, it := range c.Items {
		if m, _ := it.Get("modules"); isANCM(m) {
			return it, true
		}
	}
	return config.Item{}, false
}

// isANCM reports whether a handler's modules attribute names either
// version of the ASP.NET Core Module.
func isANCM(modules string) bool {
	m := strings.TrimSpace(modules)
	return strings.EqualFold(m, ancmV1) || strings.EqualFold(m, ancmV2)
}

// hostingModel normalizes a hostingModel value: "inprocess", "outofprocess",
// or the trimmed value as written when ANCM does not know it.
func hostingModel(v string) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "", strings.EqualFold(v, outOfProcess):
		return outOfProcess
	case strings.EqualFold(v, inProcess):
		return inProcess
	}
	return v
}

// PoolPeer is another application of the same application pool, and how
// the ASP.NET Core Module hosts it there ("inprocess" or "outofprocess").
type PoolPeer struct {
	Name    string // "Default Web Site/api"
	Hosting string
}

// HostingModelAt says how ANCM hosts the application whose configuration
// path is path, along chain: "inprocess", "outofprocess", or "" when no
// ASP.NET Core Module handler applies there or its hostingModel is
// invalid (then ANCM starts nothing).
func HostingModelAt(chain []config.Source, path string) string {
	if len(chain) == 0 {
		return ""
	}
	last := chain[len(chain)-1]
	p := &pass{doc: last.Doc, ctx: &Context{Above: chain[:len(chain)-1], Prefix: last.Prefix}, findings: new([]Finding)}
	if _, ok := p.ancmHandler(path); !ok {
		return ""
	}
	switch m := hostingModel(p.settingAt(aspNetCoreSection, "hostingModel", path).value); m {
	case inProcess, outOfProcess:
		return m
	}
	return ""
}

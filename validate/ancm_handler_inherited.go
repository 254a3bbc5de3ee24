package validate

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// ANCMHandlerInherited: a parent application's aspNetCore handler reaching
// its child applications.
var ANCMHandlerInherited = register(&Rule{
	Code:     "IC508",
	Name:     "ancm-handler-inherited",
	Severity: Warning,
	Summary:  `an aspNetCore handler that nested applications inherit (no <location inheritInChildApplications="false">): HTTP 500.19 or the wrong app in the child`,
	Doc: `Handlers and the aspNetCore section are inherited by every application below the one that
sets them. When a site root runs an ASP.NET Core app and another application is nested under
it (/api, /admin), the child gets the parent's aspNetCore handler and settings: if the child
is an ASP.NET Core app too, its own <add name="aspNetCore"> collides with the inherited one
(HTTP 500.19 "Cannot add duplicate collection entry of type 'add' with unique key attribute
'name' set to 'aspNetCore'"); if it is not, its requests go to the parent's process
(processPath and arguments are inherited), or fail to start it. The SDK avoids this by
wrapping system.webServer in <location path="." inheritInChildApplications="false">.

The rule needs to know the nested applications, so it runs with --apphost (an application
whose site has applications below it); a lone web.config is not judged.

Fix it by wrapping the handler and the aspNetCore section in <location path="."
inheritInChildApplications="false"> (as "dotnet publish" writes them), or by adding <remove
name="aspNetCore"/> before the child's own handler.`,
	check: checkANCMHandlerInherited,
})

func checkANCMHandlerInherited(p *pass) {
	if len(p.ctx.Exclude) == 0 {
		return
	}
	for _, hs := range p.ownElements("system.webServer/handlers") {
		if !inheritedByChildApps(hs) {
			continue
		}
		for _, h := range hs.SelectElements("add") {
			if !isANCM(h.SelectAttrValue("modules", "")) {
				continue
			}
			path := p.pathOf(h)
			var children []string
			for _, x := range p.ctx.Exclude {
				if x != path && config.PathCovers(path, x) {
					children = append(children, fmt.Sprintf("%q", x))
				}
			}
			if len(children) == 0 {
				continue
			}
			p.reportAttr(h, "name", "handler %q runs the ASP.NET Core Module and is inherited by nested application%s %s, which then collide with it (HTTP 500.19 duplicate \"aspNetCore\") or send requests to this app's process; wrap it and the aspNetCore section in <location path=\".\" inheritInChildApplications=\"false\">",
				h.SelectAttrValue("name", ""), plural(len(children)), strings.Join(children, ", "))
		}
	}
}

// inheritedByChildApps reports whether an element is outside any <location
// inheritInChildApplications="false"> tag.
func inheritedByChildApps(e *etree.Element) bool {
	for q := e.Parent(); q != nil; q = q.Parent() {
		if q.Tag == "location" && strings.EqualFold(strings.TrimSpace(q.SelectAttrValue("inheritInChildApplications", "")), "false") {
			return false
		}
	}
	return true
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

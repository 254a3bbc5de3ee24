package validate

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"
)

// ANCMSharedInProcessPool: two in-process apps in one pool.
var ANCMSharedInProcessPool = register(&Rule{
	Code:     "IC509",
	Name:     "ancm-in-process-shared-pool",
	Severity: Error,
	Summary:  `an in-process ASP.NET Core app whose application pool runs another in-process app: HTTP 500.35 for whichever starts second (with --apphost)`,
	Doc: `In-process hosting loads the app into the pool's worker process (w3wp.exe), and a process can
hold only one ASP.NET Core runtime: the second in-process application of the same pool to
receive a request fails with HTTP 500.35 "ANCM Multiple In-Process Applications in same
Process". Which one works depends on which was requested first after a recycle, so the failure
comes and goes. Microsoft's documentation says it plainly: sharing an app pool among apps is
not supported in process; use one app pool per app.

The rule needs the server (--apphost): it reads each application's handler list and
hostingModel along its own chain, and reports the element that makes this application
in-process, naming the other in-process applications of the pool.

Fix it by giving each ASP.NET Core application its own pool (appcmd add apppool, then set the
application's applicationPool), or by hosting all but one out of process.`,
	check: checkANCMSharedInProcessPool,
})

// ANCMMixedHostingPool: in-process and out-of-process apps in one pool.
var ANCMMixedHostingPool = register(&Rule{
	Code:     "IC510",
	Name:     "ancm-mixed-hosting-pool",
	Severity: Error,
	Summary:  `an application pool with both in-process and out-of-process ASP.NET Core apps: HTTP 500.34 (with --apphost)`,
	Doc: `A worker process cannot run both an in-process ASP.NET Core app and the out-of-process
handler: when the second kind is requested, ANCM answers HTTP 500.34 "ANCM Mixed Hosting
Models Not Supported". As with 500.35, which application fails depends on the order of the
first requests after a recycle.

The rule needs the server (--apphost) and reports the element that sets this application's
hosting model, naming the applications of the pool that use the other one.

Fix it by giving the applications separate pools, or by using one hosting model for all of
them.`,
	check: checkANCMMixedHostingPool,
})

// ownHosting returns this application's hosting model, and the element of
// this document to report it on, when this document takes part in it.
func (p *pass) ownHosting() (string, *etree.Element) {
	if !p.ctx.AppRoot || len(p.ctx.PoolPeers) == 0 {
		return "", nil
	}
	path := p.base()
	h, ok := p.ancmHandler(path)
	if !ok {
		return "", nil
	}
	s := p.settingAt(aspNetCoreSection, "hostingModel", path)
	model := hostingModel(s.value)
	if model != inProcess && model != outOfProcess {
		return "", nil // ancm-hosting-model's finding
	}
	// The element that sets the model here; else this document's last
	// aspNetCore element (the model is inherited); else its handler.
	if s.doc == p.doc {
		return model, s.elem
	}
	levels := p.levels(aspNetCoreSection, path)
	if n := len(levels); n > 0 && levels[n-1].Doc == p.doc {
		els := levels[n-1].Elems
		return model, els[len(els)-1]
	}
	if h.Doc == p.doc {
		return model, h.Elem
	}
	return "", nil
}

func checkANCMSharedInProcessPool(p *pass) {
	model, e := p.ownHosting()
	if model != inProcess {
		return
	}
	if peers := peersHosted(p.ctx.PoolPeers, inProcess); len(peers) > 0 {
		p.reportPoolPeers(e, "this application runs in process in pool %q, which has other in-process apps (%s): one worker process holds one in-process app, so whichever is requested second gets HTTP 500.35; give each app its own pool", peers)
	}
}

func checkANCMMixedHostingPool(p *pass) {
	model, e := p.ownHosting()
	if model == "" {
		return
	}
	other := inProcess
	if model == inProcess {
		other = outOfProcess
	}
	if peers := peersHosted(p.ctx.PoolPeers, other); len(peers) > 0 {
		p.reportPoolPeers(e, "this application runs "+describeHosting(model)+" in pool %q, which has apps running "+describeHosting(other)+" (%s): a worker process cannot mix them, so whichever kind is requested second gets HTTP 500.34; use separate pools or one hosting model", peers)
	}
}

func (p *pass) reportPoolPeers(e *etree.Element, format string, peers []string) {
	if e.SelectAttr("hostingModel") != nil {
		p.reportAttr(e, "hostingModel", format, p.ctx.Pool.Name, strings.Join(peers, ", "))
		return
	}
	p.reportStartTag(e, format, p.ctx.Pool.Name, strings.Join(peers, ", "))
}

func peersHosted(peers []PoolPeer, model string) []string {
	var out []string
	for _, pp := range peers {
		if pp.Hosting == model {
			out = append(out, fmt.Sprintf("%q", pp.Name))
		}
	}
	return out
}

func describeHosting(m string) string {
	if m == inProcess {
		return "in process"
	}
	return "out of process"
}

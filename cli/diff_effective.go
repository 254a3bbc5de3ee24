package cli

import (
	"fmt"
	"io"
	"sort"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/diff"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
)

// effectiveDiff compares the configuration that the URL id ("Site/app",
// "Site/app/sub") sees with OLD and with NEW in place of one file of its
// chain: the web.config of the URL's folder, or applicationHost.config
// when OLD and NEW are that. broken are the other files of the chain that
// do not parse: with them the comparison would be wrong, so none is made.
func effectiveDiff(c *ucli.Context, srv *server, id string, a, b *loaded, stderr io.Writer, pal report.Palette) (f diff.File, broken []report.Error, err error) {
	res, err := srv.host.Resolve(id)
	if err != nil {
		return diff.File{}, nil, usageError("%v", err)
	}
	nodes, err := srv.chain(res.App.Site, res.URLPath)
	if err != nil {
		return diff.File{}, nil, usageError("%v", err)
	}
	if (a.doc.Kind() == config.KindAppHost) != (b.doc.Kind() == config.KindAppHost) {
		return diff.File{}, nil, usageError("OLD and NEW must both be applicationHost.config or both be web.config files")
	}
	read := nodes // the files read from disk: all but the one OLD and NEW stand for
	if a.doc.Kind() != config.KindAppHost {
		read = nodes[:len(nodes)-1]
	}
	if broken := unreadable(read); len(broken) > 0 {
		return diff.File{}, broken, nil
	}
	side := func(doc *config.Document) ([]config.EffectiveElement, error) {
		host, chain := srv.host, []config.Source{{Doc: srv.host.Doc}}
		if doc.Kind() == config.KindAppHost {
			h, err := config.NewAppHost(doc)
			if err != nil {
				return nil, &exitError{code: ExitInput, msg: err.Error()}
			}
			host, chain = h, []config.Source{{Doc: doc}}
		}
		compared := func(n *node) *config.Document {
			if n == nodes[len(nodes)-1] && doc.Kind() != config.KindAppHost {
				return doc
			}
			return n.doc
		}
		chain = append(chain, webSources(nodes, res.App, compared)...)
		runtime := schema.V40
		if p := host.Pool(res.App.PoolName); p != nil && p.Runtime != "" {
			runtime = p.Runtime
		}
		modules, handlers := rootLists(srv.rootWeb, runtime)
		base := func(elementPath string) []config.Item {
			switch elementPath {
			case schema.HTTPModules.Path:
				return modules
			case schema.HTTPHandlers.Path:
				return handlers
			}
			return config.ItemsFromEntries(schema.MachineConfigCollection(elementPath))
		}
		var out []config.EffectiveElement
		for _, sec := range sortedSections() {
			out = append(out, config.Effective(chain, sec, nodes[len(nodes)-1].config, base)...)
		}
		return out, nil
	}
	before, err := side(a.doc)
	if err != nil {
		return diff.File{}, nil, err
	}
	after, err := side(b.doc)
	if err != nil {
		return diff.File{}, nil, err
	}
	// IIS refuses a merge with a duplicate key (HTTP 500.19): say so when
	// the new configuration has one.
	for _, el := range after {
		for _, me := range el.Errors {
			p := me.Doc.StartPos(me.Elem)
			fmt.Fprintf(stderr, "%s %s %s (IIS answers HTTP 500.19)\n", pal.Location.Sprintf("%s:%d:%d:", printable.Path(me.Doc.Path), p.Line, p.Column), pal.Warning.Sprint("warning:"), printable.Text(me.Msg))
		}
	}
	changes := diff.Effective(before, after, diff.Options{IgnoreOrder: c.Bool("ignore-order")})
	return diff.File{Old: a.path, New: b.path, At: res.App.Site.Name + res.URLPath, Changes: changes}, nil, nil
}

// sortedSections are the sections the schema describes, by path.
func sortedSections() []*schema.Section {
	var out []*schema.Section
	for _, s := range schema.Sections() {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

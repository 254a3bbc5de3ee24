package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/migrate"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
)

// newWebConfig is the file written for an application that has none yet.
const newWebConfig = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n</configuration>\n"

// migrateServer migrates the applications named ("Site/app") or, with
// --all, every application in an Integrated pool, as appcmd migrate config
// does on the server.
func (r *migrateRun) migrateServer(c *ucli.Context, srv *server, out *migrateOutput) error {
	var apps []*config.App
	switch {
	case c.Bool("all") && c.NArg() > 0:
		return usageError("give applications or --all, not both")
	case c.Bool("all"):
		for _, a := range srv.host.Apps() {
			switch p, _ := srv.pool(a); {
			case p.Classic:
			case p.Runtime == schema.V11:
				fmt.Fprintf(out.stderr, "iiscfg: %s: skipped: %s\n", printable.Path(a.Name()), printable.Text(unsupportedRuntime(p)))
			default:
				apps = append(apps, a)
			}
		}
	case c.NArg() == 0:
		return usageError(`with --apphost, name the applications to migrate ("Default Web Site/app1") or use --all`)
	default:
		var err error
		if apps, err = srv.selectApps(c.Args().Slice()); err != nil {
			return err
		}
	}
	if r.toStdout && len(apps) != 1 {
		return usageError("--stdout takes exactly one application, not %d", len(apps))
	}
	// applicationHost.config collects every application's location tags
	// and is shown or written once, after the last.
	original, host := srv.host.Doc, srv.host.Doc
	defer func() {
		if host != original {
			out.emit(host.Path, original, host, false)
		}
		// web.config files that do not parse, each once (exit 3).
		out.errs = append(out.errs, srv.errs...)
	}()
	for _, app := range apps {
		nodes, err := srv.chain(app.Site, app.Path)
		if err != nil {
			return usageError("%v", err)
		}
		srv.retain(nodes)
		root := nodes[len(nodes)-1]
		if !root.present {
			// --all takes what is on this machine, as lint --apphost does;
			// an application named on the command line must be there.
			msg := srv.missingFolder(root.res.PhysicalPath)
			if c.Bool("all") {
				fmt.Fprintf(out.stderr, "iiscfg: %s: skipped: %s\n", printable.Path(app.Name()), printable.Text(msg))
			} else {
				out.errs = append(out.errs, reportError(app.Name(), msg))
			}
			continue
		}
		if broken := unreadable(nodes); len(broken) > 0 {
			// Migrated against a chain without it, the application could
			// gain entries it already inherits.
			why := "does not parse" // its error follows, with its position
			if broken[0].Line == 0 {
				why = "cannot be read (" + broken[0].Message + ")"
			}
			out.errs = append(out.errs, reportError(app.Name(), "not migrated: "+broken[0].File+" "+why))
			continue
		}
		pool, _ := srv.pool(app)
		if srv.host.Pool(app.PoolName) == nil {
			fmt.Fprintf(out.stderr, "iiscfg: note: %s: %s; migrated as for an Integrated v4.0 pool\n", printable.Path(app.Name()), printable.Text(missingPool(app)))
		}
		if pool.Runtime == schema.V11 {
			out.errs = append(out.errs, reportError(app.Name(), unsupportedRuntime(pool)+"; give the application a v2.0 or v4.0 pool first"))
			continue
		}
		opts := r.opts
		opts.Runtime = pool.Runtime
		if opts.Runtime == "" { // No Managed Code: the v4.0 lists, as lint takes them
			opts.Runtime = schema.V40
		}
		serverRuntime := r.serverRuntime
		if serverRuntime == "" {
			serverRuntime = opts.Runtime
			if opts.Compat == migrate.Appcmd {
				serverRuntime = srv.appcmdServerRuntime()
			}
		}
		opts.Server = srv.migrateServer(opts.Runtime, serverRuntime)
		opts.AppRoot = true
		opts.Exclude = srv.nestedApps(app)

		// The application's web.config (written when it has none).
		doc, created := root.doc, false
		path := filepath.Join(root.folder, "web.config")
		if doc == nil {
			doc, created = config.MustLoad(path, []byte(newWebConfig)), true
		} else {
			path = doc.Path
		}
		opts.Above = append([]config.Source{{Doc: host}}, webSources(nodes[:len(nodes)-1], app, nil)...)
		opts.Prefix = root.config
		res := out.migrate(path, doc, opts, created)
		if res == nil {
			continue
		}
		appDoc := res.Doc

		// Subfolders: handlers only, against what the application now says.
		folders := srv.appFolders(app)
		for _, folder := range folders[min(1, len(folders)):] {
			fnodes, err := srv.chain(app.Site, urlOf(app, root.folder, folder))
			if err != nil || fnodes[len(fnodes)-1].doc == nil || len(unreadable(fnodes)) > 0 {
				continue // a file that does not parse is reported once, at the end
			}
			sub := opts
			sub.AppRoot, sub.Prefix = false, fnodes[len(fnodes)-1].config
			migrated := func(n *node) *config.Document {
				if n == root || n.config == root.config {
					return appDoc
				}
				return n.doc
			}
			sub.Above = append([]config.Source{{Doc: host}}, webSources(fnodes[:len(fnodes)-1], app, migrated)...)
			f := fnodes[len(fnodes)-1].doc
			out.migrate(f.Path, f, sub, false)
		}

		// applicationHost.config's <location> tags for the application.
		hostOpts := opts
		hostOpts.Above, hostOpts.Prefix, hostOpts.AppRoot, hostOpts.Within = nil, "", false, app.ConfigPath()
		if res := out.plan(host.Path, host, hostOpts); res != nil && res.Changed {
			host = res.Doc
		}
	}
	return nil
}

func unsupportedRuntime(p *config.Pool) string {
	return fmt.Sprintf("pool %q runs .NET v1.1, which the Integrated pipeline does not support", p.Name)
}

func reportError(file, msg string) report.Error { return report.Error{File: file, Message: msg} }

// appcmdServerRuntime is the runtime of the root web.config appcmd reads as
// the server level: v4.0 where .NET 4 is installed, v2.0 on a server whose
// applicationHost.config shows no trace of it (an IIS 7.x server without
// .NET 4: no ManagedEngineV4.0_* global module, no "-4.0" handler).
func (s *server) appcmdServerRuntime() schema.Runtime {
	doc := s.host.Doc
	for _, sec := range []string{"system.webServer/globalModules", "system.webServer/handlers"} {
		for _, coll := range doc.SectionElements(sec) {
			for _, add := range coll.SelectElements("add") {
				name := strings.ToLower(add.SelectAttrValue("name", ""))
				if strings.HasPrefix(name, "managedenginev4.0") || strings.HasSuffix(name, "-4.0") {
					return schema.V40
				}
			}
		}
	}
	return schema.V20
}

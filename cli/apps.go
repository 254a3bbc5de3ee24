package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

func appsCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "apps",
		Usage:     "list the applications of an applicationHost.config with their pools and Integrated readiness",
		ArgsUsage: "--apphost FILE [--path-map WIN=LOCAL]...",
		Description: `One row per application: site, path, pool, pipeline mode, runtime, physical path,
whether its web.config was found, and its readiness for the Integrated pipeline:

  ready                                    nothing IIS would refuse in an Integrated pool
  needs migrate                            system.web/httpModules or httpHandlers (500.22/500.23)
  impersonation: keep Classic or disable   <identity impersonate="true"/> (500.24)
  Classic pool                             runs in Classic mode (IF INTEGRATED says what moving needs)
  missing folder                           the physical path is not on this machine (see --path-map)
  web.config does not parse                its web.config, or one above it, has an XML error (reported below)
  web.config cannot be read                its web.config, or one above it, was not read (reported below: not
                                           a regular file, too large, a link out of the repository, ...)
  missing pool                             the pool is not defined in the file
  unsupported runtime                      .NET 1.1 in an Integrated pool`,
		Flags: append([]ucli.Flag{
			// Not IISCFG_FORMAT: lint's formats (github, sarif, ...) are not apps'.
			&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", EnvVars: envVar("apps-format"), Usage: "text or json"},
		}, serverFlags()...),
		Action: func(c *ucli.Context) error { return runApps(c, e) },
	}
}

// appRow is one line of the inventory.
type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type appRow struct {
	Site         string `json:"site"`
	Path         string `json:"path"`
	Pool         string `json:"pool"`
	Mode         string `json:"mode"`
	Runtime      string `json:"runtime"`
	PhysicalPath string `json:"physicalPath"`
	Folder       string `json:"folder,omitempty"`
	WebConfig    bool   `json:"webConfig"`
	Readiness    string `json:"readiness"`
	IfIntegrated string `json:"ifIntegrated,omitempty"`
}

func runApps(c *ucli.Context, e *env) error {
	if _, _, err := applyConfig(c, e.args, serverSettings...); err != nil {
		return err
	}
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageError("--format must be text or json, not %q", format)
	}
	if c.String("apphost") == "" {
		return usageError("apps needs --apphost FILE")
	}
	srv, _, err := openServer(c, e)
	if err != nil {
		return err
	}
	apps, err := srv.selectApps(c.Args().Slice())
	if err != nil {
		return err
	}
	var rows []appRow
	for _, app := range apps {
		rows = append(rows, srv.inventory(app))
	}
	if format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if rows == nil {
			rows = []appRow{}
		}
		// An object, like lint's JSON report, so that fields can be added.
		doc := struct {
			Version int      `json:"version"`
			Tool    jsonTool `json:"tool"`
			Apps    []appRow `json:"apps"`
		}{report.JSONVersion, jsonTool{"iiscfg", toolVersion()}, rows}
		if err := enc.Encode(doc); err != nil {
			return err
		}
	} else {
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SITE\tPATH\tPOOL\tMODE\tRUNTIME\tWEB.CONFIG\tREADINESS\tIF INTEGRATED\tPHYSICAL PATH")
		for _, r := range rows {
			wc := "no"
			if r.WebConfig {
				wc = "yes"
			}
			rt := r.Runtime
			if rt == "" {
				rt = "none"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", printable.Path(r.Site), printable.Path(r.Path), printable.Path(r.Pool), r.Mode, rt, wc, printable.Text(r.Readiness), printable.Text(dash(r.IfIntegrated)), printable.Path(r.PhysicalPath))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(srv.errs) > 0 {
		if err := reportErrors(e, c.String("color"), srv.errs); err != nil {
			return err
		}
		return exitCode(ExitInput)
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// inventory describes one application and how ready it is for the
// Integrated pipeline.
func (s *server) inventory(app *config.App) appRow {
	pool, _ := s.pool(app)
	row := appRow{Site: app.Site.Name, Path: app.Path, Pool: app.PoolName, Mode: pool.Mode(), Runtime: string(pool.Runtime)}
	nodes, err := s.chain(app.Site, app.Path)
	if err != nil {
		row.Readiness = err.Error()
		return row
	}
	s.retain(nodes)
	root := nodes[len(nodes)-1]
	row.PhysicalPath = root.res.PhysicalPath
	row.WebConfig = root.doc != nil || root.err != nil
	if root.present {
		row.Folder = root.folder
	}
	readiness := s.readiness(app, nodes)
	switch {
	case s.host.Pool(app.PoolName) == nil:
		row.Readiness = "missing pool"
	case !root.present:
		row.Readiness = "missing folder"
	case len(unreadable(nodes)) > 0:
		row.Readiness = "web.config does not parse"
		if unreadable(nodes)[0].Line == 0 { // no position: refused before parsing
			row.Readiness = "web.config cannot be read"
		}
	case pool.Classic:
		row.Readiness, row.IfIntegrated = "Classic pool", readiness
	case pool.Runtime == schema.V11:
		row.Readiness = "unsupported runtime"
	default:
		row.Readiness = readiness
	}
	return row
}

// readiness is what an Integrated pool would answer the application:
// its root and every subfolder with a web.config are checked.
func (s *server) readiness(app *config.App, nodes []*node) string {
	root := nodes[len(nodes)-1]
	doc := root.doc
	if doc == nil {
		doc = config.MustLoad(root.folder+"/web.config", []byte("<configuration/>"))
	}
	ctx := s.appContext(app, nodes, len(nodes)-1)
	modules, handlers, impersonation := validate.Blockers(doc, ctx)
	if root.present {
		folders := s.appFolders(app)
		for _, folder := range folders[min(1, len(folders)):] {
			fnodes, err := s.chain(app.Site, urlOf(app, root.folder, folder))
			if err != nil || fnodes[len(fnodes)-1].doc == nil {
				continue
			}
			_, h, _ := validate.Blockers(fnodes[len(fnodes)-1].doc, s.appContext(app, fnodes, len(fnodes)-1))
			handlers = handlers || h
		}
	}
	switch {
	case modules || handlers:
		return "needs migrate"
	case impersonation:
		return "impersonation: keep Classic or disable"
	}
	return "ready"
}

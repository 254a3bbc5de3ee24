package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/requires"
	"github.com/iiscfg/iiscfg/schema"
)

func requiresCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "requires",
		Usage:     "list what a deployment needs installed on its IIS server (URL Rewrite, ASP.NET Core Module, Windows Authentication, ...)",
		ArgsUsage: "[PATH...]",
		Description: `Reads a deployment's web.config files (folders are walked as lint walks them; the server's
own files are left out; with --configuration or --transform, as deployed after their XDT
transforms) and lists each add-on they need beyond a stock IIS
10 with ASP.NET, how it is installed (a Windows feature or a download), and every place that
needs it: the sections they set (<rewrite>,
<aspNetCore>, <windowsAuthentication enabled="true">, ...), the handlers that name an
add-on's module (modules="AspNetCoreModuleV2") and the rewrite rules that proxy to another
server (ARR). docs/servers.md cites each fact.

With --server (IISCFG_SERVER, server: in .iiscfg.yaml) it lists only what that server lacks,
and names what no public source says it has or lacks.

Exit status: 0 listed (with --server: the server has everything), 1 the --server lacks an
add-on, 2 usage error, 3 a file could not be read or parsed (the others are still read).`,
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "server", EnvVars: envVar("server"), Usage: "list only what this server lacks, and exit 1 if it lacks anything: iis10, iisexpress, azure-app-service, with +ADDON for each add-on it also has"},
			// Not IISCFG_FORMAT: lint's formats (github, sarif, ...) are not requires'.
			&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", EnvVars: envVar("requires-format"), Usage: "text or json"},
			&ucli.StringFlag{Name: "color", Value: "auto", EnvVars: envVar("color"), Usage: "colour of error messages: auto, always or never (NO_COLOR is honoured)"},
			&ucli.StringSliceFlag{Name: "exclude", EnvVars: envVar("exclude"), Usage: "leave out walked files and folders matching this glob (doublestar: **/obj/**; repeatable)"},
			&ucli.BoolFlag{Name: "no-gitignore", EnvVars: envVar("no-gitignore"), Usage: "also take the files .gitignore ignores"},
			&ucli.StringFlag{Name: "config", EnvVars: envVar("config"), Usage: "the configuration file (default: .iiscfg.yaml here or in a parent folder, up to the repository root)"},
			&ucli.BoolFlag{Name: "no-config", EnvVars: envVar("no-config"), Usage: "read no configuration file"},
			&ucli.StringSliceFlag{Name: "transform", Aliases: []string{"t"}, EnvVars: envVar("transform"), Usage: "read the web.config in this XDT transform's folder as deployed, after the transform (Web.Release.config); several in one folder (comma-separated or repeated) apply in order"},
			&ucli.StringFlag{Name: "configuration", EnvVars: envVar("configuration"), Usage: "read each web.config as deployed after its sibling Web.`NAME`.config transform (e.g. Release)"},
			maxSizeFlag(),
		},
		Action: func(c *ucli.Context) error { return runRequires(c, e) },
	}
}

// requiresBatch is how many files requires reads and parses at a time.
const requiresBatch = 256

// requiresJSON is one add-on of requires' JSON output.
type requiresJSON struct {
	Key            string        `json:"key"`
	Name           string        `json:"name"`
	WindowsFeature string        `json:"windowsFeature,omitempty"`
	Download       string        `json:"download,omitempty"`
	Server         string        `json:"server,omitempty"` // with --server: "lacks" or "unknown"
	Uses           []requiresUse `json:"uses"`
}

type requiresUse struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	What   string `json:"what"`
}

func runRequires(c *ucli.Context, e *env) error {
	cfg, _, err := applyConfig(c, e.args, "server", "color", "no-gitignore", "transform", "configuration")
	if err != nil {
		return err
	}
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageError("--format must be text or json, not %q", format)
	}
	var server *schema.ServerProfile
	if s := c.String("server"); s != "" {
		if server, err = schema.ParseServer(s); err != nil {
			return usageError("--server: %v", err)
		}
		if server == nil {
			return usageError("--server none assumes nothing about a server, so nothing can be missing on it: leave --server out to list every add-on")
		}
	}
	opts, err := walkOptionsFrom(c, cfg, e)
	if err != nil {
		return err
	}
	args := c.Args().Slice()
	if len(args) == 0 {
		args = []string{"."}
	}
	inputs, errs, empties := collectInputsWith(args, "web.config", opts)
	if err := noInputs(inputs, empties, opts.notes); err != nil && len(errs) == 0 {
		return err
	}
	// Read in batches and keep only the uses: memory is bounded by the
	// batch, not the tree.
	var found requires.Collector
	files := 0
	plan := newDeployPlan(c.StringSlice("transform"), c.String("configuration"))
	for start := 0; start < len(inputs); start += requiresBatch {
		batch := inputs[start:min(start+requiresBatch, len(inputs))]
		for _, l := range loadAll(batch, e.stdin) {
			switch {
			case l.err != nil:
				errs = append(errs, *l.err)
			case l.doc.Kind() == config.KindTransform:
				if plan == nil {
					opts.notes(fmt.Sprintf("%s is a transform: --configuration or --transform reads the web.config it deploys", printable.Path(l.doc.Path)))
				}
			case l.doc.Kind() != config.KindWebConfig:
				// The server's own files list every feature it has, used or not.
				opts.notes(fmt.Sprintf("%s is a server-level %s: requires reads the web.config files of a deployment", printable.Path(l.doc.Path), l.doc.Kind()))
			default:
				files++
				chain := plan.chainFor(l.doc.Path)
				if len(chain) == 0 || l.stdin {
					found.Add(l.doc)
					continue
				}
				res, rerr := deployed(l.doc, chain)
				if rerr != nil {
					errs = append(errs, *rerr)
					continue
				}
				found.AddDeployed(res.Doc, res.Origin)
			}
		}
	}
	for _, t := range plan.unused() {
		opts.notes(fmt.Sprintf("--transform %s: no web.config read in its folder", printable.Path(t)))
	}
	needs := found.Needs()
	lacking := 0
	var shown []requires.Need
	for _, n := range needs {
		switch {
		case server == nil:
		case server.Has(n.AddOn):
			continue
		case server.Lacks(n.AddOn):
			lacking++
		}
		shown = append(shown, n)
	}
	if format == "json" {
		err = writeRequiresJSON(e, server, shown)
	} else {
		err = writeRequiresText(e, server, needs, shown, lacking, files)
	}
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		if err := reportErrors(e, c.String("color"), errs); err != nil {
			return err
		}
		return exitCode(ExitInput)
	}
	if lacking > 0 {
		return exitCode(ExitFindings)
	}
	return nil
}

func writeRequiresJSON(e *env, server *schema.ServerProfile, shown []requires.Need) error {
	out := []requiresJSON{}
	for _, n := range shown {
		j := requiresJSON{Key: n.AddOn.Key, Name: n.AddOn.Name, WindowsFeature: n.AddOn.Feature, Download: n.AddOn.Download, Uses: []requiresUse{}}
		if server != nil {
			j.Server = "lacks"
			if !server.Lacks(n.AddOn) {
				j.Server = "unknown"
			}
		}
		for _, u := range n.Uses {
			j.Uses = append(j.Uses, requiresUse{u.File, u.Pos.Line, u.Pos.Column, u.What})
		}
		out = append(out, j)
	}
	var name *string
	if server != nil {
		name = &server.Name
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Version  int            `json:"version"`
		Tool     jsonTool       `json:"tool"`
		Server   *string        `json:"server"`
		Requires []requiresJSON `json:"requires"`
	}{report.JSONVersion, jsonTool{"iiscfg", toolVersion()}, name, out})
}

func writeRequiresText(e *env, server *schema.ServerProfile, needs, shown []requires.Need, lacking, files int) error {
	var b strings.Builder
	for _, n := range shown {
		fmt.Fprintf(&b, "%s (%s)", n.AddOn.Name, n.AddOn.Install())
		if server != nil && !server.Lacks(n.AddOn) {
			fmt.Fprintf(&b, ": no public source says whether %s has it", server.Name)
		}
		b.WriteString("\n")
		for _, u := range n.Uses {
			fmt.Fprintf(&b, "  %s:%d:%d: %s\n", printable.Path(u.File), u.Pos.Line, u.Pos.Column, printable.Text(u.What))
		}
	}
	switch {
	case files == 0:
		b.WriteString("no web.config file read\n")
	case server == nil && len(needs) == 0:
		fmt.Fprintf(&b, "%s %s nothing beyond a stock IIS 10 with ASP.NET\n", plural(files, "file"), need(files))
	case server == nil:
		fmt.Fprintf(&b, "%s %s %s beyond a stock IIS 10 with ASP.NET\n", plural(files, "file"), need(files), plural(len(needs), "add-on"))
	default:
		unknown := len(shown) - lacking
		fmt.Fprintf(&b, "%s has %d of the %s %s %s", server.Name, len(needs)-len(shown), plural(len(needs), "add-on"), plural(files, "file"), need(files))
		if lacking > 0 {
			fmt.Fprintf(&b, ", lacks %d", lacking)
		}
		if unknown > 0 {
			fmt.Fprintf(&b, ", %d not known either way", unknown)
		}
		b.WriteString("\n")
	}
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}

// need agrees with its subject: "1 file needs", "2 files need".
func need(files int) string {
	if files == 1 {
		return "needs"
	}
	return "need"
}

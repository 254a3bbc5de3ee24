package cli

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

func lintCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "lint",
		Usage:     "report what IIS will refuse or ignore in configuration files",
		ArgsUsage: "[PATH...]  (files, directories, or - for standard input; default .)\n   iiscfg lint --apphost FILE [--path-map WIN=LOCAL]... [Site/app...]",
		Description: `Directories are walked for web.config, Web.*.config, applicationHost.config and
machine.config (any letter case), skipping bin, obj, node_modules and dot-folders.
Every web.config, walked or named, is judged where it sits: the web.config files in
the folders above it (up to the repository root, or an application root the
configuration file's apps: declares) are read for context, not reported on. It is a
subfolder of the nearest one with an application-only section (authentication,
sessionState, ...), or else of the outermost; --no-parents judges each file alone.

With --apphost, iiscfg lints that applicationHost.config and every application of its
sites (or the "Site/app" ones named), each file against its own pool: Classic pools get
info findings about what moving to Integrated takes. --path-map tells where the sites'
Windows folders are on this machine.

Settings come from flags, then IISCFG_* environment variables (IISCFG_FAIL_ON,
IISCFG_FORMAT, ...), then the configuration file .iiscfg.yaml (see iiscfg init),
then the defaults; --verbose shows which.

Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage error,
3 an input could not be read or parsed (the other inputs are still linted).`,
		Flags: append([]ucli.Flag{
			&ucli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, EnvVars: envVar("format"), Usage: "report format: text, compact, json, sarif, github, checkstyle or junit; FMT=FILE writes that report to a file (repeatable)"},
			&ucli.StringFlag{Name: "output", Aliases: []string{"o"}, EnvVars: envVar("output"), Usage: "write the report (those --format gives no file) to this file instead of standard output"},
			&ucli.StringFlag{Name: "fail-on", Value: "warning", EnvVars: envVar("fail-on"), Usage: "lowest severity that fails the run: error, warning, info or none"},
			&ucli.StringFlag{Name: "runtime", Value: "v4.0", EnvVars: envVar("runtime"), Usage: "the application pool's .NET runtime: v2.0 or v4.0 (selects the root web.config compared with)"},
			&ucli.StringFlag{Name: "color", Value: "auto", EnvVars: envVar("color"), Usage: "colour output: auto, always or never (NO_COLOR is honoured)"},
			&ucli.StringFlag{Name: "server", Value: "iis10", EnvVars: envVar("server"), Usage: "the server a file is checked against without --apphost (its locks and add-ons): iis10, iisexpress, azure-app-service or none, with +ADDON for each add-on it also has (iis10+rewrite+aspnetcore); unnamed, iis10 is assumed and missing add-ons are only infos"},
			&ucli.StringFlag{Name: "stdin-filename", Value: "<stdin>", Usage: "the name to report for standard input; a web.config name is judged in that folder"},
			&ucli.StringSliceFlag{Name: "only", EnvVars: envVar("only"), Usage: "run only these rules (names or codes; repeatable or comma-separated)"},
			&ucli.StringSliceFlag{Name: "disable", EnvVars: envVar("disable"), Usage: "do not run these rules"},
			&ucli.StringSliceFlag{Name: "enable", EnvVars: envVar("enable"), Usage: "run these rules even if the configuration file turns them off"},
			&ucli.BoolFlag{Name: "no-inline-ignore", EnvVars: envVar("no-inline-ignore"), Usage: "ignore <!-- iiscfg-ignore: ... --> comments (a central policy files cannot override)"},
			&ucli.StringFlag{Name: "schema-dir", EnvVars: envVar("schema-dir"), Usage: "read IIS's *_schema.xml files from this folder (e.g. a copy of %windir%\\System32\\inetsrv\\config\\schema) instead of the built-in schema for the sections they define"},
			&ucli.StringSliceFlag{Name: "transform", Aliases: []string{"t"}, EnvVars: envVar("transform"), Usage: "judge the web.config in this XDT transform's folder as deployed, after the transform (Web.Release.config); several in one folder (comma-separated or repeated) apply in order"},
			&ucli.StringFlag{Name: "configuration", EnvVars: envVar("configuration"), Usage: "judge each web.config as deployed after its sibling Web.`NAME`.config transform (e.g. Release)"},
			&ucli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "say which configuration file and settings are used, and where each comes from"},
			showSecretsFlag(),
		}, append(walkFlags(), serverFlags()...)...),
		Action: func(c *ucli.Context) error { return runLint(c, e) },
	}
}

// failThreshold parses --fail-on; ok is false for "none".
func failThreshold(s string) (sev validate.Severity, ok bool, err error) {
	if strings.EqualFold(s, "none") {
		return 0, false, nil
	}
	sev, err = validate.ParseSeverity(s)
	if err != nil {
		return 0, false, usageError("--fail-on must be error, warning, info or none, not %q", s)
	}
	return sev, true, nil
}

func runLint(c *ucli.Context, e *env) error {
	defer gcPolicy()()
	cfg, settings, err := applyConfig(c, e.args)
	if err != nil {
		return err
	}
	if c.Bool("verbose") {
		printSettings(e.stderr, cfg, settings)
	}
	outs, err := parseOutputs(c.StringSlice("format"), c.String("output"))
	if err != nil {
		return err
	}
	if err := checkOutputs(outs, append(c.Args().Slice(), c.String("apphost"), c.String("root-web-config"))); err != nil {
		return err
	}
	threshold, failOn, err := failThreshold(c.String("fail-on"))
	if err != nil {
		return err
	}
	runtime, err := schema.ParseRuntime(c.String("runtime"))
	if err != nil || runtime == schema.V11 {
		return usageError("--runtime must be v2.0 or v4.0, not %q", c.String("runtime"))
	}
	outColor, err := colorFor(c.String("color"), e.stdout, e.getenv)
	if err != nil {
		return err
	}
	errColor, _ := colorFor(c.String("color"), e.stderr, e.getenv)
	pol := newPolicy()
	if cfg != nil {
		for name, set := range cfg.rules {
			pol.set(validate.LookupRule(name), set)
		}
		pol.overrides = cfg.overrides
	}
	if err := pol.selectRules(c.StringSlice("only"), c.StringSlice("disable"), c.StringSlice("enable")); err != nil {
		return err
	}
	pol.noInline = c.Bool("no-inline-ignore")
	if c.IsSet("server") {
		if pol.server, err = schema.ParseServer(c.String("server")); err != nil {
			return usageError("--server: %v", err)
		}
	}
	if dir := c.String("schema-dir"); dir != "" {
		secs, err := readSchemaDir(dir)
		if err != nil {
			return &exitError{code: ExitInput, msg: "--schema-dir: " + describeIOError(err)}
		}
		pol.schema = pol.schema.WithSections(secs)
	}
	if settingFrom(c, "apphost") == "file" && c.Args().Len() > 0 && allExist(c.Args().Slice()) {
		// The configuration file's apphost serves "iiscfg lint" and "lint
		// SITE/app"; files and folders named on the command line are linted
		// as files, as they would be without it.
		e.filesOnly = true
		if c.Bool("verbose") {
			fmt.Fprintln(e.stderr, "iiscfg: linting the files given; the configuration file's apphost applies when lint is given sites or nothing")
		}
	}
	srv, rootWeb, err := openServer(c, e)
	if err != nil {
		return err
	}
	var res *report.Result
	var src report.Source
	var live *liveReport // the standard-output report, when written as files are judged
	if srv != nil {
		if settingFrom(c, "server") == "flag" {
			fmt.Fprintln(e.stderr, "iiscfg: note: --server is not used with --apphost: applicationHost.config says what the server locks and has")
		}
		roomForModel()
		var notes []string
		if res, src, notes, err = srv.lint(c.Args().Slice(), pol); err != nil {
			return err
		}
		for _, n := range notes {
			fmt.Fprintf(e.stderr, "iiscfg: note: %s\n", printable.Text(n))
		}
	} else {
		opts, err := walkOptionsFrom(c, cfg, e)
		if err != nil {
			return err
		}
		var appRoots []string
		if cfg != nil {
			appRoots = cfg.apps
		}
		deploy := newDeployPlan(c.StringSlice("transform"), c.String("configuration"))
		meta := report.Meta{ToolVersion: toolVersion()}
		showSecrets := c.Bool("show-secrets") // asked once, not for every file
		live = newLiveReport(outs, e.stdout, meta, outColor, isTerminal(e.stdout), func(s report.Source) report.Source { return lintSource(showSecrets, s) })
		if res, src, err = lintFiles(c.Args().Slice(), c.String("stdin-filename"), runtime, rootWeb, pol, opts, c.Bool("no-parents"), appRoots, deploy, live, e); err != nil {
			return err
		}
		for _, t := range deploy.unused() {
			fmt.Fprintf(e.stderr, "iiscfg: note: --transform %s: no web.config in its folder was linted, so it was not applied\n", printable.Path(t))
		}
	}

	code := ExitOK
	switch {
	case len(res.Errors) > 0:
		code = ExitInput
	case failOn && (anyAtOrAbove(res.Findings, threshold) || live.atOrAbove(threshold)):
		code = ExitFindings
	}
	wd, _ := os.Getwd()
	meta := report.Meta{ToolVersion: toolVersion(), ExitCode: code, Rules: validate.Rules(), WorkDir: wd}
	toStdout := stdoutFormat(outs)
	if live != nil && live.active {
		outs = slices.DeleteFunc(slices.Clone(outs), func(o output) bool { return o.file == "" })
	}
	if err := writeOutputs(outs, res, lintSource(c.Bool("show-secrets"), src), meta, e, outColor); err != nil {
		return err
	}
	if live != nil && live.active {
		if err := live.end(res); err != nil {
			return err
		}
	}
	// Inputs that could not be read go to stderr too, unless a machine
	// format on stdout carries them.
	if toStdout == "text" || toStdout == "" {
		if err := report.Errors(colorWriter(e.stderr, errColor), res.Errors, report.NewPalette(errColor)); err != nil {
			return &exitError{code: ExitInput, msg: "writing to standard error: " + err.Error()}
		}
	}
	if code != ExitOK {
		return exitCode(code)
	}
	return nil
}

// defaultSoftLimit is lint's soft memory limit (gcPolicy) for inputs that
// are not large (roomForInput raises it for those).
const defaultSoftLimit = 64 << 20

// gcPolicy collects when the heap reaches a soft limit of 64 MiB, not when
// it has doubled (GOGC=off, GOMEMLIMIT=64MiB, unless those variables are
// set): the pipeline keeps little alive (a document per worker and the
// parents still needed), so collecting after every few files costs more
// than the memory saved, and a limit that does not follow the live heap
// gives the same peak for 10,000 files as for 40,000. After each
// collection the limit is kept at three times the live heap (followLive),
// so that a run that keeps more alive does not collect without pause.
// With GOMEMLIMIT set, the heap may grow to nine times what is live
// (GOGC=800) under the user's limit. It returns the function that
// restores the settings.
func gcPolicy() (restore func()) {
	percent, limit := -2, int64(-1) // -2: left alone
	userLimit := os.Getenv("GOMEMLIMIT") != ""
	if os.Getenv("GOGC") == "" {
		if userLimit {
			percent = debug.SetGCPercent(800)
		} else {
			percent = debug.SetGCPercent(-1)
		}
	}
	stop := func() {}
	if !userLimit {
		limit = debug.SetMemoryLimit(defaultSoftLimit)
		stop = followLive()
	}
	return func() {
		stop()
		if percent != -2 {
			debug.SetGCPercent(percent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}

// followLive raises the soft memory limit, after each collection, to
// three times the heap then live (roomForLive), until the returned
// function is called. A finalizer that sets itself again on a new object
// runs once per collection.
func followLive() (stop func()) {
	// stopped is read and set under roomMu: a collection ending as the
	// run ends must not raise the limit restore puts back.
	stopped := false
	type sentinel struct{ _ [32]byte } // not a tiny allocation: finalized on its own
	var arm func()
	arm = func() {
		runtime.SetFinalizer(new(sentinel), func(*sentinel) {
			roomMu.Lock()
			defer roomMu.Unlock()
			if !stopped {
				raiseLimitToLive()
				arm()
			}
		})
	}
	arm()
	return func() {
		roomMu.Lock()
		stopped = true
		roomMu.Unlock()
	}
}

// stdoutFormat is the format written to standard output, or "".
func stdoutFormat(outs []output) string {
	for _, o := range outs {
		if o.file == "" {
			return o.format
		}
	}
	return ""
}

// lintFiles lints files and folders, each web.config judged at its place
// in its application (see context.go).
func lintFiles(args []string, stdinName string, runtime schema.Runtime, rootWeb *config.Document, pol *policy, opts walkOptions, noParents bool, appRoots []string, deploy *deployPlan, live *liveReport, e *env) (*report.Result, report.Source, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	fsc := newFSContext(appRoots, opts.notes)
	opts.folders = fsc.remember
	inputs, errs, empties := collectInputsWith(args, stdinName, opts)
	if err := noInputs(inputs, empties, opts.notes); err != nil && len(errs) == 0 {
		return nil, nil, err
	}
	p := &lintPipeline{runtime: runtime, pol: pol, noParents: noParents, deploy: deploy, fs: fsc}
	if rootWeb != nil {
		modules, handlers := rootLists(rootWeb, runtime)
		p.rootLists = func() ([]config.Item, []config.Item) { return modules, handlers }
	}
	p.readStdin(inputs, e.stdin)
	jobs := p.plan(inputs)
	res := &report.Result{Errors: errs}
	src := snippets{}
	live.start(inputs, deploy)
	streamed := live != nil && live.active
	reported := map[report.Error]bool{}
	prog := startProgress(e.stderr, len(jobs))
	p.run(jobs, func(r fileResult) {
		prog.done()
		if r.err != nil {
			// A transform that cannot be applied is met by the web.config's
			// deployed judgement and by the transform's own: say it once.
			if !reported[*r.err] {
				reported[*r.err] = true
				res.Errors = append(res.Errors, *r.err)
			}
			return
		}
		res.Files = append(res.Files, r.path)
		res.Suppressed = append(res.Suppressed, r.suppressed...)
		if streamed {
			live.file(r.findings, r.lines)
			if !live.keep {
				return // written: neither the findings nor their lines are kept
			}
		}
		for file, lines := range r.lines {
			if src[file] == nil {
				src[file] = lines
				continue
			}
			for n, l := range lines {
				src[file][n] = l
			}
		}
		res.Findings = append(res.Findings, r.findings...)
	})
	prog.finish()
	res.Findings = dropRepeatedDuplicates(res.Findings)
	validate.SortFindings(res.Findings)
	validate.SortFindings(res.Suppressed)
	return res, src, nil
}

func anyAtOrAbove(fs []validate.Finding, s validate.Severity) bool {
	for _, f := range fs {
		if f.Severity >= s {
			return true
		}
	}
	return false
}

// allExist reports whether every argument names a file or folder (or is
// "-", standard input).
func allExist(args []string) bool {
	for _, a := range args {
		if a == "-" {
			continue
		}
		if _, err := os.Stat(a); err != nil {
			return false
		}
	}
	return true
}

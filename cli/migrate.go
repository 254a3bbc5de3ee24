package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/fatih/color"
	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/diff"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/migrate"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
)

func migrateCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "migrate",
		Usage:     "move system.web/httpModules and httpHandlers to system.webServer, as appcmd migrate config does",
		ArgsUsage: "[FILE|DIR|-...]  (default .)\n   iiscfg migrate --apphost FILE [--path-map WIN=LOCAL]... Site/app... | --all",
		Description: `By default nothing is written: the changes are shown as a unified diff on stdout
(git apply accepts it) and appcmd's messages on stderr. --write applies them.

With --apphost, the arguments are applications ("Default Web Site/app1") resolved as
appcmd resolves them, and --all takes every application in an Integrated pool. The
server level is then that applicationHost.config plus the root web.config of
--server-runtime; each application's pool gives its runtime. Subfolder web.config files
and applicationHost.config's <location> tags for the application get their handlers
migrated too.

--check lists the files that would change (add --diff to see how) and exits 1 when
there are any: a CI step that fails until someone runs iiscfg migrate --write.

Exit status: 0 done (or nothing to do), 1 with --check when a file would change,
2 usage error, 3 an input could not be read, parsed, migrated or written.`,
		Flags: append([]ucli.Flag{
			&ucli.BoolFlag{Name: "write", Aliases: []string{"w"}, Usage: "write the migrated files in place (atomically)"},
			&ucli.BoolFlag{Name: "all", Usage: "with --apphost: every application in an Integrated pool"},
			&ucli.GenericFlag{Name: "backup", Value: &backupFlag{}, Usage: "with --write, keep the original as FILE.bak; another suffix only as --backup=SUFFIX (with the =)"},
			&ucli.BoolFlag{Name: "stdout", Usage: "print the migrated document (unchanged if there is nothing to migrate) instead of a diff (one input)"},
			&ucli.BoolFlag{Name: "check", Usage: "list the files that would change and exit 1 if there are any (for CI); add --diff to see the changes"},
			&ucli.BoolFlag{Name: "diff", Usage: "with --check: also show the changes as a diff"},
			&ucli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, EnvVars: envVar("quiet"), Usage: "print only warnings and errors: no appcmd lines, notes, progress or summary"},
			&ucli.BoolFlag{Name: "semantic", Usage: "show the changes as a semantic diff (see iiscfg diff) instead of a text diff"},
			&ucli.StringSliceFlag{Name: "section", Usage: "migrate only this section: httpModules or httpHandlers (repeatable; system.web/... accepted)"},
			&ucli.BoolFlag{Name: "clear", Usage: "remove the migrated system.web sections afterwards (appcmd -clear)"},
			&ucli.BoolFlag{Name: "recurse", Value: true, Usage: "also migrate httpHandlers in <location> paths below the application (--recurse=false: only the application)"},
			&ucli.StringFlag{Name: "runtime", Value: "v4.0", EnvVars: envVar("runtime"), Usage: "the application pool's .NET runtime: v2.0 or v4.0"},
			&ucli.StringFlag{Name: "server-runtime", Usage: "the runtime of the server-level root web.config (default: --runtime; with --compat appcmd v4.0, or with --apphost v2.0 when it shows no .NET 4)"},
			&ucli.StringFlag{Name: "compat", Value: "best", Usage: "best (iiscfg's corrections) or appcmd (appcmd's exact output, quirks included)"},
			&ucli.StringFlag{Name: "color", Value: "auto", EnvVars: envVar("color"), Usage: "colour output: auto, always or never (NO_COLOR is honoured)"},
			&ucli.StringFlag{Name: "stdin-filename", Value: "web.config", Usage: "the name to use for standard input; a web.config name given here is migrated in that folder"},
			showSecretsFlag(),
		}, append(walkFlags(), serverFlags()...)...),
		Action: func(c *ucli.Context) error { return runMigrate(c, e) },
	}
}

type migrateRun struct {
	opts          migrate.Options
	serverRuntime schema.Runtime // chosen with --server-runtime, or ""
	semantic      bool
	write         bool
	backup        string
	toStdout      bool
	check         bool
	showDiff      bool // with check: the diff as well as the list
	showSecrets   bool // --show-secrets: diffs print secrets as they are
	quiet         bool
	outColor      bool
	errColor      bool
	stdinName     string
	stdinPlaced   bool        // --stdin-filename names a web.config in a folder that exists
	walk          walkOptions // --exclude, .gitignore
	noParents     bool        // --no-parents
	appRoots      []string    // the configuration file's apps:
}

func parseMigrateFlags(c *ucli.Context, e *env) (*migrateRun, error) {
	r := &migrateRun{write: c.Bool("write"), toStdout: c.Bool("stdout"), check: c.Bool("check"), semantic: c.Bool("semantic"),
		showDiff: c.Bool("diff"), quiet: c.Bool("quiet"), stdinName: c.String("stdin-filename"), showSecrets: c.Bool("show-secrets")}
	if b, ok := c.Generic("backup").(*backupFlag); ok {
		r.backup = b.suffix
	}
	// Only a name given on purpose places standard input: the default
	// "web.config" would put every piped file in the working folder.
	if c.IsSet("stdin-filename") && isWebConfigName(r.stdinName) {
		st, err := os.Stat(filepath.Dir(r.stdinName))
		r.stdinPlaced = err == nil && st.IsDir()
	}
	switch {
	case r.write && r.toStdout:
		return nil, usageError("--write and --stdout do not go together")
	case r.write && r.check:
		return nil, usageError("--write and --check do not go together")
	case r.backup != "" && !r.write:
		return nil, usageError("--backup needs --write")
	case r.showDiff && !r.check:
		return nil, usageError("--diff goes with --check (without --check, migrate shows the diff anyway)")
	case r.toStdout && r.check:
		return nil, usageError("--stdout and --check do not go together")
	case r.toStdout && r.semantic:
		return nil, usageError("--stdout prints the migrated document; --semantic shows a diff: choose one")
	}
	if err := backupSuffixAsInput(c, r.backup); err != nil {
		return nil, err
	}
	var compat migrate.Compat
	switch c.String("compat") {
	case "best":
		compat = migrate.Best
	case "appcmd":
		compat = migrate.Appcmd
	default:
		return nil, usageError("--compat must be best or appcmd, not %q", c.String("compat"))
	}
	runtime, err := schema.ParseRuntime(c.String("runtime"))
	if err != nil || runtime == schema.V11 {
		return nil, usageError("--runtime must be v2.0 or v4.0, not %q", c.String("runtime"))
	}
	serverRuntime := runtime
	if compat == migrate.Appcmd {
		serverRuntime = schema.V40
	}
	if s := c.String("server-runtime"); s != "" {
		if serverRuntime, err = schema.ParseRuntime(s); err != nil || serverRuntime == schema.V11 {
			return nil, usageError("--server-runtime must be v2.0 or v4.0, not %q", s)
		}
		r.serverRuntime = serverRuntime
	}
	modules, handlers := true, true
	if sections := c.StringSlice("section"); len(sections) > 0 {
		modules, handlers = false, false
		for _, s := range sections {
			switch strings.ToLower(strings.TrimPrefix(strings.ToLower(s), "system.web/")) {
			case "httpmodules":
				modules = true
			case "httphandlers":
				handlers = true
			default:
				// appcmd's own words (appobj.dll.mui, docs/iis-behaviour.md §1.2).
				return nil, usageError("Migration is not supported for section %q.", s)
			}
		}
	}
	r.opts = migrate.Options{Compat: compat, Modules: modules, Handlers: handlers, Clear: c.Bool("clear"),
		Recurse: c.Bool("recurse"), Runtime: runtime, Server: migrate.StockServer(runtime, serverRuntime), AppRoot: true}
	if r.outColor, err = colorFor(c.String("color"), e.stdout, e.getenv); err != nil {
		return nil, err
	}
	r.errColor, _ = colorFor(c.String("color"), e.stderr, e.getenv)
	return r, nil
}

func runMigrate(c *ucli.Context, e *env) error {
	cfg, _, err := applyConfig(c, e.args, append(serverSettings, "runtime", "no-gitignore", "no-parents")...)
	if err != nil {
		return err
	}
	walk, err := walkOptionsFrom(c, cfg, e)
	if err != nil {
		return err
	}
	r, err := parseMigrateFlags(c, e)
	if err != nil {
		return err
	}
	r.walk = walk
	r.noParents = c.Bool("no-parents")
	if cfg != nil {
		r.appRoots = cfg.apps
	}
	srv, rootWeb, err := openServer(c, e)
	if err != nil {
		return err
	}
	out := &migrateOutput{run: r, e: e, stdout: colorWriter(e.stdout, r.outColor), stderr: colorWriter(e.stderr, r.errColor),
		pal: report.NewPalette(r.errColor)}
	if srv != nil {
		if err := r.migrateServer(c, srv, out); err != nil {
			return err
		}
	} else {
		if c.Bool("all") {
			return usageError("--all needs --apphost")
		}
		if rootWeb != nil {
			s := &r.opts.Server
			s.AppHTTPModules, s.AppHTTPHandlers = rootLists(rootWeb, r.opts.Runtime)
			s.ServerHTTPModules, s.ServerHTTPHandlers = rootLists(rootWeb, r.opts.Runtime)
		}
		if err := r.migrateFiles(c, out); err != nil {
			return err
		}
	}
	return out.finish()
}

// migrateFiles migrates files and folders given on the command line (see
// migrateInOrder).
func (r *migrateRun) migrateFiles(c *ucli.Context, out *migrateOutput) error {
	args := c.Args().Slice()
	if len(args) == 0 {
		args = []string{"."}
	}
	inputs, errs, empties := collectInputsWith(args, r.stdinName, r.walk)
	if err := noInputs(inputs, empties, r.walk.notes); err != nil && len(errs) == 0 {
		return err
	}
	out.errs = append(out.errs, errs...)
	for _, in := range inputs {
		if in.stdin && r.write {
			return usageError("--write cannot write to standard input; use --stdout")
		}
	}
	if n := len(inputs) + len(errs); r.toStdout && n != 1 {
		return usageError("--stdout takes exactly one input, not %d", n)
	}
	return r.migrateInOrder(inputs, out)
}

// migrateOutput shows or writes each migration and remembers the outcome.
type migrateOutput struct {
	run              *migrateRun
	e                *env
	stdout, stderr   io.Writer
	pal              report.Palette
	errs             []report.Error
	changed, written int
	unchanged        int
	// walked is set while files found by walking folders are migrated: an
	// unchanged one is counted, not named.
	walked bool
}

// migrate migrates one document and shows or writes the result; created
// means the file does not exist yet. It returns nil when the migration
// failed (the error is recorded).
func (o *migrateOutput) migrate(path string, doc *config.Document, opts migrate.Options, created bool) *migrate.Result {
	res := o.plan(path, doc, opts)
	switch {
	case res == nil:
	case res.Changed:
		o.emit(path, doc, res.Doc, created)
	case o.run.toStdout:
		// Like gofmt FILE: the document itself, so that "migrate --stdout
		// web.config > new && mv new web.config" never empties a file.
		if _, err := o.e.stdout.Write(doc.Bytes()); err != nil {
			o.errs = append(o.errs, report.Error{File: path, Message: "writing to standard output: " + describeIOError(err)})
		}
	default:
		o.unchanged++
		if !o.run.quiet && !o.walked {
			fmt.Fprintf(o.stderr, "%s unchanged (nothing to migrate)\n", o.pal.Location.Sprint(printable.Path(path)+":"))
		}
	}
	return res
}

// plan migrates one document and prints its console lines, without
// showing or writing the result.
func (o *migrateOutput) plan(path string, doc *config.Document, opts migrate.Options) *migrate.Result {
	res, err := migrate.Migrate(doc, opts)
	if err != nil {
		o.errs = append(o.errs, migrateError(path, err))
		return nil
	}
	printMessages(o.stderr, path, res.Messages, o.pal, o.run.quiet, !o.run.write && !o.run.toStdout)
	return res
}

// emit shows or writes one changed file: before is what is on disk (or
// an empty document when created), after the migrated document.
func (o *migrateOutput) emit(path string, before, after *config.Document, created bool) {
	r := o.run
	o.changed++
	var err error
	switch {
	case r.toStdout:
		_, err = o.e.stdout.Write(after.Bytes())
	case r.write:
		var original []byte
		if !created {
			original = before.Bytes()
		}
		if err = writeConfig(path, after.Bytes(), original, r.backup, o.stderr); err == nil {
			o.written++
		}
	case r.check && !r.showDiff:
		_, err = fmt.Fprintln(o.e.stdout, printable.Path(path))
	case r.semantic:
		f := diff.File{Old: path, New: path, Changes: diff.Semantic(before, after, diff.Options{})}
		err = diff.WriteText(o.stdout, redactChanges(r.showSecrets, []diff.File{f}), diffPalette(r.outColor))
	default:
		oldText, newText := before.Bytes(), after.Bytes()
		if enc := before.Encoding(); enc == config.UTF16LE || enc == config.UTF16BE {
			// git cannot apply a patch to UTF-16 text anyway; show it readable.
			oldText, newText = before.EditedText(), after.EditedText()
		}
		oldName := path
		if created {
			oldName, oldText = diff.DevNull, nil
		}
		_, err = io.WriteString(o.stdout, unifiedDiff(r.showSecrets)(patchName(oldName), patchName(path), oldText, newText, 3, diffPalette(r.outColor)))
	}
	if err != nil {
		o.errs = append(o.errs, report.Error{File: path, Message: "not written: " + describeIOError(err)})
	}
}

// finish prints errors and the summary and returns the exit status.
func (o *migrateOutput) finish() error {
	if err := report.Errors(o.stderr, o.errs, o.pal); err != nil {
		return err
	}
	r := o.run
	if !r.quiet && !r.toStdout {
		if s := o.summary(); s != "" {
			fmt.Fprintf(o.stderr, "iiscfg: %s\n", s)
		}
	}
	switch {
	case len(o.errs) > 0:
		return exitCode(ExitInput)
	case r.check && o.changed > 0:
		return exitCode(ExitFindings)
	}
	return nil
}

// summary sums up the run: "migrated 2 files, 3 unchanged", "2 files would
// change, 3 unchanged; run with --write to apply", "nothing to migrate in 3
// files".
func (o *migrateOutput) summary() string {
	unchanged := ""
	if o.unchanged > 0 && o.changed > 0 {
		unchanged = fmt.Sprintf(", %d unchanged", o.unchanged)
	}
	switch {
	case o.changed == 0 && o.unchanged > 1:
		return fmt.Sprintf("nothing to migrate in %s", plural(o.unchanged, "file"))
	case o.changed == 0:
		return ""
	case o.run.write:
		if o.written == 0 {
			return ""
		}
		return fmt.Sprintf("migrated %s%s", plural(o.written, "file"), unchanged)
	case o.run.check:
		return fmt.Sprintf("%s would change%s; run iiscfg migrate --write to apply", plural(o.changed, "file"), unchanged)
	}
	return fmt.Sprintf("%s would change%s; run with --write to apply", plural(o.changed, "file"), unchanged)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func migrateError(path string, err error) report.Error {
	var me *migrate.Error
	if errors.As(err, &me) {
		return report.Error{File: path, Line: me.Pos.Line, Column: me.Pos.Column, Message: "cannot migrate: " + me.Msg}
	}
	return report.Error{File: path, Message: "cannot migrate: " + err.Error()}
}

// printMessages writes appcmd's console lines and iiscfg's notes, one per
// line, "path: text", naming the location a line is about. quiet keeps
// only the warnings; a dry run says "would migrate" where appcmd, which
// writes, says "Successfully migrated".
func printMessages(w io.Writer, path string, msgs []migrate.Message, pal report.Palette, quiet, dryRun bool) {
	for _, m := range msgs {
		if quiet && m.Kind != migrate.Warning {
			continue
		}
		if dryRun && m.Kind == migrate.Console {
			if rest, ok := strings.CutPrefix(m.Text, "Successfully migrated "); ok {
				m.Text = "would migrate " + rest
			}
		}
		where := printable.Path(path)
		if m.Location != "" {
			where = fmt.Sprintf("%s (location %q)", where, m.Location)
		}
		m.Text = printable.Text(m.Text)
		switch m.Kind {
		case migrate.Warning:
			fmt.Fprintf(w, "%s %s %s\n", pal.Location.Sprint(where+":"), pal.Warning.Sprint("warning:"), m.Text)
		case migrate.Note:
			fmt.Fprintf(w, "%s %s %s\n", pal.Location.Sprint(where+":"), pal.Info.Sprint("note:"), m.Text)
		default:
			fmt.Fprintf(w, "%s %s\n", pal.Location.Sprint(where+":"), m.Text)
		}
	}
}

func diffPalette(enabled bool) diff.Palette {
	if !enabled {
		return diff.Palette{}
	}
	mk := func(attrs ...color.Attribute) func(string) string {
		c := color.New(attrs...)
		c.EnableColor()
		return func(s string) string { return c.Sprint(s) }
	}
	return diff.Palette{Header: mk(color.Bold), HunkHeader: mk(color.FgCyan), Delete: mk(color.FgRed), Insert: mk(color.FgGreen)}
}

// backupSuffixAsInput catches "--backup .orig": --backup takes its suffix
// only as --backup=.orig, so ".orig" would be taken as a file to migrate.
// An argument that looks like a suffix (".x" or "~") and is no file is
// answered with the spelling that works.
func backupSuffixAsInput(c *ucli.Context, suffix string) error {
	if suffix != ".bak" {
		return nil
	}
	for _, a := range c.Args().Slice() {
		looksLikeSuffix := a == "~" || (strings.HasPrefix(a, ".") && a != "." && a != ".." &&
			!strings.ContainsAny(a, `/\`))
		if !looksLikeSuffix {
			continue
		}
		if _, err := os.Lstat(a); err == nil {
			continue
		}
		return usageError("--backup takes another suffix only after an equals sign: --backup=%s (%q was taken as a file to migrate)", a, a)
	}
	return nil
}

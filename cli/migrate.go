package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"
	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/diff"
	"github.com/iiscfg/iiscfg/migrate"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
)

func migrateCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "migrate",
		Usage:     "move system.web/httpModules and httpHandlers to system.webServer, as appcmd migrate config does",
		ArgsUsage: "[FILE|DIR|-...]  (default .)",
		Description: `By default nothing is written: the changes are shown as a unified diff on stdout
(git apply accepts it) and appcmd's messages on stderr. --write applies them.

Exit status: 0 done (or nothing to do), 1 with --check when a file would change,
2 usage error, 3 an input could not be read, parsed, migrated or written.`,
		Flags: []ucli.Flag{
			&ucli.BoolFlag{Name: "write", Aliases: []string{"w"}, Usage: "write the migrated files in place (atomically)"},
			&ucli.GenericFlag{Name: "backup", Value: &backupFlag{}, Usage: "with --write, keep the original as FILE.bak (or --backup=SUFFIX)"},
			&ucli.BoolFlag{Name: "stdout", Usage: "print the migrated document instead of a diff (one input)"},
			&ucli.BoolFlag{Name: "check", Usage: "exit 1 when any file would change (for CI)"},
			&ucli.BoolFlag{Name: "semantic", Usage: "show the changes as a semantic diff (see iiscfg diff) instead of a text diff"},
			&ucli.StringSliceFlag{Name: "section", Usage: "migrate only this section: httpModules or httpHandlers (repeatable; system.web/... accepted)"},
			&ucli.BoolFlag{Name: "clear", Usage: "remove the migrated system.web sections afterwards (appcmd -clear)"},
			&ucli.BoolFlag{Name: "recurse", Value: true, Usage: "also migrate httpHandlers in <location> paths below the application (--recurse=false: only the application)"},
			&ucli.StringFlag{Name: "runtime", Value: "v4.0", Usage: "the application pool's .NET runtime: v2.0 or v4.0"},
			&ucli.StringFlag{Name: "server-runtime", Usage: "the runtime of the server-level root web.config (default: v4.0 with --compat appcmd, else --runtime)"},
			&ucli.StringFlag{Name: "compat", Value: "best", Usage: "best (iiscfg's corrections) or appcmd (appcmd's exact output, quirks included)"},
			&ucli.StringFlag{Name: "color", Value: "auto", Usage: "colour output: auto, always or never"},
			&ucli.StringFlag{Name: "stdin-filename", Value: "web.config", Usage: "the name to use for standard input"},
		},
		Action: func(c *ucli.Context) error { return runMigrate(c, e) },
	}
}

type migrateRun struct {
	opts      migrate.Options
	semantic  bool
	write     bool
	backup    string
	toStdout  bool
	check     bool
	outColor  bool
	errColor  bool
	stdinName string
}

func parseMigrateFlags(c *ucli.Context, e *env) (*migrateRun, error) {
	r := &migrateRun{write: c.Bool("write"), toStdout: c.Bool("stdout"), check: c.Bool("check"), semantic: c.Bool("semantic"), stdinName: c.String("stdin-filename")}
	if b, ok := c.Generic("backup").(*backupFlag); ok {
		r.backup = b.suffix
	}
	switch {
	case r.write && r.toStdout:
		return nil, usageError("--write and --stdout do not go together")
	case r.write && r.check:
		return nil, usageError("--write and --check do not go together")
	case r.backup != "" && !r.write:
		return nil, usageError("--backup needs --write")
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
				// appcmd's own words (appobj.dll.mui, appcmd-migrate.md §1.2).
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
	r, err := parseMigrateFlags(c, e)
	if err != nil {
		return err
	}
	args := c.Args().Slice()
	if len(args) == 0 {
		args = []string{"."}
	}
	inputs, errs := collectInputs(args, r.stdinName)
	for _, in := range inputs {
		if in.stdin && r.write {
			return usageError("--write cannot write to standard input; use --stdout")
		}
	}
	if n := len(inputs) + len(errs); r.toStdout && n != 1 {
		return usageError("--stdout takes exactly one input, not %d", n)
	}
	docs := loadAll(inputs, e.stdin)
	errOut := colorWriter(e.stderr, r.errColor)
	out := colorWriter(e.stdout, r.outColor)
	errPal := report.NewPalette(r.errColor)
	for _, l := range docs {
		if l.err != nil {
			errs = append(errs, *l.err)
		}
	}

	changed, written := 0, 0
	migrated := map[*config.Document]*config.Document{} // original -> migrated, for children's ancestors
	contexts := lintContexts(docs, r.opts.Runtime)
	for _, i := range parentsFirst(docs) {
		l := docs[i]
		if l.doc == nil {
			continue
		}
		if l.doc.Kind() != config.KindWebConfig {
			if l.walkRoot == "" {
				fmt.Fprintf(errOut, "iiscfg: %s: a %s, not an application's web.config; nothing to migrate\n", l.path, l.doc.Kind())
			}
			continue
		}
		opts := r.opts
		opts.AppRoot = contexts[i].AppRoot
		opts.Prefix = contexts[i].Prefix
		for _, a := range contexts[i].Above {
			if m := migrated[a.Doc]; m != nil {
				a.Doc = m
			}
			opts.Above = append(opts.Above, a)
		}
		res, err := migrate.Migrate(l.doc, opts)
		if err != nil {
			errs = append(errs, migrateError(l.path, err))
			continue
		}
		migrated[l.doc] = res.Doc
		printMessages(errOut, l.path, res.Messages, errPal)
		after := res.Doc.Bytes()
		if res.Changed {
			changed++
		}
		switch {
		case r.toStdout:
			_, err = e.stdout.Write(after)
		case r.write:
			if res.Changed {
				if err = writeAtomic(l.path, after, l.doc.Bytes(), r.backup); err == nil {
					written++
				}
			}
		case r.semantic:
			if res.Changed {
				f := diff.File{Old: l.path, New: l.path, Changes: diff.Semantic(l.doc, res.Doc, diff.Options{})}
				err = diff.WriteText(out, []diff.File{f}, diffPalette(r.outColor))
			}
		default:
			before, after := l.doc.Bytes(), after
			if enc := l.doc.Encoding(); enc == config.UTF16LE || enc == config.UTF16BE {
				// git cannot apply a patch to UTF-16 text anyway; show it readable.
				before, after = l.doc.EditedText(), res.Doc.EditedText()
			}
			_, err = io.WriteString(out, diff.Unified(l.path, l.path, before, after, 3, diffPalette(r.outColor)))
		}
		if err != nil {
			errs = append(errs, report.Error{File: l.path, Message: "not written: " + describeIOError(err)})
		}
	}
	if err := report.Errors(errOut, errs, errPal); err != nil {
		return err
	}
	switch {
	case r.write:
		if written > 0 {
			fmt.Fprintf(errOut, "iiscfg: migrated %s\n", plural(written, "file"))
		}
	case !r.toStdout && changed > 0:
		fmt.Fprintf(errOut, "iiscfg: %s would change; run with --write to apply\n", plural(changed, "file"))
	}
	switch {
	case len(errs) > 0:
		return exitCode(ExitInput)
	case r.check && changed > 0:
		return exitCode(ExitFindings)
	}
	return nil
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
// line, "path: text", naming the location a line is about.
func printMessages(w io.Writer, path string, msgs []migrate.Message, pal report.Palette) {
	for _, m := range msgs {
		where := path
		if m.Location != "" {
			where = fmt.Sprintf("%s (location %q)", path, m.Location)
		}
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

// parentsFirst orders documents so that a folder's web.config is migrated
// before the ones below it, which inherit what it now says.
func parentsFirst(docs []*loaded) []int {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	depth := func(l *loaded) int { return strings.Count(strings.ReplaceAll(l.path, "\\", "/"), "/") }
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && depth(docs[order[j]]) < depth(docs[order[j-1]]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	return order
}

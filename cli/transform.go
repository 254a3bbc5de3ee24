package cli

import (
	"errors"
	"fmt"
	"io"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/diff"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/xdt"
)

func transformCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "transform",
		Usage:     "apply XDT transforms (Web.Release.config, ...) to a web.config, byte-exact",
		ArgsUsage: "SOURCE TRANSFORM [TRANSFORM...]",
		Description: `Applies each TRANSFORM to the result of the previous one, as Microsoft's
XML-Document-Transform engine does (build configuration first, then a publish profile),
and prints the result. Unlike Microsoft's engine, lines the transforms do not touch stay
byte for byte as they are: encoding, byte order mark, line ends, indentation, comments.

Warnings (a locator that matches nothing: the transform silently does nothing; a
SetAttributes that changes nothing) go to standard error as FILE:LINE:COL: warning: ...

Exit status: 0 applied, 1 applied with warnings and --strict, 2 usage error, 3 an input
could not be read or parsed, or a transform cannot be applied (an Insert whose parent is
missing, an unknown transform, xdt:Import): then nothing is printed or written.`,
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "output", Aliases: []string{"o"}, EnvVars: envVar("transform-output"), Usage: "write the result to `FILE` (atomically) instead of standard output"},
			&ucli.BoolFlag{Name: "diff", EnvVars: envVar("transform-diff"), Usage: "print a unified diff of SOURCE and the result instead of the result"},
			&ucli.BoolFlag{Name: "semantic", EnvVars: envVar("transform-semantic"), Usage: "print the semantic diff of SOURCE and the result instead of the result"},
			&ucli.BoolFlag{Name: "strict", EnvVars: envVar("transform-strict"), Usage: "exit 1 when a transform warns"},
			&ucli.StringFlag{Name: "color", Value: "auto", EnvVars: envVar("color"), Usage: "colour output: auto, always or never"},
			showSecretsFlag(),
		},
		Action: func(c *ucli.Context) error { return runTransform(c, e) },
	}
}

func runTransform(c *ucli.Context, e *env) error {
	args := c.Args().Slice()
	if len(args) < 2 {
		return usageError("transform takes SOURCE and at least one TRANSFORM (see iiscfg transform --help)")
	}
	if c.Bool("diff") && c.Bool("semantic") {
		return usageError("--diff and --semantic are two views of one change; pick one")
	}
	outColor, err := colorFor(c.String("color"), e.stdout, e.getenv)
	if err != nil {
		return err
	}
	docs, res, stderr, err := applyFiles(c, e, args)
	if err != nil {
		return err
	}
	out := colorWriter(e.stdout, outColor)
	switch {
	case c.Bool("diff"):
		_, err = io.WriteString(out, unifiedTransformDiff(docs[0], res.Doc, outColor, c.Bool("show-secrets")))
	case c.Bool("semantic"):
		files := redactChanges(c.Bool("show-secrets"), []diff.File{{Old: docs[0].Path, New: docs[0].Path + " (transformed)", Changes: diff.Semantic(docs[0], res.Doc, diff.Options{})}})
		if diff.Differences(files) > 0 {
			err = diff.WriteText(out, files, diffPalette(outColor))
		}
	case c.String("output") == "":
		_, err = e.stdout.Write(res.Doc.Bytes())
	}
	if err != nil {
		return err
	}
	if o := c.String("output"); o != "" {
		var expect []byte // writing over the source in place: refuse if it changed meanwhile
		if sameFile(o, args[0]) {
			expect = docs[0].Bytes()
		}
		if err := writeConfig(o, res.Doc.Bytes(), expect, "", stderr); err != nil {
			fmt.Fprintf(stderr, "iiscfg: %s: %s\n", o, describeIOError(err))
			return exitCode(ExitInput)
		}
	}
	if c.Bool("strict") && len(res.Warnings) > 0 {
		return exitCode(ExitFindings)
	}
	return nil
}

// applyFiles reads a source and its transforms (paths, in order), applies
// them and prints the warnings. Unreadable files and transforms that
// cannot be applied are reported on stderr (the error is the exit code).
func applyFiles(c *ucli.Context, e *env, paths []string) ([]*config.Document, *xdt.Result, io.Writer, error) {
	errColor, _ := colorFor(c.String("color"), e.stderr, e.getenv)
	stderr, pal := colorWriter(e.stderr, errColor), report.NewPalette(errColor)
	docs, errs := loadFiles(paths)
	if len(errs) > 0 {
		if err := report.Errors(stderr, errs, pal); err != nil {
			return nil, nil, nil, err
		}
		return nil, nil, nil, exitCode(ExitInput)
	}
	res, err := xdt.Apply(docs[0], docs[1:]...)
	if err != nil {
		return nil, nil, nil, transformError(stderr, pal, err)
	}
	printWarnings(stderr, pal, res.Warnings)
	return docs, res, stderr, nil
}

// loadFiles reads and parses files in order.
func loadFiles(paths []string) ([]*config.Document, []report.Error) {
	var inputs []input
	for _, p := range paths {
		inputs = append(inputs, input{path: p})
	}
	var docs []*config.Document
	var errs []report.Error
	for _, l := range loadAll(inputs, nil) {
		if l.err != nil {
			errs = append(errs, *l.err)
			continue
		}
		docs = append(docs, l.doc)
	}
	return docs, errs
}

// transformError prints why a transform could not be applied (exit 3).
func transformError(w io.Writer, pal report.Palette, err error) error {
	var xe *xdt.Error
	if !errors.As(err, &xe) {
		return err
	}
	if err := report.Errors(w, []report.Error{{File: xe.File, Line: xe.Start.Line, Column: xe.Start.Column, Message: xe.Msg}}, pal); err != nil {
		return err
	}
	return exitCode(ExitInput)
}

func printWarnings(w io.Writer, pal report.Palette, warnings []xdt.Warning) {
	for _, wn := range warnings {
		where := fmt.Sprintf("%s:%d:%d:", printable.Path(wn.Doc.Path), wn.Start.Line, wn.Start.Column)
		fmt.Fprintf(w, "%s %s %s\n", pal.Location.Sprint(where), pal.Warning.Sprint("warning:"), printable.Text(wn.Msg))
	}
}

// unifiedTransformDiff compares a source with its transformed result as
// text (UTF-16 files as their decoded text).
func unifiedTransformDiff(src, result *config.Document, colored, showSecrets bool) string {
	a, b := src.Bytes(), result.Bytes()
	if enc := src.Encoding(); enc == config.UTF16LE || enc == config.UTF16BE {
		a, b = src.Text(), result.Text()
	}
	return unifiedDiff(showSecrets)(src.Path, src.Path+" (transformed)", a, b, 3, diffPalette(colored))
}

// diffTransform compares a file with its transformed self (diff --transform).
func diffTransform(c *ucli.Context, e *env, file string, transforms []string, mode, format string) error {
	outColor, err := colorFor(c.String("color"), e.stdout, e.getenv)
	if err != nil {
		return err
	}
	docs, res, _, err := applyFiles(c, e, append([]string{file}, transforms...))
	if err != nil {
		return err
	}
	out := colorWriter(e.stdout, outColor)
	if mode == "text" {
		text := unifiedTransformDiff(docs[0], res.Doc, outColor, c.Bool("show-secrets"))
		if _, err := io.WriteString(out, text); err != nil {
			return err
		}
		if text != "" {
			return exitCode(ExitFindings)
		}
		return nil
	}
	files := redactChanges(c.Bool("show-secrets"), []diff.File{{Old: file, New: file + " (transformed)", Changes: diff.Semantic(docs[0], res.Doc, diff.Options{IgnoreOrder: c.Bool("ignore-order")})}})
	switch format {
	case "json":
		err = diff.WriteJSON(e.stdout, files)
	case "markdown":
		err = diff.WriteMarkdown(e.stdout, files)
	case "github":
		err = diff.WriteGitHub(e.stdout, files)
	default:
		if diff.Differences(files) > 0 {
			err = diff.WriteText(out, files, diffPalette(outColor))
		}
	}
	if err != nil {
		return err
	}
	if diff.Differences(files) > 0 {
		return exitCode(ExitFindings)
	}
	return nil
}

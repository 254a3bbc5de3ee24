// Package cli is iiscfg's command line: commands and flags, reading and
// writing files, colour, and exit codes. It is the only package that does
// I/O.
package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/internal/buildinfo"
	"github.com/iiscfg/iiscfg/internal/suggest"
	"github.com/iiscfg/iiscfg/report"
)

// Exit codes (DESIGN.md).
const (
	ExitOK       = 0 // nothing at or above --fail-on; nothing to migrate; no difference
	ExitFindings = 1 // findings at or above --fail-on; something would change; differences
	ExitUsage    = 2 // bad flag or argument
	ExitInput    = 3 // an input could not be read or parsed, or a write failed
)

// exitError carries an exit code out of a command's action.
type exitError struct {
	code int
	msg  string // printed to stderr when not empty
}

func (e *exitError) Error() string { return e.msg }

func exitCode(code int) error { return &exitError{code: code} }

// usageError reports a bad flag value or argument (exit 2).
func usageError(format string, args ...any) error {
	return &exitError{code: ExitUsage, msg: fmt.Sprintf(format, args...)}
}

// env is what commands read and write instead of the process's globals.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	args           []string // the command line, flags first (see permuteArgs)
	// filesOnly: the configuration file's apphost is set aside because the
	// command line names files (see runLint).
	filesOnly bool
}

// Main runs iiscfg with args (args[0] is the program name) and returns the
// exit code. It never calls os.Exit.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: osGetenv})
}

func run(args []string, e *env) int {
	app := newApp(e)
	var err error
	if e.args, err = permuteArgs(app, args); err == nil {
		err = checkHelpArgs(app, e.args, e)
	}
	if err == nil {
		err = app.Run(e.args)
	}
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.code == ExitUsage {
			ee.msg = blameSetting(app, ee.msg)
		}
		if ee.msg != "" {
			fmt.Fprintf(e.stderr, "iiscfg: %s\n", ee.msg)
		}
		return ee.code
	}
	fmt.Fprintf(e.stderr, "iiscfg: %v\n", err)
	return ExitUsage
}

func newApp(e *env) *ucli.App {
	app := &ucli.App{
		Name:            "iiscfg",
		Usage:           "lint, migrate and diff IIS / ASP.NET configuration files",
		Description:     "iiscfg finds what IIS will refuse in web.config and applicationHost.config files, and moves\nclassic-only ASP.NET sections to the Integrated pipeline exactly as appcmd migrate config does.",
		Reader:          e.stdin,
		Writer:          e.stdout,
		ErrWriter:       e.stderr,
		HideVersion:     true,
		ExitErrHandler:  func(*ucli.Context, error) {}, // exit codes are ours to return
		OnUsageError:    onUsageError,
		CommandNotFound: func(c *ucli.Context, name string) {},
		Commands: []*ucli.Command{
			lintCommand(e),
			migrateCommand(e),
			diffCommand(e),
			transformCommand(e),
			appsCommand(e),
			requiresCommand(e),
			initCommand(e),
			rulesCommand(e),
			versionCommand(e),
		},
		Flags: []ucli.Flag{versionFlag},
		Action: func(c *ucli.Context) error {
			if c.Bool(versionFlag.Name) {
				fmt.Fprint(e.stdout, buildinfo.Get())
				return nil
			}
			if c.Args().Present() {
				return unknownCommand(c.App, c.Args().First())
			}
			// No command: the usage, on stderr, as a usage error (exit 2).
			c.App.Writer = e.stderr
			_ = ucli.ShowAppHelp(c)
			return exitCode(ExitUsage)
		},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = onUsageError
	}
	decorateHelp(app)
	return app
}

// reportErrors prints inputs that could not be read or parsed to stderr.
func reportErrors(e *env, colorMode string, errs []report.Error) error {
	c, _ := colorFor(colorMode, e.stderr, e.getenv)
	return report.Errors(colorWriter(e.stderr, c), errs, report.NewPalette(c))
}

func onUsageError(c *ucli.Context, err error, isSubcommand bool) error {
	see := "iiscfg --help"
	var flags []ucli.Flag
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		see = "iiscfg " + c.Command.Name + " --help"
		flags = c.Command.Flags
	} else {
		flags = c.App.Flags
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		msg = "unknown flag " + dashes(name) + didYouMeanFlag(name, flags)
	}
	return usageError("%s (see %s)", msg, see)
}

// dashes writes a flag as the user would: -x for one letter, --name else.
func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func didYouMeanFlag(name string, flags []ucli.Flag) string {
	var names []string
	for _, f := range flags {
		names = append(names, f.Names()...)
	}
	names = append(names, "help")
	if n := suggest.Nearest(name, names); n != "" {
		return " (did you mean " + dashes(n) + "?)"
	}
	return ""
}

// unknownCommand is the error for a command iiscfg does not have.
func unknownCommand(app *ucli.App, name string) error {
	var names []string
	for _, c := range app.Commands {
		names = append(names, c.Names()...)
	}
	return usageError("unknown command %q%s (see iiscfg --help)", name, suggest.DidYouMean(name, names))
}

// checkHelpArgs answers "iiscfg help NAME" for a NAME that is not a
// command: urfave/cli would print nothing and exit 0.
func checkHelpArgs(app *ucli.App, args []string, e *env) error {
	if len(args) < 3 || (args[1] != "help" && args[1] != "h") {
		return nil
	}
	if app.Command(args[2]) == nil {
		return unknownCommand(app, args[2])
	}
	return nil
}

// permuteArgs moves a command's flags in front of its positional arguments,
// so that "iiscfg lint . --format json" works (urfave/cli, like the flag
// package, stops at the first positional argument). "--" ends the flags.
// -h or --help anywhere before "--" asks for the command's help, whatever
// else is given. A flag that takes a value and has none is an error here:
// after permuting, the flag would take "--" as its value.
func permuteArgs(app *ucli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	var cmd *ucli.Command
	for _, c := range app.Commands {
		if c.HasName(args[1]) {
			cmd = c
		}
	}
	if cmd == nil {
		return args, nil
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*ucli.BoolFlag)
		if g, ok := f.(*ucli.GenericFlag); ok {
			if b, ok := g.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				isBool = true
			}
		}
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, positional []string
	rest := args[2:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			positional = append(positional, rest[i+1:]...)
			i = len(rest)
		case a == "-h" || a == "--help" || a == "-help":
			return []string{args[0], args[1], "--help"}, nil
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && takesValue[name] {
				if i+1 >= len(rest) || rest[i+1] == "--" {
					return nil, usageError("flag needs an argument: %s (see iiscfg %s --help)", a, cmd.Name)
				}
				flags = append(flags, rest[i+1])
				i++
			}
		default:
			positional = append(positional, a)
		}
	}
	out := append([]string{args[0], args[1]}, flags...)
	if len(positional) > 0 {
		out = append(append(out, "--"), positional...)
	}
	return out, nil
}

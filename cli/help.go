package cli

import (
	"bytes"
	"io"
	"regexp"
	"strings"

	ucli "github.com/urfave/cli/v2"
)

// The help iiscfg prints: flags grouped by what they are for, an EXAMPLES
// block per command, and no "(default: false)" on switches.

func init() {
	plain := ucli.FlagStringer
	ucli.FlagStringer = func(f ucli.Flag) string {
		return strings.Replace(plain(f), " (default: false)", "", 1)
	}
	// urfave/cli ends a flag list with one, two or no blank lines depending
	// on its categories: one blank line before each heading, always.
	render := ucli.HelpPrinterCustom
	ucli.HelpPrinter = func(w io.Writer, templ string, data any) {
		var b bytes.Buffer
		render(&b, templ, data, nil)
		out := blankLines.ReplaceAllString(b.String(), "\n\n")
		out = strings.ReplaceAll(out, "\nEXAMPLES:", "\n\nEXAMPLES:")
		out = blankLines.ReplaceAllString(out, "\n\n")
		_, _ = io.WriteString(w, out)
	}
}

var blankLines = regexp.MustCompile(`\n(?:[ \t]*\n){2,}`)

// flagCategories groups flags in help by what they are for; a flag not
// listed here is shown first, without a heading.
var flagCategories = map[string]string{
	"format": "Output", "output": "Output", "fail-on": "Output", "color": "Output", "verbose": "Output",
	"quiet": "Output", "write": "Output", "backup": "Output", "stdout": "Output", "check": "Output",
	"diff": "Output", "semantic": "Output", "mode": "Output", "context": "Output", "ignore-order": "Output",
	"strict": "Output",

	"only": "Rules", "disable": "Rules", "enable": "Rules", "no-inline-ignore": "Rules", "schema-dir": "Rules",

	"stdin-filename": "Inputs", "exclude": "Inputs", "no-gitignore": "Inputs", "no-parents": "Inputs",
	"transform": "Inputs", "configuration": "Inputs", "runtime": "Inputs", "server": "Inputs", "max-size": "Inputs",

	"section": "Migration", "clear": "Migration", "recurse": "Migration", "compat": "Migration",
	"server-runtime": "Migration", "all": "Migration",

	"apphost": "Server (applicationHost.config)", "path-map": "Server (applicationHost.config)",
	"root-web-config": "Server (applicationHost.config)", "effective": "Server (applicationHost.config)",

	"config": "Configuration file", "no-config": "Configuration file",
}

// commandExamples are the EXAMPLES of each command's help.
var commandExamples = map[string][]string{
	"lint": {
		"iiscfg lint                                   # every configuration file under .",
		"iiscfg lint src/Web/web.config --fail-on error",
		"iiscfg lint --format sarif=iiscfg.sarif --format text",
		"iiscfg lint --configuration Release           # as deployed after Web.Release.config",
		`iiscfg lint --apphost applicationHost.config --path-map 'C:\inetpub\wwwroot=./site' "Default Web Site/app1"`,
	},
	"migrate": {
		"iiscfg migrate web.config                     # show the patch; write nothing",
		"iiscfg migrate --write --backup web.config    # write it, keep web.config.bak",
		"iiscfg migrate --check .                      # CI: list what still needs migrating, exit 1",
		"iiscfg migrate --stdout web.config > migrated.config",
		`iiscfg migrate --apphost applicationHost.config --path-map 'D:\apps=./apps' --all --write`,
	},
	"diff": {
		"iiscfg diff old/web.config new/web.config     # what the configuration says differently",
		"iiscfg diff --mode text -U 5 old.config new.config",
		"iiscfg diff --transform Web.Release.config web.config",
		"iiscfg diff --format markdown release-1/ release-2/",
	},
	"transform": {
		"iiscfg transform web.config Web.Release.config > web.release.config",
		"iiscfg transform --diff web.config Web.Release.config",
		"iiscfg transform --strict -o out/web.config web.config Web.Release.config Web.Prod.config",
	},
	"apps": {
		`iiscfg apps --apphost applicationHost.config --path-map 'C:\inetpub\wwwroot=./site'`,
		"iiscfg apps --apphost applicationHost.config --format json",
	},
	"requires": {
		"iiscfg requires                               # what the files under . need installed",
		"iiscfg requires --server iis10+rewrite src    # only what that server lacks; exit 1 if anything",
		"iiscfg requires --format json publish/",
	},
	"init":    {"iiscfg init", "iiscfg init - | less"},
	"rules":   {"iiscfg rules", "iiscfg rules classic-http-modules", "iiscfg rules --format markdown > docs/rules.md"},
	"version": {"iiscfg version", "iiscfg --version"},
}

// appExamples are the EXAMPLES of "iiscfg --help": a first run.
var appExamples = []string{
	"iiscfg lint                     # what IIS would refuse, for every configuration file under .",
	"iiscfg migrate web.config       # the patch that moves httpModules/httpHandlers to system.webServer",
	"iiscfg diff old.config new.config",
	"iiscfg COMMAND --help           # every flag of a command, with examples",
}

// decorateHelp sets the flag categories and the EXAMPLES block of every
// command.
func decorateHelp(app *ucli.App) {
	app.CustomAppHelpTemplate = withExamples(ucli.AppHelpTemplate, appExamples)
	for _, cmd := range app.Commands {
		for _, f := range cmd.Flags {
			setCategory(f, flagCategories[f.Names()[0]])
		}
		if ex := commandExamples[cmd.Name]; len(ex) > 0 {
			cmd.CustomHelpTemplate = withExamples(ucli.CommandHelpTemplate, ex)
		}
	}
}

// withExamples adds an EXAMPLES block to a help template.
func withExamples(template string, examples []string) string {
	var b strings.Builder
	b.WriteString(template)
	b.WriteString("\nEXAMPLES:\n")
	for _, line := range examples {
		b.WriteString("   " + templateText(line) + "\n")
	}
	return b.String()
}

// templateText escapes text for a text/template.
func templateText(s string) string {
	return strings.ReplaceAll(s, "{{", `{{"{{"}}`)
}

func setCategory(f ucli.Flag, category string) {
	switch f := f.(type) {
	case *ucli.StringFlag:
		f.Category = category
	case *ucli.BoolFlag:
		f.Category = category
	case *ucli.StringSliceFlag:
		f.Category = category
	case *ucli.IntFlag:
		f.Category = category
	case *ucli.GenericFlag:
		f.Category = category
	}
}

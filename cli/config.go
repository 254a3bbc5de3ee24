package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	ucli "github.com/urfave/cli/v2"
	"go.yaml.in/yaml/v3"

	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/internal/safefile"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// The configuration file, .iiscfg.yaml: found in the working directory or
// the nearest parent, up to the root of the repository (the folder that
// holds .git); --config names another, --no-config ignores it. Settings
// come from flags, then IISCFG_* environment variables, then the file,
// then the defaults; --verbose shows which.

// ConfigFileName is the name the configuration file is looked up by.
const ConfigFileName = ".iiscfg.yaml"

// fileConfig is a parsed configuration file.
type fileConfig struct {
	path string
	dir  string // relative paths in the file are relative to it
	// flags are the settings that mirror a flag, by flag name, as the
	// flag would take them (paths made relative to the working directory).
	flags     map[string][]string
	rules     map[string]ruleSetting // by rule name
	overrides []override
	exclude   []string // doublestar patterns, relative to dir
	apps      []string // declared application roots: absolute folders
}

// configKeys are the top-level keys, and the flag each sets ("" for keys
// handled separately).
var configKeys = map[string]string{
	"fail-on": "fail-on", "runtime": "runtime", "server": "server", "format": "format", "output": "output",
	"apphost": "apphost", "path-map": "path-map", "root-web-config": "root-web-config",
	"schema-dir": "schema-dir", "color": "color", "transforms": "transform", "configuration": "configuration",
	"inline-ignore": "", "gitignore": "", "parents": "", "rules": "", "overrides": "", "exclude": "", "apps": "",
}

// configError is a problem in the configuration file, at a position.
func configError(path string, n *yaml.Node, format string, args ...any) error {
	// The file's values are the repository's: a "\n" in a quoted YAML
	// string must not start a line of the log.
	return &exitError{code: ExitUsage, msg: fmt.Sprintf("%s:%d:%d: %s", printable.Path(path), n.Line, n.Column, printable.Text(fmt.Sprintf(format, args...)))}
}

// yamlLine finds yaml.v3's "line N: message" in a syntax error.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlSyntaxError reports a YAML syntax error as path:line:col: message.
// yaml.v3 often names the line where the enclosing block starts, not the
// offending one, so the line is found as the first whose prefix of the file
// no longer parses (files over maxConfigLines keep yaml's line).
func yamlSyntaxError(path string, data []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	lines := strings.SplitAfter(string(data), "\n")
	if len(lines) <= maxConfigLines {
		var probe yaml.Node
		for k := 1; k <= len(lines); k++ {
			if yaml.Unmarshal([]byte(strings.Join(lines[:k], "")), &probe) != nil {
				line = k
				break
			}
		}
	}
	if line == 0 {
		return &exitError{code: ExitUsage, msg: fmt.Sprintf("%s: %s", path, msg)}
	}
	col := 1
	if line <= len(lines) {
		text := lines[line-1]
		col += len(text) - len(strings.TrimLeft(text, " \t"))
	}
	return &exitError{code: ExitUsage, msg: fmt.Sprintf("%s:%d:%d: %s", path, line, col, msg)}
}

// maxConfigLines bounds the prefix search of yamlSyntaxError (quadratic).
const maxConfigLines = 1000

// findConfig looks for the configuration file from dir up to the
// repository root; "" when there is none. A file found this way that is a
// symbolic link is not followed (note says so): a pull request could link
// .iiscfg.yaml to a file of the machine and have CI read it; --config
// may name a link.
func findConfig(dir string) (path, note string) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", ""
	}
	for {
		for _, name := range []string{ConfigFileName, ".iiscfg.yml"} {
			p := filepath.Join(dir, name)
			st, err := os.Lstat(p)
			switch {
			case err != nil:
			case st.Mode()&fs.ModeSymlink != 0:
				return "", p + " is a symbolic link; not read (name it with --config to use it)"
			case st.Mode().IsRegular():
				return p, ""
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", "" // the repository root: do not look above it
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ""
		}
		dir = parent
	}
}

// quoteKey quotes an unknown key for an error when it could be a setting
// or rule name. Anything else is not quoted: a file that is not a
// configuration file at all (a secret read by mistake) is parsed as keys,
// and its first line must not be echoed.
func quoteKey(k string) string {
	if len(k) > 64 || strings.TrimLeft(k, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != "" {
		return "(a key that cannot be a name; not shown)"
	}
	return strconv.Quote(k)
}

// maxConfigFileSize bounds .iiscfg.yaml, which is read before --max-size
// is known; real ones are a few hundred bytes.
const maxConfigFileSize = 1 << 20

// loadConfig reads and checks a configuration file. Unknown keys and bad
// values are errors with their line and column.
func loadConfig(path string) (*fileConfig, error) {
	data, err := safefile.ReadFile(path, maxConfigFileSize)
	if err != nil {
		return nil, &exitError{code: ExitInput, msg: path + ": " + describeIOError(err)}
	}
	abs, _ := filepath.Abs(path)
	cfg := &fileConfig{path: path, dir: filepath.Dir(abs), flags: map[string][]string{}, rules: map[string]ruleSetting{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlSyntaxError(path, data, err)
	}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, configError(path, root, "the configuration must be a mapping of settings")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		flag, known := configKeys[k.Value]
		if !known {
			return nil, configError(path, k, "unknown setting %s (settings: %s)", quoteKey(k.Value), strings.Join(sortedKeys(configKeys), ", "))
		}
		switch k.Value {
		case "rules":
			if err := cfg.readRules(v, cfg.rules); err != nil {
				return nil, err
			}
		case "overrides":
			if err := cfg.readOverrides(v); err != nil {
				return nil, err
			}
		case "exclude":
			globs, err := cfg.strings(v)
			if err != nil {
				return nil, err
			}
			for _, g := range globs {
				if !doublestar.ValidatePattern(g) {
					return nil, configError(path, v, "bad glob %q", g)
				}
			}
			cfg.exclude = globs
		case "apps":
			dirs, err := cfg.strings(v)
			if err != nil {
				return nil, err
			}
			for _, d := range dirs {
				if d == "" {
					return nil, configError(path, v, "apps: an empty folder name")
				}
				cfg.apps = append(cfg.apps, filepath.Join(cfg.dir, filepath.FromSlash(d)))
			}
		case "inline-ignore", "gitignore", "parents":
			var b bool
			if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
				return nil, configError(path, v, "%s must be true or false", k.Value)
			}
			if !b {
				cfg.flags["no-"+k.Value] = []string{"true"}
			}
		default:
			vals, err := cfg.strings(v)
			if err != nil {
				return nil, err
			}
			if err := cfg.checkValue(k.Value, v, vals); err != nil {
				return nil, err
			}
			cfg.flags[flag] = vals
		}
	}
	return cfg, nil
}

// strings reads a scalar or a sequence of scalars.
func (cfg *fileConfig) strings(v *yaml.Node) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		return []string{v.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, it := range v.Content {
			if it.Kind != yaml.ScalarNode {
				return nil, configError(cfg.path, it, "expected a string")
			}
			out = append(out, it.Value)
		}
		return out, nil
	}
	return nil, configError(cfg.path, v, "expected a string or a list of strings")
}

// checkValue checks a flag setting and makes its paths relative to the
// working directory.
func (cfg *fileConfig) checkValue(key string, v *yaml.Node, vals []string) error {
	one := func() error {
		if len(vals) != 1 {
			return configError(cfg.path, v, "%s takes one value", key)
		}
		return nil
	}
	switch key {
	case "fail-on":
		if err := one(); err != nil {
			return err
		}
		if _, _, err := failThreshold(vals[0]); err != nil {
			return configError(cfg.path, v, "fail-on must be error, warning, info or none, not %q", vals[0])
		}
	case "runtime":
		if err := one(); err != nil {
			return err
		}
		if vals[0] != "v2.0" && vals[0] != "v4.0" {
			return configError(cfg.path, v, "runtime must be v2.0 or v4.0, not %q", vals[0])
		}
	case "server":
		if err := one(); err != nil {
			return err
		}
		if _, err := schema.ParseServer(vals[0]); err != nil {
			return configError(cfg.path, v, "server: %v", err)
		}
	case "color":
		if err := one(); err != nil {
			return err
		}
		if vals[0] != "auto" && vals[0] != "always" && vals[0] != "never" {
			return configError(cfg.path, v, "color must be auto, always or never, not %q", vals[0])
		}
	case "format":
		for i, f := range vals {
			name, file, hasFile := strings.Cut(f, "=")
			if _, ok := lintFormats[name]; !ok && name != "text" {
				return configError(cfg.path, v, "unknown format %q (formats: %s)", name, formatNames())
			}
			if hasFile {
				if err := cfg.confined("format", v, file); err != nil {
					return err
				}
				vals[i] = name + "=" + cfg.local(file)
			}
		}
	case "transforms":
		for i, t := range vals {
			if err := cfg.confinedInput(key, v, t); err != nil {
				return err
			}
			vals[i] = cfg.local(t)
		}
	case "configuration":
		if err := one(); err != nil {
			return err
		}
		if vals[0] == "" || strings.ContainsAny(vals[0], `/\`) {
			return configError(cfg.path, v, "configuration must be a build configuration name such as Release, not %q", vals[0])
		}
	case "output", "apphost", "root-web-config", "schema-dir":
		if err := one(); err != nil {
			return err
		}
		confined := cfg.confinedInput
		if key == "output" {
			confined = cfg.confined
		}
		if err := confined(key, v, vals[0]); err != nil {
			return err
		}
		if key == "schema-dir" {
			if err := cfg.confinedSchemaFiles(v, vals[0]); err != nil {
				return err
			}
		}
		vals[0] = cfg.local(vals[0])
	case "path-map":
		for i, m := range vals {
			from, to, ok := strings.Cut(m, "=")
			if !ok || from == "" || to == "" {
				return configError(cfg.path, v, "path-map %q must be WINDOWS_PATH=LOCAL_PATH", m)
			}
			if err := cfg.confinedInput(key, v, to); err != nil {
				return err
			}
			vals[i] = from + "=" + cfg.local(to)
		}
	}
	return nil
}

// confined checks that a report file named by the configuration file is
// below the configuration file's folder, symbolic links resolved: CI runs
// lint on pull requests, and a repository's file must not make it write
// anywhere else. The command line may name any path.
func (cfg *fileConfig) confined(key string, v *yaml.Node, p string) error {
	if p == "-" && key == "output" {
		return nil // standard output
	}
	return cfg.below(p, configError(cfg.path, v, "%s: %s is outside this file's folder; a configuration file can only write reports below its folder (give the path on the command line instead)", key, p))
}

// confinedInput checks that a file or folder the configuration file names
// as an input (apphost, root-web-config, schema-dir, transforms, the
// local side of path-map) is below its folder, links resolved: a
// repository's file must not make CI read, and echo in its messages, a
// file of the machine. The command line may name any path.
func (cfg *fileConfig) confinedInput(key string, v *yaml.Node, p string) error {
	return cfg.below(p, configError(cfg.path, v, "%s: %s is outside this file's folder; a configuration file can only name inputs below its folder (give the path on the command line instead)", key, p))
}

// confinedSchemaFiles checks each *.xml file of a schema-dir the
// configuration file names as the folder is checked: the folder below this
// file's folder can still hold a link to a file of the machine, whose names
// the schema reader would echo in its errors.
func (cfg *fileConfig) confinedSchemaFiles(v *yaml.Node, dir string) error {
	abs := dir
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(cfg.dir, dir)
	}
	files, err := filepath.Glob(filepath.Join(abs, "*.xml")) // as readSchemaDir reads them
	if err != nil {
		return nil // a malformed pattern: the folder reads nothing
	}
	for _, f := range files {
		name := f
		if rel, err := filepath.Rel(cfg.dir, f); err == nil {
			name = rel
		}
		// The name is the repository's: quoted if it holds a control character.
		outside := configError(cfg.path, v, "schema-dir: %s is outside this file's folder; a configuration file can only name inputs below its folder (give the path on the command line instead)", printable.Path(name))
		if err := cfg.below(name, outside); err != nil {
			return err
		}
	}
	return nil
}

// below returns outside unless p (relative to the file's folder) is below
// that folder, and so is the deepest part of it that exists once its
// links are resolved (p itself when it exists).
func (cfg *fileConfig) below(p string, outside error) error {
	abs := p
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(cfg.dir, p)
	}
	if !within(cfg.dir, abs) {
		return outside
	}
	root, err := filepath.EvalSymlinks(cfg.dir)
	if err != nil {
		return nil // the folder is gone; writing will fail anyway
	}
	// The deepest part of the path that exists must resolve inside too.
	for d := abs; within(cfg.dir, d); d = filepath.Dir(d) {
		if real, err := filepath.EvalSymlinks(d); err == nil {
			if !within(root, real) {
				return outside
			}
			break
		}
	}
	return nil
}

// within reports whether path is dir or below it (both absolute, clean).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// local turns a path of the file (relative to its folder) into one
// relative to the working directory.
func (cfg *fileConfig) local(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	abs := filepath.Join(cfg.dir, p)
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil {
			return rel
		}
	}
	return abs
}

// readRules reads "rules:" (name or code: off, on, error, warning, info).
func (cfg *fileConfig) readRules(v *yaml.Node, into map[string]ruleSetting) error {
	if v.Kind != yaml.MappingNode {
		return configError(cfg.path, v, "rules must map rule names to off, on, error, warning or info")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		rs := validate.LookupRules(k.Value)
		if len(rs) == 0 {
			return configError(cfg.path, k, "no rule %s (see iiscfg rules)", quoteKey(k.Value))
		}
		var s ruleSetting
		switch strings.ToLower(val.Value) {
		case "off", "false":
			s.off = true
		case "on", "true":
		default:
			sev, err := validate.ParseSeverity(val.Value)
			if err != nil || val.Kind != yaml.ScalarNode {
				return configError(cfg.path, val, "rule %s: %q is not off, on, error, warning or info", ruleLabel(k.Value, rs), val.Value)
			}
			s.sev, s.sevSet = sev, true
		}
		for _, r := range rs {
			into[r.Name] = s
		}
	}
	return nil
}

// readOverrides reads "overrides:", a list of {files: [globs], rules: {...}}.
func (cfg *fileConfig) readOverrides(v *yaml.Node) error {
	if v.Kind != yaml.SequenceNode {
		return configError(cfg.path, v, "overrides must be a list of {files, rules}")
	}
	for _, it := range v.Content {
		if it.Kind != yaml.MappingNode {
			return configError(cfg.path, it, "an override must be a mapping with files and rules")
		}
		o := override{base: cfg.dir, rules: map[string]ruleSetting{}}
		for i := 0; i+1 < len(it.Content); i += 2 {
			k, val := it.Content[i], it.Content[i+1]
			switch k.Value {
			case "files":
				globs, err := cfg.strings(val)
				if err != nil {
					return err
				}
				for _, g := range globs {
					if !doublestar.ValidatePattern(g) {
						return configError(cfg.path, val, "bad glob %q", g)
					}
				}
				o.globs = globs
			case "rules":
				if err := cfg.readRules(val, o.rules); err != nil {
					return err
				}
			default:
				return configError(cfg.path, k, "unknown override setting %s (files, rules)", quoteKey(k.Value))
			}
		}
		if len(o.globs) == 0 {
			return configError(cfg.path, it, "an override needs files")
		}
		cfg.overrides = append(cfg.overrides, o)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// settingSource says where each setting came from, for --verbose.
// settingOriginsKey holds, in the app's metadata, where each setting that
// the command line did not give came from, for blameSetting.
const settingOriginsKey = "setting-origins"

// blameSetting makes a usage error about a flag name where its value came
// from: "--fail-on must be ..." becomes "IISCFG_FAIL_ON must be ..." or
// ".iiscfg.yaml: fail-on must be ..." when the command line did not give it.
func blameSetting(app *ucli.App, msg string) string {
	origins, _ := app.Metadata[settingOriginsKey].(map[string]string)
	for name, where := range origins {
		rest, ok := strings.CutPrefix(msg, "--"+name)
		if ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "=")) {
			return where + rest
		}
	}
	return msg
}

// settingFromKey holds, in the app's metadata, where each setting came
// from: "flag", "environment", "file" or "default" (see settingFrom).
const settingFromKey = "setting-from"

// settingFrom says where a setting of the running command came from.
func settingFrom(c *ucli.Context, name string) string {
	froms, _ := c.App.Metadata[settingFromKey].(map[string]string)
	return froms[name]
}

// configDirKey holds, in the app's metadata, the folder of the
// configuration file in use, if any.
const configDirKey = "config-dir"

type settingSource struct {
	name, value, from string
}

// applyConfig reads the configuration file a command uses (unless
// --no-config) and sets the flags the command line and the environment
// left unset from it: all of them, or those named in only. It returns the
// file (nil without one) and where each setting came from.
func applyConfig(c *ucli.Context, args []string, only ...string) (*fileConfig, []settingSource, error) {
	var cfg *fileConfig
	path := c.String("config")
	if given := givenFlags(args, c.Command); given["config"] && given["no-config"] {
		return nil, nil, usageError("--config and --no-config do not go together")
	}
	switch {
	case c.Bool("no-config"):
	case path != "":
		var err error
		if cfg, err = loadConfig(path); err != nil {
			return nil, nil, err
		}
	default:
		wd, _ := os.Getwd()
		p, note := findConfig(wd)
		if note != "" {
			fmt.Fprintf(c.App.ErrWriter, "iiscfg: note: %s\n", note)
		}
		if p != "" {
			var err error
			if cfg, err = loadConfig(p); err != nil {
				return nil, nil, err
			}
		}
	}
	given := givenFlags(args, c.Command)
	var sources []settingSource
	origins := map[string]string{} // flag name -> where a setting not on the command line came from
	froms := map[string]string{}   // flag name -> flag, environment, file or default
	for _, f := range c.Command.Flags {
		name := f.Names()[0]
		if name == "help" || name == "config" || name == "no-config" || name == "verbose" {
			continue
		}
		from := "default"
		switch {
		case given[name]:
			from = "flag"
		case c.IsSet(name):
			from = "environment"
		case cfg != nil && cfg.flags[name] != nil && (len(only) == 0 || slices.Contains(only, name)):
			from = "file"
			for _, v := range cfg.flags[name] {
				if err := c.Set(name, v); err != nil {
					return nil, nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("%s: %s: %v", cfg.path, name, err)}
				}
			}
		}
		sources = append(sources, settingSource{name, flagValue(c, f), from})
		froms[name] = from
		switch from {
		case "environment":
			origins[name] = envVarSet(f, name)
		case "file":
			origins[name] = cfg.path + ": " + name
		}
	}
	c.App.Metadata = map[string]any{settingOriginsKey: origins, settingFromKey: froms}
	if cfg != nil {
		c.App.Metadata[configDirKey] = cfg.dir
	}
	if err := setInputLimit(c); err != nil {
		return nil, nil, err
	}
	return cfg, sources, nil
}

// givenFlags are the flags of the command that its command line gives (as
// opposed to their IISCFG_* environment variables).
func givenFlags(args []string, cmd *ucli.Command) map[string]bool {
	names := map[string]string{} // any name or alias -> the flag's first name
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			names[n] = f.Names()[0]
		}
	}
	out := map[string]bool{}
	for _, a := range args {
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		n, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if first, ok := names[n]; ok {
			out[first] = true
		}
	}
	return out
}

// flagValue renders a flag's value for --verbose.
func flagValue(c *ucli.Context, f ucli.Flag) string {
	name := f.Names()[0]
	switch f.(type) {
	case *ucli.StringFlag:
		return c.String(name)
	case *ucli.StringSliceFlag:
		return strings.Join(c.StringSlice(name), ", ")
	case *ucli.BoolFlag:
		return fmt.Sprint(c.Bool(name))
	case *ucli.IntFlag:
		return fmt.Sprint(c.Int(name))
	}
	return ""
}

// writeDefaultConfig writes the commented default configuration file.
func writeDefaultConfig(path string, force bool) error {
	if _, err := os.Stat(path); err == nil && !force {
		return &exitError{code: ExitUsage, msg: path + " exists (use --force to overwrite it)"}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return &exitError{code: ExitInput, msg: path + ": " + describeIOError(err)}
	}
	if err := os.WriteFile(path, []byte(defaultConfig), 0o644); err != nil {
		return &exitError{code: ExitInput, msg: path + ": " + describeIOError(err)}
	}
	return nil
}

// defaultConfig is what "iiscfg init" writes: every setting, at its
// default, commented. Example lines are commented YAML ("# key:" or
// "#   - item") that stays valid once uncommented (TestInitTemplate).
const defaultConfig = `# iiscfg configuration (https://github.com/iiscfg/iiscfg).
# iiscfg finds this file in the working directory or a parent folder, up to the
# repository root. Command-line flags win over IISCFG_* environment variables,
# which win over this file. "iiscfg lint --verbose" shows where each setting
# comes from. Paths are relative to this file's folder.

# Lowest severity that makes "iiscfg lint" exit 1: error, warning, info or none.
fail-on: warning

# .NET runtime of the application pool a lone web.config is checked against.
runtime: v4.0

# The server a web.config is checked against without an applicationHost.config
# (iis10, iisexpress, azure-app-service or none), with +ADDON for each add-on it
# also has (rewrite, aspnetcore, httpplatform, iisnode, cors, websocket, ...:
# docs/servers.md). Named, the sections of add-ons it lacks are errors
# (module-not-installed); unnamed, a stock IIS 10 is assumed and they are infos.
# server: iis10+rewrite

# Reports to write: text, compact, json, sarif, github, checkstyle, junit;
# FORMAT=FILE writes that report to a file.
# format:
#   - text
#   - sarif=iiscfg.sarif

# The server's applicationHost.config, and where its folders are in this checkout.
# apphost: deploy/applicationHost.config
# path-map:
#   - 'C:\inetpub\wwwroot=./site'

# Files and folders not to lint (doublestar globs, relative to this file);
# none by default.
# exclude:
#   - "**/obj/**"
#   - "samples/**"

# Honour <!-- iiscfg-ignore: RULE - reason --> comments in the linted files.
inline-ignore: true

# Leave out the files .gitignore ignores (inside a git checkout).
gitignore: true

# Read the web.config files in the folders above a linted one for context
# (false: judge each file alone, as an application root).
parents: true

# Application roots (folders, relative to this file): a web.config below one
# belongs to that application; the web.config files above it are not read.
# None by default.
# apps:
#   - site
#   - site/api

# Rules by name or code: off, on, or a severity (error, warning, info); every
# rule at its default severity by default.
# rules:
#   classic-impersonation: warning
#   undeclared-section: off

# Rule settings for some files only.
# overrides:
#   - files: ["legacy/**/web.config"]
#     rules:
#       classic-http-modules: info
`

// envVar is the IISCFG_* variable of a flag: IISCFG_FAIL_ON for fail-on.
func envVar(flag string) []string {
	return []string{"IISCFG_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))}
}

// envVarSet is the variable a flag's value came from: its own, which is
// not always envVar(name) (requires' --format is IISCFG_REQUIRES_FORMAT).
func envVarSet(f ucli.Flag, name string) string {
	if d, ok := f.(ucli.DocGenerationFlag); ok {
		for _, v := range d.GetEnvVars() {
			if _, set := os.LookupEnv(v); set {
				return v
			}
		}
	}
	return envVar(name)[0]
}

// printSettings writes what --verbose shows: the configuration file, and
// each setting with its source.
func printSettings(w io.Writer, cfg *fileConfig, sources []settingSource) {
	if cfg != nil {
		fmt.Fprintf(w, "iiscfg: configuration file %s\n", cfg.path)
	} else {
		fmt.Fprintln(w, "iiscfg: no configuration file")
	}
	for _, s := range sources {
		if s.value == "" && s.from == "default" {
			continue
		}
		fmt.Fprintf(w, "iiscfg:   %s = %s (%s)\n", s.name, s.value, s.from)
	}
	if cfg != nil {
		for _, name := range sortedKeys(cfg.rules) {
			fmt.Fprintf(w, "iiscfg:   rule %s = %s (file)\n", name, cfg.rules[name])
		}
		for _, o := range cfg.overrides {
			fmt.Fprintf(w, "iiscfg:   override for %s: %d rules (file)\n", strings.Join(o.globs, ", "), len(o.rules))
		}
		if len(cfg.exclude) > 0 {
			fmt.Fprintf(w, "iiscfg:   exclude %s (file)\n", strings.Join(cfg.exclude, ", "))
		}
		if len(cfg.apps) > 0 {
			fmt.Fprintf(w, "iiscfg:   apps %s (file)\n", strings.Join(cfg.apps, ", "))
		}
	}
}

// ruleLabel names what a rules: key selects: the rule's name, or the set
// as written.
func ruleLabel(key string, rs []*validate.Rule) string {
	if len(rs) == 1 {
		return rs[0].Name
	}
	return key
}

package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/diff"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/report"
)

func diffCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "diff",
		Usage:     "show what changed between two configuration files (or two folders)",
		ArgsUsage: "OLD NEW  (files, folders, or - for standard input on one side)\n   iiscfg diff --effective --apphost FILE [--path-map WIN=LOCAL]... Site/app[/folder] OLD NEW",
		Description: `--mode semantic (the default) compares the configuration: sections by path, collection
entries by their key, attributes old -> new; whitespace, comments, attribute order,
quotes and encoding never count. --mode text prints a unified diff.
Two folders are compared file by file (same relative path).

--effective compares what an application (or one of its folders) sees: the merged
configuration of every file from the root web.config down, with OLD and then NEW in
place of the folder's web.config (or of applicationHost.config, when OLD and NEW are
that). A change that removes an inherited handler shows up there, with the file that
sets each value.

--transform T FILE compares FILE with what it becomes after the XDT transform T (and
any further --transform, in order): what a deployment changes.

Exit status: 0 no difference, 1 differences, 2 usage error, 3 an input could not be
read or parsed.`,
		Flags: append([]ucli.Flag{
			&ucli.StringFlag{Name: "mode", Value: "semantic", Usage: "semantic or text"},
			&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "semantic output: text, json, github or markdown"},
			&ucli.IntFlag{Name: "context", Aliases: []string{"U"}, Value: 3, Usage: "lines of context in a text diff"},
			&ucli.BoolFlag{Name: "ignore-order", Usage: "do not report collection entries that only moved"},
			&ucli.StringFlag{Name: "color", Value: "auto", Usage: "colour output: auto, always or never"},
			&ucli.StringFlag{Name: "stdin-filename", Value: "<stdin>", Usage: "the name to report for standard input"},
			&ucli.StringSliceFlag{Name: "transform", Aliases: []string{"t"}, EnvVars: envVar("diff-transform"), Usage: "compare FILE with itself after these XDT transforms (in order): iiscfg diff --transform Web.Release.config Web.config"},
			&ucli.BoolFlag{Name: "effective", Usage: "with --apphost: compare the effective configuration at Site/app (see above)"},
			showSecretsFlag(),
		}, serverFlags()...),
		Action: func(c *ucli.Context) error { return runDiff(c, e) },
	}
}

// pair is two files to compare; one side is nil when the file exists on
// the other side only.
type pair struct {
	old, new *input
	rel      string // for folders: the relative path, which orders the pairs
}

func runDiff(c *ucli.Context, e *env) error {
	mode, format := c.String("mode"), c.String("format")
	switch {
	case mode != "semantic" && mode != "text":
		return usageError("--mode must be semantic or text, not %q", mode)
	case mode == "text" && format != "text":
		return usageError("--mode text prints a unified diff; --format applies to --mode semantic")
	case format != "text" && format != "json" && format != "github" && format != "markdown":
		return usageError("--format must be text, json, github or markdown, not %q", format)
	case c.Int("context") < 0:
		return usageError("--context must not be negative")
	case c.IsSet("context") && mode == "semantic":
		return usageError("--context (-U) is for --mode text; a semantic diff has no context lines")
	case c.Bool("ignore-order") && mode == "text":
		return usageError("--ignore-order applies to --mode semantic; a text diff compares lines")
	}
	// The server settings of the configuration file serve --effective only.
	only := []string{"color"}
	if c.Bool("effective") {
		only = append(only, serverSettings...)
	}
	if _, _, err := applyConfig(c, e.args, only...); err != nil {
		return err
	}
	args := c.Args().Slice()
	if ts := c.StringSlice("transform"); len(ts) > 0 {
		if len(args) != 1 || c.Bool("effective") {
			return usageError("diff --transform T FILE compares one file with its transformed self (see iiscfg diff --help)")
		}
		return diffTransform(c, e, args[0], ts, mode, format)
	}
	effective, apphost := c.Bool("effective"), c.String("apphost") != ""
	var at string
	switch {
	case effective && !apphost:
		return usageError("--effective needs --apphost")
	case effective && mode == "text":
		return usageError("--effective compares configuration, not text; leave out --mode text")
	case effective && len(args) != 3:
		return usageError("diff --effective takes Site/app, OLD and NEW (see iiscfg diff --help)")
	case effective:
		at, args = args[0], args[1:]
	case apphost || c.String("root-web-config") != "" || len(c.StringSlice("path-map")) > 0:
		return usageError("--apphost, --path-map and --root-web-config apply to diff --effective")
	case len(args) != 2:
		return usageError("diff takes two paths, OLD and NEW (see iiscfg diff --help)")
	}
	if args[0] == "-" && args[1] == "-" {
		return usageError("only one side can be standard input")
	}
	outColor, err := colorFor(c.String("color"), e.stdout, e.getenv)
	if err != nil {
		return err
	}
	errColor, _ := colorFor(c.String("color"), e.stderr, e.getenv)
	srv, _, err := openServer(c, e)
	if err != nil {
		return err
	}
	notes := func(n string) { fmt.Fprintf(e.stderr, "iiscfg: note: %s\n", printable.Text(n)) }
	pairs, err := diffPairs(args[0], args[1], c.String("stdin-filename"), notes)
	if err != nil {
		return err
	}
	if at != "" && (len(pairs) != 1 || pairs[0].old == nil || pairs[0].new == nil) {
		return usageError("diff --effective compares two files, not folders")
	}

	out := colorWriter(e.stdout, outColor)
	var files []diff.File
	var errs []report.Error
	differences := 0
	// Folders are compared a batch of pairs at a time: memory holds the
	// documents of one batch and the changes found, not every file.
	for first := 0; first < len(pairs); first += diffBatch {
		batch := pairs[first:min(first+diffBatch, len(pairs))]
		var inputs []input
		for _, p := range batch {
			for _, in := range []*input{p.old, p.new} {
				if in != nil {
					inputs = append(inputs, *in)
				}
			}
		}
		docs := loadAll(inputs, e.stdin)
		byPath := map[*input]*loaded{}
		i := 0
		for _, p := range batch {
			for _, in := range []*input{p.old, p.new} {
				if in != nil {
					byPath[in] = docs[i]
					if docs[i].err != nil {
						errs = append(errs, *docs[i].err)
					}
					i++
				}
			}
		}
		for _, p := range batch {
			var a, b *loaded
			if p.old != nil {
				a = byPath[p.old]
			}
			if p.new != nil {
				b = byPath[p.new]
			}
			if (a != nil && a.doc == nil) || (b != nil && b.doc == nil) {
				continue
			}
			if mode == "text" {
				text := textDiff(a, b, c.Int("context"), outColor, c.Bool("show-secrets"))
				if text != "" {
					differences++
				}
				if _, err := io.WriteString(out, text); err != nil {
					return err
				}
				continue
			}
			f := diff.File{}
			switch {
			case a == nil:
				f.New = b.path
			case b == nil:
				f.Old = a.path
			case at != "":
				var broken []report.Error
				if f, broken, err = effectiveDiff(c, srv, at, a, b, colorWriter(e.stderr, errColor), report.NewPalette(errColor)); err != nil {
					return err
				}
				if len(broken) > 0 {
					errs = append(errs, broken...)
					continue
				}
			default:
				f.Old, f.New = a.path, b.path
				f.Changes = diff.Semantic(a.doc, b.doc, diff.Options{IgnoreOrder: c.Bool("ignore-order")})
				if len(f.Changes) == 0 && len(pairs) > 1 {
					continue // folders: list only the files that differ
				}
			}
			files = append(files, f)
		}
	}
	if mode == "semantic" {
		redactChanges(c.Bool("show-secrets"), files)
		differences = diff.Differences(files)
		switch format {
		case "json":
			err = diff.WriteJSON(e.stdout, files)
		case "markdown":
			err = diff.WriteMarkdown(e.stdout, files)
		case "github":
			err = diff.WriteGitHub(e.stdout, files)
		default:
			if differences > 0 {
				err = diff.WriteText(out, files, diffPalette(outColor))
			}
		}
		if err != nil {
			return err
		}
	}
	if err := report.Errors(colorWriter(e.stderr, errColor), errs, report.NewPalette(errColor)); err != nil {
		return err
	}
	switch {
	case len(errs) > 0:
		return exitCode(ExitInput)
	case differences > 0:
		return exitCode(ExitFindings)
	}
	return nil
}

// diffBatch is how many pairs of files a folder diff loads at a time.
var diffBatch = 64

// textDiff is a unified diff of two loaded files (either may be absent).
// UTF-16 files are compared as text; others byte for byte.
func textDiff(a, b *loaded, context int, color, showSecrets bool) string {
	bytesOf := func(l *loaded) []byte {
		if l == nil {
			return nil
		}
		if enc := l.doc.Encoding(); enc == config.UTF16LE || enc == config.UTF16BE {
			return l.doc.Text()
		}
		return l.doc.Bytes()
	}
	oldName, newName := diff.DevNull, diff.DevNull
	if a != nil {
		oldName = a.path
	}
	if b != nil {
		newName = b.path
	}
	return unifiedDiff(showSecrets)(patchName(oldName), patchName(newName), bytesOf(a), bytesOf(b), context, diffPalette(color))
}

// patchName is the name a unified diff's header gives a file, so that
// "git apply" takes the patch: the path relative to the working directory
// when the file is inside it; else relative to the root of its git
// repository (apply from there: git -C "$(git rev-parse --show-toplevel)"
// apply); else the absolute path without its leading slash (patch -p1 -d /).
// git apply refuses ".." and empty segments ("a/../x", "a//tmp/x").
func patchName(path string) string {
	if path == diff.DevNull || path == "" || strings.HasPrefix(path, "<") {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			if !filepath.IsAbs(path) {
				return path // as the user wrote it
			}
			return rel
		}
	}
	if root := repoRoot(filepath.Dir(abs)); root != "" {
		if rel, err := filepath.Rel(root, abs); err == nil {
			return rel
		}
	}
	abs = filepath.ToSlash(abs)
	if vol := filepath.VolumeName(abs); vol != "" {
		abs = abs[len(vol):]
	}
	return strings.TrimLeft(abs, "/")
}

// repoRoot is the nearest folder from dir up that holds .git (a folder, or
// a file in a worktree), or "".
func repoRoot(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// diffPairs resolves the two arguments: two files (or stdin), or two
// folders whose configuration files are paired by relative path; what the
// walks leave out (a link loop, a link out of the folder) goes to notes.
func diffPairs(oldArg, newArg, stdinName string, notes func(string)) ([]pair, error) {
	isDir := func(p string) (bool, error) {
		if p == "-" {
			return false, nil
		}
		st, err := os.Stat(p)
		if err != nil {
			return false, &exitError{code: ExitInput, msg: p + ": " + describeIOError(err)}
		}
		return st.IsDir(), nil
	}
	oldDir, err := isDir(oldArg)
	if err != nil {
		return nil, err
	}
	newDir, err := isDir(newArg)
	if err != nil {
		return nil, err
	}
	side := func(arg string) *input {
		if arg == "-" {
			return &input{path: stdinName, stdin: true}
		}
		return &input{path: arg}
	}
	switch {
	case oldDir != newDir:
		return nil, usageError("compare a file with a file or a folder with a folder")
	case !oldDir:
		return []pair{{old: side(oldArg), new: side(newArg)}}, nil
	}
	var empties []emptyWalk
	walk := func(root string) (map[string]*input, []string, error) {
		ins, errs, empty := collectInputsWith([]string{root}, stdinName, walkOptions{notes: notes})
		if len(errs) > 0 {
			return nil, nil, &exitError{code: ExitInput, msg: errs[0].File + ": " + errs[0].Message}
		}
		empties = append(empties, empty...)
		m := map[string]*input{}
		var rels []string
		for i := range ins {
			rel, _ := filepath.Rel(root, ins[i].path)
			rel = filepath.ToSlash(rel)
			m[rel] = &ins[i]
			rels = append(rels, rel)
		}
		return m, rels, nil
	}
	om, orels, err := walk(oldArg)
	if err != nil {
		return nil, err
	}
	nm, nrels, err := walk(newArg)
	if err != nil {
		return nil, err
	}
	if len(orels) == 0 && len(nrels) == 0 {
		// Two folders without configuration files are no comparison.
		return nil, noInputs(nil, empties, nil)
	}
	// Pair by relative path; Windows folders differ only in letter case.
	lowerNew := map[string]string{}
	for _, r := range nrels {
		lowerNew[strings.ToLower(r)] = r
	}
	used := map[string]bool{}
	var pairs []pair
	for _, r := range orels {
		nr, ok := r, nm[r] != nil
		if !ok {
			nr, ok = lowerNew[strings.ToLower(r)]
		}
		if ok && !used[nr] {
			used[nr] = true
			pairs = append(pairs, pair{om[r], nm[nr], r})
		} else {
			pairs = append(pairs, pair{om[r], nil, r})
		}
	}
	for _, r := range nrels {
		if !used[r] {
			pairs = append(pairs, pair{nil, nm[r], r})
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].rel < pairs[j].rel })
	return pairs, nil
}

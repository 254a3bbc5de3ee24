package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/iiscfg/iiscfg/internal/safefile"
	"github.com/iiscfg/iiscfg/report"
)

// lintFormats are the report formats of lint; text is written separately
// (it needs the files' lines and colour).
var lintFormats = map[string]func(io.Writer, *report.Result, report.Meta) error{
	"compact":    report.Compact,
	"json":       report.JSON,
	"sarif":      report.SARIF,
	"github":     report.GitHub,
	"checkstyle": report.Checkstyle,
	"junit":      report.JUnit,
}

func formatNames() string {
	names := []string{"text"}
	for n := range lintFormats {
		names = append(names, n)
	}
	sort.Strings(names[1:])
	return strings.Join(names, ", ")
}

// output is one report to write: a format and a file ("" for stdout).
type output struct{ format, file string }

// parseOutputs reads the --format FMT[=FILE] values; a format without a
// file goes to --output, or to stdout. Two reports cannot share stdout.
func parseOutputs(formats []string, outputFile string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var outs []output
	toStdout := 0
	for _, f := range formats {
		name, file, hasFile := strings.Cut(f, "=")
		name = strings.ToLower(strings.TrimSpace(name))
		if _, ok := lintFormats[name]; !ok && name != "text" {
			return nil, usageError("--format: unknown format %q (formats: %s)", name, formatNames())
		}
		if hasFile && file == "" {
			return nil, usageError("--format %s=: give a file name after =", name)
		}
		if !hasFile {
			file = outputFile
		}
		if file == "" || file == "-" {
			file = ""
			toStdout++
		}
		outs = append(outs, output{name, file})
	}
	if outputFile != "" && outputFile != "-" && !usedOutput(outs, outputFile) {
		return nil, usageError("--output %s would be ignored: every --format names its own file (drop --output, or give a format without =FILE)", outputFile)
	}
	if toStdout > 1 {
		return nil, usageError("only one report can go to standard output; give the others a file (--format sarif=iiscfg.sarif)")
	}
	return outs, nil
}

// writeOutputs writes every report. Text on standard output is coloured as
// --color says; reports in files never are. A report file is written
// atomically: a symbolic link at its name is replaced, never written
// through.
func writeOutputs(outs []output, res *report.Result, src report.Source, meta report.Meta, e *env, outColor bool) error {
	for _, o := range outs {
		// Reports write line by line: one system call per line would cost
		// more than the formatting.
		color := outColor && o.file == "" && o.format == "text"
		stdout := bufio.NewWriterSize(colorWriter(e.stdout, color), 64<<10)
		var w io.Writer = stdout
		var buf bytes.Buffer
		if o.file != "" {
			w = &buf
		}
		var err error
		if o.format == "text" {
			err = report.Text(w, res, src, report.NewPalette(color), o.file == "" && isTerminal(e.stdout))
		} else {
			err = lintFormats[o.format](w, res, meta)
		}
		where := "standard output"
		if o.file == "" && err == nil {
			err = stdout.Flush()
		}
		if o.file != "" && err == nil {
			where = o.file
			_, err = safefile.WriteFileAtomic(o.file, buf.Bytes(), safefile.Options{})
		}
		if err != nil {
			return &exitError{code: ExitInput, msg: fmt.Sprintf("writing the %s report to %s: %s", o.format, where, describeIOError(err))}
		}
	}
	return nil
}

// checkOutputs refuses a report file that would replace an input: a file
// named on the command line (or by --apphost, --root-web-config), or any
// file with a configuration file's name (a walk would read it).
func checkOutputs(outs []output, inputs []string) error {
	for _, o := range outs {
		if o.file == "" {
			continue
		}
		if in := sameFileAs(o.file, inputs); in != "" {
			return usageError("refusing to write the %s report to %s: it is the input %s", o.format, o.file, in)
		}
		if isConfigName(filepath.Base(o.file)) {
			return usageError("refusing to write the %s report to %s: that is a configuration file's name", o.format, o.file)
		}
	}
	return nil
}

// sameFileAs returns the input that path is (by name or by inode: a link,
// another spelling), or "".
func sameFileAs(path string, inputs []string) string {
	st, err := os.Stat(path)
	for _, in := range inputs {
		if filepath.Clean(in) == filepath.Clean(path) {
			return in
		}
		if err != nil {
			continue
		}
		if ist, ierr := os.Stat(in); ierr == nil && os.SameFile(st, ist) {
			return in
		}
	}
	return ""
}

// usedOutput reports whether a report goes to the --output file.
func usedOutput(outs []output, file string) bool {
	for _, o := range outs {
		if o.file == file {
			return true
		}
	}
	return false
}

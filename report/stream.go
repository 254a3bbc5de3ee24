package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/iiscfg/iiscfg/internal/ghactions"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/internal/stickyerr"
	"github.com/iiscfg/iiscfg/validate"
)

// Stream writes a report while the run goes on: the findings as each
// file's are ready, in report order, then what follows them (the text
// summary, the errors, the suppressed findings). Memory does not grow with
// the findings written. Text, compact, GitHub and JSON have streams; the
// batch functions of those formats are their streams fed at once, so both
// write the same bytes. SARIF writes the run's exit code and errors before
// its results, and checkstyle and JUnit group by file: they are written
// whole.
type Stream interface {
	// Findings writes findings that follow every finding written so far
	// in report order; src gives the lines the text format quotes.
	Findings(fs []validate.Finding, src Source) error
	// End writes the rest from r: its Errors, Suppressed and Files (its
	// Findings are those given to Findings, and are not read).
	End(r *Result) error
}

// NewStream returns the stream of a format, or nil when the format is
// written whole. Text colours with pal and says that a clean run is clean
// when terminal is set.
func NewStream(format string, w io.Writer, m Meta, pal Palette, terminal bool) Stream {
	switch format {
	case "text":
		return &textStream{w: stickyerr.New(w), pal: pal, terminal: terminal, filesWith: map[string]bool{}}
	case "compact":
		return &compactStream{w: stickyerr.New(w)}
	case "github":
		return &githubStream{w: w}
	case "json":
		return &jsonStream{w: stickyerr.New(w), meta: m}
	}
	return nil
}

// writeAll feeds a whole result to a stream.
func writeAll(s Stream, r *Result, src Source) error {
	if err := s.Findings(r.Findings, src); err != nil {
		return err
	}
	return s.End(r)
}

// textStream is Text, one finding at a time. It counts what the summary
// line says.
type textStream struct {
	w         *stickyerr.Writer
	pal       Palette
	terminal  bool
	count     int
	bySev     [3]int
	fixable   int
	filesWith map[string]bool
	lastFile  string     // the file of the last finding written
	quoted    quotedLine // the last line quoted
}

func (t *textStream) Findings(fs []validate.Finding, src Source) error {
	bw, pal := t.w, t.pal
	for _, f := range fs {
		t.count++
		t.bySev[f.Severity]++
		if f.File != t.lastFile { // a file's findings come together: one map write per file
			t.filesWith[f.File] = true
			t.lastFile = f.File
		}
		if f.Rule.FixedByMigrate {
			t.fixable++
		}
		fmt.Fprintf(bw, "%s %s %s %s\n",
			pal.Location.Sprintf("%s:%d:%d:", printable.Path(f.File), f.Start.Line, f.Start.Column),
			pal.severity(f.Severity).Sprintf("%s:", f.Severity),
			printable.Text(f.Message),
			pal.Rule.Sprintf("[%s]", f.Rule.Name))
		pad := " "
		if src != nil && !f.Secret { // never quote a line a security rule found a secret on
			if line, ok := src.Line(f.File, f.Start.Line); ok {
				_, verbatim := src.(Verbatim)
				t.quoted.load(line, !verbatim)
				pad = writeSnippet(bw, t.quoted.move(f), &t.quoted, pal)
			}
		}
		if f.Note != "" {
			fmt.Fprintf(bw, "%s %s %s\n", pad, pal.Gutter.Sprint("="), pal.Bold.Sprint("note:")+" "+printable.Text(f.Note))
		}
		if f.Help != "" {
			fmt.Fprintf(bw, "%s %s %s\n", pad, pal.Gutter.Sprint("="), pal.Bold.Sprint("help:")+" "+printable.Text(f.Help))
		}
	}
	return bw.Err
}

func (t *textStream) End(r *Result) error {
	line := summaryLine(summaryCounts{findings: t.count, bySeverity: t.bySev, files: len(r.Files),
		filesWithFindings: len(t.filesWith), fixable: t.fixable, suppressed: len(r.Suppressed)})
	if line != "" && (t.terminal || t.count > 0 || len(r.Suppressed) > 0) {
		fmt.Fprintln(t.w, line)
	}
	return t.w.Err
}

// compactStream is Compact, one line per finding, the errors at the end.
type compactStream struct{ w *stickyerr.Writer }

func (c *compactStream) Findings(fs []validate.Finding, _ Source) error {
	for _, f := range fs {
		fmt.Fprintf(c.w, "%s:%d:%d: %s: %s [%s]\n", printable.Path(f.File), f.Start.Line, f.Start.Column, f.Severity, printable.Text(f.OneLine()), f.Rule.Name)
	}
	return c.w.Err
}

func (c *compactStream) End(r *Result) error {
	for _, e := range r.Errors {
		fmt.Fprintf(c.w, "%s: error: %s\n", e.where(), printable.Text(e.Message))
	}
	return c.w.Err
}

// githubStream is GitHub, one workflow command per finding, the errors at
// the end.
type githubStream struct{ w io.Writer }

func (g *githubStream) Findings(fs []validate.Finding, _ Source) error {
	for _, f := range fs {
		props := []ghactions.Property{
			{Name: "file", Value: filepath.ToSlash(f.File)}, // GitHub's paths have forward slashes, on Windows runners too
			{Name: "line", Value: fmt.Sprint(f.Start.Line)},
			{Name: "col", Value: fmt.Sprint(f.Start.Column)},
			{Name: "endLine", Value: fmt.Sprint(f.End.Line)},
			{Name: "endColumn", Value: fmt.Sprint(f.End.Column)},
			{Name: "title", Value: f.Rule.Name},
		}
		if err := ghactions.Write(g.w, githubCommand(f.Severity), props, f.OneLine()); err != nil {
			return err
		}
	}
	return nil
}

func (g *githubStream) End(r *Result) error {
	for _, e := range r.Errors {
		props := []ghactions.Property{{Name: "file", Value: filepath.ToSlash(e.File)}, {Name: "title", Value: "iiscfg"}}
		if e.Line > 0 {
			props = append(props, ghactions.Property{Name: "line", Value: fmt.Sprint(e.Line)})
		}
		if e.Column > 0 {
			props = append(props, ghactions.Property{Name: "col", Value: fmt.Sprint(e.Column)})
		}
		if err := ghactions.Write(g.w, "error", props, e.Message); err != nil {
			return err
		}
	}
	return nil
}

// jsonStream writes the JSON report's findings array element by element,
// laid out as encoding/json indents the whole report (two spaces a level,
// HTML characters as they are): the header at the first findings, the
// other lists at the end.
type jsonStream struct {
	w       *stickyerr.Writer
	meta    Meta
	started bool // the header and "findings": [ are written
	items   int  // findings written
}

func (j *jsonStream) header() {
	if j.started {
		return
	}
	j.started = true
	io.WriteString(j.w, "{\n  \"version\": ")
	j.value(JSONVersion, "  ")
	io.WriteString(j.w, ",\n  \"tool\": ")
	j.value(jsonTool{"iiscfg", j.meta.ToolVersion}, "  ")
	io.WriteString(j.w, ",\n  \"findings\": [")
}

func (j *jsonStream) Findings(fs []validate.Finding, _ Source) error {
	j.header()
	for _, f := range fs {
		j.element(j.items, jsonFindingOf(f))
		j.items++
	}
	return j.w.Err
}

// element writes the i-th element of an array at the second level.
func (j *jsonStream) element(i int, v any) {
	if i > 0 {
		io.WriteString(j.w, ",")
	}
	io.WriteString(j.w, "\n    ")
	j.value(v, "    ")
}

// closeArray ends an array of n elements at the second level.
func (j *jsonStream) closeArray(n int) {
	if n > 0 {
		io.WriteString(j.w, "\n  ")
	}
	io.WriteString(j.w, "]")
}

func (j *jsonStream) End(r *Result) error {
	j.header()
	j.closeArray(j.items)
	io.WriteString(j.w, ",\n  \"suppressed\": [")
	for i, f := range r.Suppressed {
		j.element(i, jsonFindingOf(f))
	}
	j.closeArray(len(r.Suppressed))
	io.WriteString(j.w, ",\n  \"errors\": [")
	for i, e := range r.Errors {
		j.element(i, jsonError(e))
	}
	j.closeArray(len(r.Errors))
	io.WriteString(j.w, "\n}\n")
	return j.w.Err
}

// value writes v as encoding/json writes it at an indentation of prefix,
// without the final newline.
func (j *jsonStream) value(v any, prefix string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		if j.w.Err == nil {
			j.w.Err = err
		}
		return
	}
	j.w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/internal/secret"
	"github.com/iiscfg/iiscfg/internal/stickyerr"
	"github.com/iiscfg/iiscfg/validate"

	"github.com/fatih/color"
)

// Palette colours human-readable output. Colour is decided per output
// stream by the caller; a zero Palette (or NewPalette(false)) prints plain.
type Palette struct {
	Location, Error, Warning, Info, Rule, Gutter, Bold *color.Color
}

// NewPalette returns a palette that colours when enabled is true.
func NewPalette(enabled bool) Palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return Palette{
		Location: mk(color.Bold),
		Error:    mk(color.FgRed, color.Bold),
		Warning:  mk(color.FgYellow, color.Bold),
		Info:     mk(color.FgCyan, color.Bold),
		Rule:     mk(color.Faint),
		Gutter:   mk(color.FgBlue),
		Bold:     mk(color.Bold),
	}
}

func (p Palette) severity(s validate.Severity) *color.Color {
	switch s {
	case validate.Error:
		return p.Error
	case validate.Warning:
		return p.Warning
	}
	return p.Info
}

// Text writes one block per finding, like rustc and ruff:
//
//	path:line:col: severity: headline [rule]
//	   |
//	12 |     <httpModules>
//	   |     ^~~~~~~~~~~~~
//	   = note: what it leads to
//	   = help: how to fix it
//
// then a summary line: how many problems in how many of the files checked,
// and how many "iiscfg migrate" fixes. A clean run prints nothing (silence
// means clean, for scripts) unless terminal is set or findings were
// suppressed; then it says "✓ N files checked, no problems".
func Text(w io.Writer, r *Result, src Source, pal Palette, terminal bool) error {
	return writeAll(NewStream("text", w, Meta{}, pal, terminal), r, src)
}

// summaryCounts is what the summary line says of a run.
type summaryCounts struct {
	findings          int
	bySeverity        [3]int
	files             int // files checked
	filesWithFindings int
	fixable           int
	suppressed        int
}

// summaryLine sums up a run: "4 problems (3 errors, 1 warning) in 2 of 5
// files; 3 fixable with iiscfg migrate; 1 suppressed", or "✓ 5 files
// checked, no problems".
func summaryLine(c summaryCounts) string {
	var parts []string
	if c.findings == 0 {
		if c.files == 0 {
			return ""
		}
		parts = append(parts, "✓ "+plural(c.files, "file")+" checked, no problems")
	} else {
		s := summary(c.findings, c.bySeverity)
		if c.files > 1 {
			s += fmt.Sprintf(" in %d of %s", c.filesWithFindings, plural(c.files, "file"))
		}
		parts = append(parts, s)
		if c.fixable > 0 {
			parts = append(parts, fmt.Sprintf("%d fixable with iiscfg migrate", c.fixable))
		}
	}
	if n := c.suppressed; n > 0 {
		parts = append(parts, fmt.Sprintf("%d suppressed", n))
	}
	return strings.Join(parts, "; ")
}

// Verbatim is a Source whose lines Text quotes as they are, secrets
// included (--show-secrets). Other sources have their secret values shown
// as "***" (docs/secrets.md).
type Verbatim struct{ Source }

// quotedLine is the line a finding quotes, kept for the next finding:
// findings come sorted by line, and a long line with a finding on each of
// its attributes must be scanned for secrets and decoded once, not once
// per finding (which was quadratic in the line's length).
type quotedLine struct {
	line, shown string // as the source gives it; as quoted, secrets masked
	redact      bool
	runes       []rune    // shown, decoded
	cuts        []cutCols // the masked values, in order
}

// cutCols is a masked value in 1-based character columns of the line:
// [from, to), and how far the masks before it move later columns left.
type cutCols struct{ from, to, shiftBefore int }

func (q *quotedLine) load(line string, redact bool) {
	if q.runes != nil && line == q.line && redact == q.redact {
		return
	}
	q.line, q.shown, q.redact, q.cuts = line, line, redact, q.cuts[:0]
	if redact {
		if cuts := secret.LineCuts(line); len(cuts) > 0 {
			mask := utf8.RuneCountInString(secret.Mask)
			col, at, shift := 1, 0, 0
			for _, c := range cuts {
				from := col + utf8.RuneCountInString(line[at:c.Start])
				to := from + utf8.RuneCountInString(line[c.Start:c.End])
				q.cuts = append(q.cuts, cutCols{from, to, shift})
				shift += (to - from) - mask
				col, at = to, c.End
			}
			q.shown = secret.Masked(line, cuts)
		}
	}
	q.runes = []rune(q.shown)
}

// move shifts the finding's columns from the line to the quoted text: a
// column after a masked value moves left with the text, one inside it
// points at the mask.
func (q *quotedLine) move(f validate.Finding) validate.Finding {
	if len(q.cuts) == 0 {
		return f
	}
	mask := utf8.RuneCountInString(secret.Mask)
	at := func(col int, end bool) int {
		k := sort.Search(len(q.cuts), func(i int) bool { return q.cuts[i].to > col })
		if k == len(q.cuts) {
			last := q.cuts[k-1]
			return col - (last.shiftBefore + (last.to - last.from) - mask)
		}
		c := q.cuts[k]
		switch {
		case col > c.from && end:
			return c.from + mask - c.shiftBefore
		case col > c.from:
			return c.from - c.shiftBefore
		}
		return col - c.shiftBefore
	}
	if f.End.Line == f.Start.Line {
		f.End.Column = at(f.End.Column, true)
	}
	f.Start.Column = at(f.Start.Column, false)
	return f
}

// snippetWidth is how many characters of a long source line are quoted:
// a window around the finding's column, so that a minified file does not
// flood the terminal.
const snippetWidth = 120

// writeSnippet quotes the finding's line with a caret under its column and
// returns the gutter's padding, for the note lines below it.
func writeSnippet(w io.Writer, f validate.Finding, q *quotedLine, pal Palette) string {
	num := strconv.Itoa(f.Start.Line)
	pad := strings.Repeat(" ", len(num))
	line, f := windowRunes(q.shown, q.runes, f, snippetWidth)
	fmt.Fprintf(w, "%s\n", pal.Gutter.Sprintf("%s |", pad))
	fmt.Fprintf(w, "%s %s\n", pal.Gutter.Sprintf("%s |", num), line)
	fmt.Fprintf(w, "%s %s\n", pal.Gutter.Sprintf("%s |", pad), pal.severity(f.Severity).Sprint(underline(line, f)))
	return pad
}

// window cuts a line longer than width characters to width characters
// around the finding's start column, marking each cut with "…", and moves
// the finding's columns to match.
func window(line string, f validate.Finding, width int) (string, validate.Finding) {
	return windowRunes(line, []rune(line), f, width)
}

// windowRunes is window for a line already decoded into runes.
func windowRunes(line string, runes []rune, f validate.Finding, width int) (string, validate.Finding) {
	if len(runes) <= width {
		return line, f
	}
	col := f.Start.Column - 1 // 0-based
	if col > len(runes) {
		col = len(runes)
	}
	from := col - width/3
	if from < 0 {
		from = 0
	}
	to := from + width
	if to > len(runes) {
		to = len(runes)
		from = max(0, to-width)
	}
	out := string(runes[from:to])
	shift := from
	if from > 0 {
		out = "…" + out
		shift-- // the mark takes one column
	}
	if to < len(runes) {
		out += "…"
	}
	f.Start.Column -= shift
	if f.End.Line == f.Start.Line {
		last := utf8.RuneCountInString(out) + 1 // just after the quoted text
		if to < len(runes) {
			last-- // not under the "…"
		}
		f.End.Column = min(f.End.Column-shift, last)
	}
	return out, f
}

// underline builds "  ^~~~" under the finding's first line. Tabs before the
// column are kept so that the caret lines up however tabs are shown.
func underline(line string, f validate.Finding) string {
	var b strings.Builder
	col := 1
	i := 0
	for i < len(line) && col < f.Start.Column {
		r, size := utf8.DecodeRuneInString(line[i:])
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		i += size
		col++
	}
	width := 1
	if f.End.Line == f.Start.Line && f.End.Column > f.Start.Column {
		width = f.End.Column - f.Start.Column
	} else if rest := strings.TrimRight(line[i:], " \t"); rest != "" {
		width = utf8.RuneCountInString(rest)
	}
	b.WriteByte('^')
	b.WriteString(strings.Repeat("~", width-1))
	return b.String()
}

func summary(n int, counts [3]int) string {
	var parts []string
	for _, s := range []validate.Severity{validate.Error, validate.Warning, validate.Info} {
		if n := counts[s]; n > 0 {
			parts = append(parts, plural(n, s.String()))
		}
	}
	return fmt.Sprintf("%s (%s)", plural(n, "problem"), strings.Join(parts, ", "))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	if word == "info" {
		return fmt.Sprintf("%d infos", n)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Errors writes inputs that could not be read or parsed, one per line,
// "iiscfg: path:line:col: message", for the error stream.
func Errors(w io.Writer, errs []Error, pal Palette) error {
	bw := stickyerr.New(w)
	for _, e := range errs {
		loc := printable.Path(e.File)
		if e.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", loc, e.Line, e.Column)
		}
		fmt.Fprintf(bw, "iiscfg: %s %s\n", pal.Location.Sprintf("%s:", loc), printable.Text(e.Message))
	}
	return bw.Err
}

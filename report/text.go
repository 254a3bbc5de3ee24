package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/iiscfg/iiscfg/internal/stickyerr"

	"github.com/fatih/color"

	"github.com/iiscfg/iiscfg/validate"
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

// Text writes one finding per block: "path:line:col: severity: message
// [rule]", then the source line with a caret under the column, then a
// summary line.
func Text(w io.Writer, r *Result, src Source, pal Palette) error {
	bw := stickyerr.New(w)
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "%s %s %s %s\n",
			pal.Location.Sprintf("%s:%d:%d:", f.File, f.Start.Line, f.Start.Column),
			pal.severity(f.Severity).Sprintf("%s:", f.Severity),
			f.Message,
			pal.Rule.Sprintf("[%s]", f.Rule.Name))
		if src != nil {
			if line, ok := src.Line(f.File, f.Start.Line); ok {
				writeSnippet(bw, f, line, pal)
			}
		}
	}
	switch n, m := len(r.Findings), len(r.Suppressed); {
	case n > 0 && m > 0:
		fmt.Fprintf(bw, "%s; %d suppressed\n", summary(r.Findings), m)
	case n > 0:
		fmt.Fprintln(bw, summary(r.Findings))
	case m > 0:
		fmt.Fprintf(bw, "no problems; %d suppressed\n", m)
	}
	return bw.Err
}

func writeSnippet(w io.Writer, f validate.Finding, line string, pal Palette) {
	num := strconv.Itoa(f.Start.Line)
	pad := strings.Repeat(" ", len(num))
	fmt.Fprintf(w, "%s\n", pal.Gutter.Sprintf("%s |", pad))
	fmt.Fprintf(w, "%s %s\n", pal.Gutter.Sprintf("%s |", num), line)
	fmt.Fprintf(w, "%s %s\n", pal.Gutter.Sprintf("%s |", pad), pal.severity(f.Severity).Sprint(underline(line, f)))
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

func summary(fs []validate.Finding) string {
	var counts [3]int
	for _, f := range fs {
		counts[f.Severity]++
	}
	var parts []string
	for _, s := range []validate.Severity{validate.Error, validate.Warning, validate.Info} {
		if n := counts[s]; n > 0 {
			parts = append(parts, plural(n, s.String()))
		}
	}
	return fmt.Sprintf("%s (%s)", plural(len(fs), "problem"), strings.Join(parts, ", "))
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
		loc := e.File
		if e.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
		}
		fmt.Fprintf(bw, "iiscfg: %s %s\n", pal.Location.Sprintf("%s:", loc), e.Message)
	}
	return bw.Err
}

// Package diff compares configuration files: a unified text diff, and a
// semantic diff of the configuration they express.
package diff

import (
	"fmt"
	"strings"

	"github.com/iiscfg/iiscfg/internal/printable"
)

// LineOp is one line of a line diff.
type LineOp struct {
	Kind byte   // ' ' equal, '-' only in a, '+' only in b
	Text string // the line, with its line terminator if it has one
}

// Hunk is a run of changes with its context.
type Hunk struct {
	AStart, ALen, BStart, BLen int // 1-based starts, as in "@@ -a,n +b,m @@"
	Ops                        []LineOp
}

// Hunks groups line ops into hunks with up to context equal lines around
// each change; hunks whose context would overlap are merged.
func Hunks(ops []LineOp, context int) []Hunk {
	var hunks []Hunk
	aLine, bLine := make([]int, len(ops)), make([]int, len(ops))
	a, b := 1, 1
	for i, op := range ops {
		aLine[i], bLine[i] = a, b
		if op.Kind != '+' {
			a++
		}
		if op.Kind != '-' {
			b++
		}
	}
	i := 0
	for i < len(ops) {
		for i < len(ops) && ops[i].Kind == ' ' {
			i++
		}
		if i == len(ops) {
			break
		}
		start := max(0, i-context)
		end := i
		for {
			for end < len(ops) && ops[end].Kind != ' ' {
				end++
			}
			next := end
			for next < len(ops) && ops[next].Kind == ' ' {
				next++
			}
			if next < len(ops) && next-end <= 2*context {
				end = next
				continue
			}
			end = min(len(ops), end+context)
			break
		}
		h := Hunk{AStart: aLine[start], BStart: bLine[start], Ops: ops[start:end]}
		for _, op := range h.Ops {
			if op.Kind != '+' {
				h.ALen++
			}
			if op.Kind != '-' {
				h.BLen++
			}
		}
		hunks = append(hunks, h)
		i = end
	}
	return hunks
}

// Palette colours a diff; nil functions print plain.
type Palette struct {
	Header, HunkHeader, Delete, Insert func(string) string
}

func (p Palette) apply(f func(string) string, s string) string {
	if f == nil {
		return s
	}
	return f(s)
}

// headerName is a file name as git writes it in a patch header: with the
// a/ or b/ prefix and forward slashes, except /dev/null for a file that is
// created or deleted.
func headerName(prefix, name string) string {
	if name == DevNull {
		return name
	}
	// A name with a control character is quoted as git quotes it
	// ("a/x\n.config"), which git apply reads.
	return printable.Path(prefix + strings.TrimPrefix(strings.ReplaceAll(name, "\\", "/"), "./"))
}

// DevNull names the missing side of a created or deleted file.
const DevNull = "/dev/null"

// Unified renders a unified diff of a and b that git apply accepts:
// "--- a/NAME" and "+++ b/NAME" headers, "@@" hunks with context lines, and
// "\ No newline at end of file" where a text does not end in a newline.
// Line terminators (LF or CRLF) are kept as they are. Equal texts give "".
// A name of DevNull marks a created or deleted file.
func Unified(oldName, newName string, a, b []byte, context int, pal Palette) string {
	return unified(oldName, newName, a, b, context, pal, false)
}

func unified(oldName, newName string, a, b []byte, context int, pal Palette, redact bool) string {
	if string(a) == string(b) {
		return ""
	}
	hunks := Hunks(Lines(string(a), string(b)), context)
	if len(hunks) == 0 {
		return ""
	}
	masked := false
	if redact {
		hunks, masked = redactHunks(hunks, string(a), string(b))
	}
	var out strings.Builder
	if masked {
		out.WriteString(maskedPatchNote + "\n")
	}
	out.WriteString(pal.apply(pal.Header, "--- "+headerName("a/", oldName)) + "\n")
	out.WriteString(pal.apply(pal.Header, "+++ "+headerName("b/", newName)) + "\n")
	for _, h := range hunks {
		out.WriteString(pal.apply(pal.HunkHeader, fmt.Sprintf("@@ -%s +%s @@", hunkRange(h.AStart, h.ALen), hunkRange(h.BStart, h.BLen))) + "\n")
		for _, op := range h.Ops {
			text := op.Text
			newline := strings.HasSuffix(text, "\n")
			body := strings.TrimSuffix(text, "\n")
			line := string(op.Kind) + body
			switch op.Kind {
			case '-':
				line = pal.apply(pal.Delete, line)
			case '+':
				line = pal.apply(pal.Insert, line)
			}
			out.WriteString(line)
			out.WriteString("\n")
			if !newline {
				out.WriteString("\\ No newline at end of file\n")
			}
		}
	}
	return out.String()
}

// hunkRange is GNU diff's "start,count": a count of 1 is left out, and an
// empty range names the line before it.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start-1)
	case 1:
		return fmt.Sprintf("%d", start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// Package printable writes names and messages for line-oriented output
// (a terminal, a CI log) without the control characters that could start
// a line of their own or rewrite what a terminal shows.
package printable

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A file name may hold any character but "/" and NUL, and in a pull
// request it is chosen by its author. Printed raw into a CI log, a name
// such as "x\n::error title=...::..." starts a line that GitHub Actions
// reads as a workflow command (report/github.go), and an escape
// sequence can rewrite what a terminal shows. The line formats (lint's
// text and compact, the error stream, diff headers) print such a name
// Go-quoted instead; the other formats escape it their own way (JSON, XML,
// the github format's %0A).

// Path is path as the line formats print it: unchanged when it
// holds only printable characters (every ordinary path, byte for byte),
// else Go-quoted: "x\n::error title=INJECTED::pwned/web.config".
func Path(path string) string {
	if !hasControl(path) {
		return path
	}
	return strconv.Quote(path)
}

// Text is a message with its control characters written as Go
// escapes (\n, \x1b, \u2028), so that a path quoted in it cannot start
// a line of its own. Text without any is returned unchanged.
func Text(s string) string {
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case isControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isControl reports whether r must not reach a log raw: C0 and C1
// controls (tab included: it is no part of a file name anyone means),
// DEL, and the Unicode line and paragraph separators.
func isControl(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

func hasControl(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			i++ // the common case: printable ASCII
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || isControl(r) {
			return true
		}
		i += size
	}
	return false
}

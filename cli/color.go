package cli

import (
	"io"
	"os"

	"github.com/mattn/go-colorable"
	"github.com/mattn/go-isatty"
)

var osGetenv = os.Getenv

// colorFor decides whether to colour output written to w: "always",
// "never", or "auto" (a terminal, NO_COLOR unset, TERM not dumb). Each
// stream is decided on its own, so piping stdout keeps colour on stderr.
func colorFor(mode string, w io.Writer, getenv func(string) string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
			return false, nil
		}
		return isTerminal(w), nil
	}
	return false, usageError("--color must be auto, always or never, not %q", mode)
}

// isTerminal reports whether w is a terminal (or a Cygwin/MSYS pty).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// colorWriter lets ANSI colours through on old Windows consoles.
func colorWriter(w io.Writer, color bool) io.Writer {
	if f, ok := w.(*os.File); ok && color {
		return colorable.NewColorable(f)
	}
	return w
}

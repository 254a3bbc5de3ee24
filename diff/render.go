package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/ghactions"
	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/internal/stickyerr"
)

// File is the semantic comparison of one pair of files. Old or New is ""
// when the file exists on one side only.
type File struct {
	Old, New string
	// At is the configuration path of an effective diff ("Default Web
	// Site/app1"), "" for a diff of the files themselves.
	At      string
	Changes []Change
}

// Differences counts the changes of all files (a file present on one side
// only counts as one).
func Differences(files []File) int {
	n := 0
	for _, f := range files {
		if f.Old == "" || f.New == "" {
			n++
		}
		n += len(f.Changes)
	}
	return n
}

func (f File) header() string {
	if f.At != "" {
		return fmt.Sprintf("effective configuration at %s: %s → %s", printable.Text(f.At), printable.Path(f.Old), printable.Path(f.New))
	}
	switch {
	case f.Old == "":
		return "only in new: " + printable.Path(f.New)
	case f.New == "":
		return "only in old: " + printable.Path(f.Old)
	}
	return printable.Path(f.Old) + " → " + printable.Path(f.New)
}

// WriteText renders changes grouped by element, dyff style:
//
//	system.web/compilation
//	  ± @debug: "true" → "false"   (5:18 → 5:18)
func WriteText(w io.Writer, files []File, pal Palette) error {
	ew := stickyerr.New(w)
	for i, f := range files {
		if i > 0 {
			fmt.Fprintln(ew)
		}
		fmt.Fprintln(ew, pal.apply(pal.Header, f.header()))
		group := ""
		for _, c := range f.Changes {
			if g := join(c.Path, entryGroup(c)); g != group {
				group = g
				fmt.Fprintln(ew, pal.apply(pal.HunkHeader, g))
			}
			line := "  " + c.Kind.Symbol() + " " + describe(c)
			switch c.Kind {
			case Added:
				line = pal.apply(pal.Insert, line)
			case Removed:
				line = pal.apply(pal.Delete, line)
			}
			fmt.Fprintf(ew, "%s   %s\n", line, positions(c))
		}
	}
	if n := Differences(files); n > 0 {
		fmt.Fprintf(ew, "\n%d difference%s\n", n, plural(n))
	}
	return ew.Err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// entryGroup: attribute changes of an entry are grouped under the entry;
// whole entries under their collection.
func entryGroup(c Change) string {
	if c.Attr != "" {
		return c.Entry
	}
	return ""
}

// describe is a change without its group: the attribute or entry and the
// values.
func describe(c Change) string {
	subject := c.Entry
	if c.Attr == "#text" {
		subject = "text()"
	} else if c.Attr != "" {
		subject = "@" + c.Attr
	}
	switch c.Kind {
	case Changed:
		return fmt.Sprintf("%s: %q → %q", subject, c.Old, c.New)
	case Added:
		return withValue(subject, c.Attr != "", c.New)
	case Removed:
		return withValue(subject, c.Attr != "", c.Old)
	}
	return fmt.Sprintf("%s: moved from %s to %s", subject, c.Old, c.New)
}

// withValue writes "subject: value" (quoted for an attribute); an entry
// without attributes, such as <clear/>, is just its name.
func withValue(subject string, attr bool, v string) string {
	switch {
	case attr:
		return fmt.Sprintf("%s: %q", subject, v)
	case v == "":
		return subject
	}
	return subject + ": " + v
}

// positions locates a change: "line:col" in the compared file, or
// "file:line:col" (or "built-in") when another file set the value.
func positions(c Change) string {
	p := func(file string, x *config.Pos) string {
		switch {
		case x == nil:
			return file
		case file != "":
			return fmt.Sprintf("%s:%d:%d", file, x.Line, x.Column)
		}
		return fmt.Sprintf("%d:%d", x.Line, x.Column)
	}
	hasOld, hasNew := c.OldPos != nil || c.OldFile != "", c.NewPos != nil || c.NewFile != ""
	switch {
	case hasOld && hasNew:
		return "(" + p(c.OldFile, c.OldPos) + " → " + p(c.NewFile, c.NewPos) + ")"
	case hasNew:
		return "(new " + p(c.NewFile, c.NewPos) + ")"
	case hasOld:
		return "(old " + p(c.OldFile, c.OldPos) + ")"
	}
	return ""
}

type jsonChange struct {
	Kind      string `json:"kind"`
	Path      string `json:"path"`
	Entry     string `json:"entry,omitempty"`
	Attribute string `json:"attribute,omitempty"`
	Old       string `json:"old,omitempty"`
	New       string `json:"new,omitempty"`
	OldFile   string `json:"oldFile,omitempty"`
	OldLine   int    `json:"oldLine,omitempty"`
	OldColumn int    `json:"oldColumn,omitempty"`
	NewFile   string `json:"newFile,omitempty"`
	NewLine   int    `json:"newLine,omitempty"`
	NewColumn int    `json:"newColumn,omitempty"`
}

type jsonFile struct {
	Old     string       `json:"old"`
	New     string       `json:"new"`
	At      string       `json:"at,omitempty"`
	Changes []jsonChange `json:"changes"`
}

// WriteJSON writes {"differences": N, "files": [{"old", "new", "changes"}]}.
func WriteJSON(w io.Writer, files []File) error {
	out := struct {
		Differences int        `json:"differences"`
		Files       []jsonFile `json:"files"`
	}{Differences: Differences(files), Files: []jsonFile{}}
	for _, f := range files {
		jf := jsonFile{Old: f.Old, New: f.New, At: f.At, Changes: []jsonChange{}}
		for _, c := range f.Changes {
			jc := jsonChange{Kind: c.Kind.String(), Path: c.Path, Entry: c.Entry, Attribute: c.Attr, Old: c.Old, New: c.New,
				OldFile: c.OldFile, NewFile: c.NewFile}
			if c.OldPos != nil {
				jc.OldLine, jc.OldColumn = c.OldPos.Line, c.OldPos.Column
			}
			if c.NewPos != nil {
				jc.NewLine, jc.NewColumn = c.NewPos.Line, c.NewPos.Column
			}
			jf.Changes = append(jf.Changes, jc)
		}
		out.Files = append(out.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// WriteMarkdown writes a table per file, for a pull request comment.
func WriteMarkdown(w io.Writer, files []File) error {
	ew := stickyerr.New(w)
	for i, f := range files {
		if i > 0 {
			fmt.Fprintln(ew)
		}
		fmt.Fprintf(ew, "#### %s\n\n", mdCode(f.header()))
		if len(f.Changes) == 0 {
			fmt.Fprintln(ew, "No configuration differences.")
			continue
		}
		fmt.Fprintln(ew, "| | where | old | new |")
		fmt.Fprintln(ew, "|:-:|---|---|---|")
		for _, c := range f.Changes {
			fmt.Fprintf(ew, "| %s | %s | %s | %s |\n", c.Kind.Symbol(), mdCode(c.Where()), mdCode(c.Old), mdCode(c.New))
		}
	}
	n := Differences(files)
	fmt.Fprintf(ew, "\n%d difference%s\n", n, plural(n))
	return ew.Err
}

// mdCode puts a value in a code span safe inside a table cell.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\n", " ")
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// WriteGitHub writes one workflow notice per change, on the new file where
// the change is (or on its nearest element there).
func WriteGitHub(w io.Writer, files []File) error {
	for _, f := range files {
		file, changes := f.New, f.Changes
		if file == "" {
			if err := ghactions.Write(w, "notice", []ghactions.Property{{Name: "title", Value: "iiscfg diff"}}, "removed: "+f.Old); err != nil {
				return err
			}
			continue
		}
		if f.Old == "" {
			changes = nil
			if err := ghactions.Write(w, "notice", []ghactions.Property{{Name: "file", Value: file}, {Name: "title", Value: "iiscfg diff"}}, "new file"); err != nil {
				return err
			}
		}
		for _, c := range changes {
			file := file
			if c.NewFile != "" && c.NewFile != BuiltIn && c.NewFile != SchemaDefault {
				file = c.NewFile // an effective diff: the file that sets it
			}
			props := []ghactions.Property{{Name: "file", Value: file}}
			if c.NewPos != nil {
				props = append(props, ghactions.Property{Name: "line", Value: fmt.Sprint(c.NewPos.Line)}, ghactions.Property{Name: "col", Value: fmt.Sprint(c.NewPos.Column)})
			}
			props = append(props, ghactions.Property{Name: "title", Value: "configuration " + c.Kind.String()})
			if err := ghactions.Write(w, "notice", props, join(c.Path, entryGroup(c))+" "+c.Kind.Symbol()+" "+describe(c)); err != nil {
				return err
			}
		}
	}
	return nil
}

package cli

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/report"
)

// input is one file to process.
type input struct {
	path     string // as shown in reports
	stdin    bool
	walkRoot string // the directory argument it was found under, if any
}

// isConfigName reports whether a walk picks up a file of this name:
// web.config, Web.*.config, applicationHost.config, machine.config.
func isConfigName(name string) bool {
	n := strings.ToLower(name)
	switch {
	case n == "web.config", n == "applicationhost.config", n == "machine.config":
		return true
	case strings.HasPrefix(n, "web.") && strings.HasSuffix(n, ".config"):
		return true
	}
	return false
}

// skipDir reports whether a walk leaves a directory out: build output,
// package folders and dot-folders.
func skipDir(name string) bool {
	switch strings.ToLower(name) {
	case "bin", "obj", "node_modules":
		return true
	}
	return strings.HasPrefix(name, ".") && name != "." && name != ".."
}

// collectInputs expands the command's arguments: files as given, "-" for
// standard input, directories walked for configuration files.
func collectInputs(args []string, stdinName string) ([]input, []report.Error) {
	var inputs []input
	var errs []report.Error
	seen := map[string]bool{}
	add := func(in input) {
		key := filepath.Clean(in.path)
		if in.stdin {
			key = "\x00stdin"
		}
		if !seen[key] {
			seen[key] = true
			inputs = append(inputs, in)
		}
	}
	for _, arg := range args {
		if arg == "-" {
			add(input{path: stdinName, stdin: true})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, report.Error{File: arg, Message: describeIOError(err)})
			continue
		}
		if !st.IsDir() {
			add(input{path: arg})
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, report.Error{File: p, Message: describeIOError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != arg && skipDir(d.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && isConfigName(d.Name()) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, report.Error{File: arg, Message: describeIOError(err)})
		}
		sort.Strings(found)
		for _, p := range found {
			add(input{path: p, walkRoot: arg})
		}
	}
	return inputs, errs
}

// describeIOError drops the path from an *fs.PathError: reports print the
// path themselves.
func describeIOError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// loaded is an input after reading and parsing.
type loaded struct {
	input
	doc *config.Document
	err *report.Error
}

// loadAll reads and parses inputs in parallel (bounded), keeping order.
func loadAll(inputs []input, stdin io.Reader) []*loaded {
	out := make([]*loaded, len(inputs))
	var stdinData []byte
	var stdinErr error
	for _, in := range inputs {
		if in.stdin {
			stdinData, stdinErr = io.ReadAll(stdin)
		}
	}
	parallel(len(inputs), func(i int) {
		in := inputs[i]
		l := &loaded{input: in}
		out[i] = l
		data, err := stdinData, stdinErr
		if !in.stdin {
			data, err = os.ReadFile(in.path)
		}
		if err != nil {
			l.err = &report.Error{File: in.path, Message: describeIOError(err)}
			return
		}
		doc, err := config.Load(in.path, data)
		if err != nil {
			var se *config.SyntaxError
			if errors.As(err, &se) {
				l.err = &report.Error{File: in.path, Line: se.Line, Column: se.Column, Message: se.Msg}
			} else {
				l.err = &report.Error{File: in.path, Message: err.Error()}
			}
			return
		}
		l.doc = doc
	})
	return out
}

// parallel runs f(0..n-1) on at most GOMAXPROCS goroutines.
func parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// sources serves report snippets from the loaded documents.
type sources map[string]*config.Document

func (s sources) Line(file string, n int) (string, bool) {
	d, ok := s[file]
	if !ok || n < 1 || n > d.LineCount() {
		return "", false
	}
	return d.Line(n), true
}

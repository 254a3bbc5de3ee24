package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bmatcuk/doublestar/v4"
	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/dirlist"
	"github.com/iiscfg/iiscfg/internal/printable"
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

// walkOptions tune how directories are walked.
type walkOptions struct {
	// exclude are doublestar patterns matched against a walked file's or
	// folder's path relative to base (forward slashes).
	exclude []excludeSet
	// gitignore leaves out what git ignores, inside a git checkout.
	gitignore bool
	// notes receives what the user should know that is no error: a
	// symbolic link loop that was not followed.
	notes func(string)
	// folders, when set, receives what each walked folder holds that
	// matters for context (by absolute path), so that placing the files
	// found costs no second look at the folders.
	folders func(abs string, info dirInfo)
}

// excludeSet is a list of patterns and the folder they are relative to.
type excludeSet struct {
	base  string // absolute; "" for the working directory
	globs []string
}

// walkFlags are the flags that tune directory walks.
func walkFlags() []ucli.Flag {
	return []ucli.Flag{
		&ucli.StringSliceFlag{Name: "exclude", EnvVars: envVar("exclude"), Usage: "leave out walked files and folders matching this glob (doublestar: **/obj/**; repeatable)"},
		&ucli.BoolFlag{Name: "no-gitignore", EnvVars: envVar("no-gitignore"), Usage: "also take the files .gitignore ignores"},
		&ucli.BoolFlag{Name: "no-parents", EnvVars: envVar("no-parents"), Usage: "take each web.config alone, as an application root, without reading the web.config files in the folders above it"},
	}
}

// walkOptionsFrom reads the walk flags and the configuration file's
// exclude patterns; notes go to stderr.
func walkOptionsFrom(c *ucli.Context, cfg *fileConfig, e *env) (walkOptions, error) {
	opts := walkOptions{gitignore: !c.Bool("no-gitignore"), notes: func(n string) { fmt.Fprintf(e.stderr, "iiscfg: note: %s\n", printable.Text(n)) }}
	if globs := c.StringSlice("exclude"); len(globs) > 0 {
		for _, g := range globs {
			if !doublestar.ValidatePattern(g) {
				return opts, usageError("--exclude: bad glob %q", g)
			}
		}
		opts.exclude = append(opts.exclude, excludeSet{globs: globs})
	}
	if cfg != nil && len(cfg.exclude) > 0 {
		opts.exclude = append(opts.exclude, excludeSet{base: cfg.dir, globs: cfg.exclude})
	}
	return opts, nil
}

// collectInputs expands the command's arguments: files as given, "-" for
// standard input, directories walked for configuration files.
func collectInputs(args []string, stdinName string) ([]input, []report.Error, []emptyWalk) {
	return collectInputsWith(args, stdinName, walkOptions{})
}

// emptyWalk is a directory argument under which the walk kept no file.
type emptyWalk struct {
	dir                  string
	gitignored, excluded int // configuration files left out
}

func (w emptyWalk) String() string {
	return fmt.Sprintf("no configuration files found under %s (%d left out by .gitignore, %d by --exclude)", w.dir, w.gitignored, w.excluded)
}

// noInputs is the usage error of a run whose folders hold no
// configuration file and that names no file: zero inputs is not success.
// Some folders empty beside others that are not are only noted.
func noInputs(inputs []input, empties []emptyWalk, notes func(string)) error {
	if len(empties) == 0 {
		return nil
	}
	// A folder named twice (diff sub sub, lint sub ./sub/ $PWD/sub) is one
	// message.
	var msgs []string
	seen := map[string]bool{}
	for _, w := range empties {
		dir, err := filepath.Abs(w.dir)
		if err != nil {
			dir = filepath.Clean(w.dir)
		}
		if !seen[dir] {
			seen[dir] = true
			msgs = append(msgs, w.String())
		}
	}
	if len(inputs) == 0 {
		return usageError("%s", strings.Join(msgs, "\niiscfg: "))
	}
	if notes != nil {
		for _, m := range msgs {
			notes(m)
		}
	}
	return nil
}

// collectInputsWith is collectInputs with exclusions, .gitignore and notes.
// Files named on the command line are never excluded.
func collectInputsWith(args []string, stdinName string, opts walkOptions) ([]input, []report.Error, []emptyWalk) {
	var inputs []input
	var errs []report.Error
	var empties []emptyWalk
	seen := map[string]bool{}
	add := func(in input) {
		if len(args) == 1 { // one walk finds a file once
			inputs = append(inputs, in)
			return
		}
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
			errs = append(errs, report.Error{File: arg, Message: describeIOError(err) + windowsPathHint(arg, err)})
			continue
		}
		if !st.IsDir() {
			add(input{path: arg})
			continue
		}
		var checkout func() gitCheckout
		if opts.gitignore {
			checkout = askGit(arg) // while the folder is walked
		}
		w := newWalker(opts)
		w.walk(arg)
		errs = append(errs, w.errs...)
		found := w.found
		walked := len(found)
		if opts.gitignore {
			found = gitUnignored(arg, checkout(), found, opts.notes)
		}
		if len(found) == 0 && len(w.errs) == 0 {
			empty := emptyWalk{dir: arg, gitignored: walked - len(found)}
			if len(opts.exclude) > 0 {
				// Counted only now: excluded folders are not walked.
				all := newWalker(walkOptions{})
				all.walk(arg)
				empty.excluded = len(all.found) - walked
			}
			empties = append(empties, empty)
		}
		sort.Strings(found)
		inputs = slices.Grow(inputs, len(found))
		for _, p := range found {
			add(input{path: p, walkRoot: arg})
		}
	}
	return inputs, errs, empties
}

// walker walks one directory argument, following symbolic links that stay
// inside it (a pull request must not make a walk read files elsewhere on
// the machine) but not around a loop. Folders are read by up to GOMAXPROCS
// goroutines (reading folders is system calls, a tenth of a lint's time
// at 10,000 folders); what each finds is put back in walk order, so the
// files, errors and notes come out as a walk by one goroutine gives them.
type walker struct {
	opts   walkOptions
	abs    string      // the absolute path of the walked argument, when opts.folders is set
	root   string      // the real path of the walked argument
	linked atomic.Bool // a symbolic link was followed: two paths may be one file
	found  []string
	errs   []report.Error
	tokens chan struct{} // a token per goroutine reading folders beside the caller's
}

func newWalker(opts walkOptions) *walker {
	return &walker{opts: opts, tokens: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// walkEvent is one thing a walk meets, in walk order: a file, an error or
// a note. A file's real path is its folder's joined with its name, or,
// for a link, the link's target; it is made only when a link was
// followed (at 40,000 files the real paths were a third of the walk's
// memory).
type walkEvent struct {
	path    string
	realDir string // the real path of the file's folder
	target  string // for a file reached by its own link: the real path it leads to
	err     *report.Error
	note    string
}

// realPath is the real path of the file an event found.
func (ev walkEvent) realPath() string {
	if ev.target != "" {
		return ev.target
	}
	return filepath.Join(ev.realDir, filepath.Base(ev.path))
}

// ancestor is a folder being walked (its real path), above the folder at
// hand: a link back to one of them is a loop.
type ancestor struct {
	real string
	up   *ancestor
}

func (a *ancestor) has(real string) bool {
	for ; a != nil; a = a.up {
		if a.real == real {
			return true
		}
	}
	return false
}

// walk walks the argument dir.
func (w *walker) walk(dir string) {
	abs, err := filepath.Abs(dir)
	real := ""
	if err == nil {
		real, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		w.errs = append(w.errs, report.Error{File: dir, Message: describeIOError(err)})
		return
	}
	if w.opts.folders != nil {
		w.abs = abs
	}
	w.root = real
	events := w.walkTree(dir, real, w.abs, nil)
	var files map[string]bool // real paths of the files found, once a link was followed
	if w.linked.Load() {
		files = map[string]bool{}
	}
	for _, ev := range events {
		switch {
		case ev.err != nil:
			w.errs = append(w.errs, *ev.err)
		case ev.note != "":
			if w.opts.notes != nil {
				w.opts.notes(ev.note)
			}
		case files == nil:
			w.found = append(w.found, ev.path)
		case !files[ev.realPath()]: // a file reached by two links is linted once
			files[ev.realPath()] = true
			w.found = append(w.found, ev.path)
		}
	}
}

// walkTree walks dir, whose real path (no symbolic link in it) is real
// and absolute path abs, and returns what it meets in walk order. Only
// symbolic links cost a lookup of their target: below a real folder, an
// entry's real path is the folder's joined with its name.
func (w *walker) walkTree(dir, real, abs string, up *ancestor) []walkEvent {
	if up.has(real) {
		return []walkEvent{{note: fmt.Sprintf("%s: symbolic link loop (back to %s), not followed", dir, real)}}
	}
	here := &ancestor{real: real, up: up}
	entries, err := dirlist.Read(dir)
	if err != nil {
		return []walkEvent{{err: &report.Error{File: dir, Message: describeIOError(err)}}}
	}
	var info dirInfo // what fsContext.dir would find here
	// This folder's files and notes, each subfolder's after those met
	// before it, in order. Subfolders are walked as they are found.
	q := w.newFolderQueue(entries, here)
	var cur []walkEvent
	clean := filepath.Clean(dir)
	for _, d := range entries {
		name := d.Name
		if name == ".git" {
			info.repoRoot = true
		}
		p := joinName(clean, name)
		isDir := d.IsDir()
		isLink := d.Type&fs.ModeSymlink != 0
		if isLink {
			st, err := os.Stat(p)
			if err != nil {
				continue // a dangling link
			}
			isDir = st.IsDir()
			if !isDir && !st.Mode().IsRegular() {
				continue
			}
		} else if !isDir && !d.Type.IsRegular() {
			if isWebConfigName(name) && info.webConfig == "" {
				info.webConfig = name // for context: reading it is refused, with a note
			}
			continue
		}
		if !isDir && isWebConfigName(name) && (info.webConfig == "" || name == "web.config") {
			info.webConfig = name // the exact name first, else the first in name order
		}
		if isDir && skipDir(name) || !isDir && !isConfigName(name) {
			continue
		}
		if w.excluded(p, isDir) {
			continue
		}
		entryReal := ""
		if isLink || isDir {
			entryReal = joinName(real, name)
		}
		if isLink {
			// Resolved from the folder's real path, not from p: a relative
			// p gives a relative answer that matches no real path seen
			// before, and loops and files reached twice went unnoticed.
			if entryReal, err = filepath.EvalSymlinks(entryReal); err != nil {
				continue
			}
			if !within(w.root, entryReal) {
				cur = append(cur, walkEvent{note: fmt.Sprintf("%s: symbolic link to %s, outside %s, not followed (name it to check it)", p, entryReal, w.root)})
				continue
			}
			w.linked.Store(true)
		}
		if !isDir {
			ev := walkEvent{path: p, realDir: real}
			if isLink {
				ev.target = entryReal
			}
			cur = append(cur, ev)
			continue
		}
		childAbs := ""
		if w.opts.folders != nil {
			childAbs = joinName(abs, name)
		}
		q.add(folderJob{path: p, real: entryReal, abs: childAbs, before: cur})
		cur = nil
	}
	if w.opts.folders != nil {
		w.opts.folders(abs, info)
	}
	subfolders := q.wait()
	if len(subfolders) == 0 {
		return cur
	}
	n := len(cur)
	for _, j := range subfolders {
		n += len(j.before) + len(j.events)
	}
	out := make([]walkEvent, 0, n)
	for _, j := range subfolders {
		out = append(out, j.before...)
		out = append(out, j.events...)
	}
	return append(out, cur...)
}

// joinName is filepath.Join(dir, name) for a clean dir and an entry name
// read from it, without cleaning the result again (a tenth of the walk
// of a folder of 10,000 application folders).
func joinName(dir, name string) string {
	switch {
	case runtime.GOOS == "windows":
		return filepath.Join(dir, name) // "C:" + "x" is "C:x"
	case dir == ".":
		return name
	case strings.HasSuffix(dir, string(filepath.Separator)):
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// folderJob is a subfolder to walk: the events met in its folder before
// it, then its own.
type folderJob struct {
	path, real, abs string
	before, events  []walkEvent
}

// folderQueue walks a folder's subfolders as the folder's entries are
// gone through: on the caller's goroutine once they all are, and before
// that on as many more goroutines as free tokens allow, each taking the
// next subfolder in turn. Beside 10,000 application folders, a goroutine
// started for each mostly waited to be scheduled; and going through the
// 10,000 entries before walking any of them left a core idle.
type folderQueue struct {
	w     *walker
	up    *ancestor
	all   []folderJob // as many as there can be subfolders; only the caller adds
	added int         // jobs added (caller's goroutine only)
	next  chan int    // the index of each job added
	group sync.WaitGroup
}

// newFolderQueue makes the queue of the subfolders among entries, below
// up, or returns nil when there can be none (no entry is a folder or a
// link); it starts no goroutine until a subfolder is added.
func (w *walker) newFolderQueue(entries []dirlist.Entry, up *ancestor) *folderQueue {
	n := 0
	for _, e := range entries {
		if e.IsDir() || e.Type&fs.ModeSymlink != 0 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return &folderQueue{w: w, up: up, all: make([]folderJob, n), next: make(chan int, n)}
}

// add queues a subfolder, and on the first starts the helpers there are
// tokens for.
func (q *folderQueue) add(j folderJob) {
	q.all[q.added] = j // a job no goroutine has been handed yet
	q.next <- q.added
	q.added++
	if q.added > 1 {
		return
	}
	for h := 0; h < len(q.all)-1; h++ {
		select {
		case q.w.tokens <- struct{}{}:
			q.group.Add(1)
			go func() {
				defer q.group.Done()
				q.work()
				<-q.w.tokens
			}()
		default:
			return
		}
	}
}

// work walks the queued subfolders until the queue is closed and empty.
func (q *folderQueue) work() {
	for i := range q.next {
		j := &q.all[i]
		j.events = q.w.walkTree(j.path, j.real, j.abs, q.up)
	}
}

// wait walks what is left on the caller's goroutine, waits for the
// helpers and returns the jobs, each walked.
func (q *folderQueue) wait() []folderJob {
	if q == nil {
		return nil
	}
	close(q.next)
	q.work()
	q.group.Wait()
	return q.all[:q.added]
}

// excluded matches a walked path against the --exclude and configuration
// patterns; a folder also matches "folder/**".
func (w *walker) excluded(p string, isDir bool) bool {
	for _, set := range w.opts.exclude {
		rel := p
		if set.base != "" {
			abs, err := filepath.Abs(p)
			if err != nil {
				continue
			}
			r, err := filepath.Rel(set.base, abs)
			if err != nil || strings.HasPrefix(r, "..") {
				continue
			}
			rel = r
		}
		rel = strings.TrimPrefix(filepath.ToSlash(filepath.Clean(rel)), "./")
		for _, g := range set.globs {
			if ok, _ := doublestar.Match(g, rel); ok {
				return true
			}
			if isDir {
				if ok, _ := doublestar.Match(g, rel+"/x"); ok && strings.HasSuffix(g, "/**") {
					return true
				}
			}
		}
	}
	return false
}

// gitUnignored removes from files those git ignores, when dir is inside a
// git checkout; otherwise it returns files as they are. git knows every
// rule (nested .gitignore files, info/exclude, the global excludes file),
// which a re-implementation would get subtly wrong. When the folder is in
// a checkout but git is not installed or refuses it (a checkout owned by
// another user: "dubious ownership"), notes says that .gitignore was not
// applied.
func gitUnignored(dir string, co gitCheckout, files []string, notes func(string)) []string {
	if len(files) == 0 || !co.maybe {
		return files
	}
	note := func(why string) {
		if notes != nil && checkoutAbove(dir) != "" {
			notes(fmt.Sprintf("%s: %s; .gitignore was not applied (--no-gitignore says so on purpose)", dir, why))
		}
	}
	if co.refused != "" {
		note(co.refused)
		return files
	}
	abs := make([]string, len(files))
	for i, f := range files {
		abs[i], _ = filepath.Abs(f)
	}
	cmd := exec.Command(co.git, "-C", dir, "check-ignore", "--stdin", "-z")
	cmd.Stdin = strings.NewReader(strings.Join(abs, "\x00") + "\x00")
	out, err := cmd.Output()
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) { // 1: nothing is ignored
		note("git check-ignore failed")
		return files
	}
	ignored := map[string]bool{}
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" {
			ignored[filepath.Clean(p)] = true
		}
	}
	var kept []string
	for i, f := range files {
		if !ignored[filepath.Clean(abs[i])] {
			kept = append(kept, f)
		}
	}
	return kept
}

// gitCheckout is what git says of a folder: whether it is in a work tree
// git will read.
type gitCheckout struct {
	maybe   bool   // a checkout may hold the folder (mayBeInCheckout)
	git     string // git's path, when it takes the folder for part of a work tree
	refused string // why git cannot be asked, when a checkout may hold the folder
}

// askGit asks git about dir in the background and returns the function
// that waits for its answer. Outside a checkout git is not started: it
// would only say so, at a tenth of a 10,000-file lint's wall time.
func askGit(dir string) func() gitCheckout {
	if !mayBeInCheckout(dir) {
		return func() gitCheckout { return gitCheckout{} }
	}
	answer := make(chan gitCheckout, 1)
	go func() {
		co := gitCheckout{maybe: true}
		git, err := exec.LookPath("git")
		if err != nil {
			co.refused = "git is not installed"
			answer <- co
			return
		}
		var stderr strings.Builder
		cmd := exec.Command(git, "-C", dir, "rev-parse", "--is-inside-work-tree")
		cmd.Stderr = &stderr
		if out, err := cmd.Output(); err != nil || strings.TrimSpace(string(out)) != "true" {
			msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
			co.refused = "git refused the checkout (" + strings.TrimPrefix(msg, "fatal: ") + ")"
		} else {
			co.git = git
		}
		answer <- co
	}()
	return sync.OnceValue(func() gitCheckout { return <-answer })
}

// mayBeInCheckout reports whether git could take dir for part of a work
// tree: a .git at or above it, or git's variables naming one elsewhere.
func mayBeInCheckout(dir string) bool {
	return checkoutAbove(dir) != "" || os.Getenv("GIT_DIR") != "" || os.Getenv("GIT_WORK_TREE") != ""
}

// checkoutAbove is the folder holding .git at or above dir, or "".
func checkoutAbove(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return abs
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
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
			stdinData, stdinErr = readStdin(stdin)
		}
	}
	parallel(len(inputs), func(i int) {
		in := inputs[i]
		l := &loaded{input: in}
		out[i] = l
		data, err := stdinData, stdinErr
		if !in.stdin {
			data, err = readInput(in.path)
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

// windowsPathHint explains a Windows path ("C:\inetpub\...") that does not
// exist on a machine that is not Windows: the server's folders are not
// here, and --path-map says where their copies are.
func windowsPathHint(arg string, err error) string {
	if runtime.GOOS == "windows" || !errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	if len(arg) >= 3 && arg[1] == ':' && (arg[2] == '\\' || arg[2] == '/') || strings.HasPrefix(arg, `\\`) {
		return " (a Windows path: give the file's copy on this machine; with --apphost, --path-map 'C:\\inetpub\\wwwroot=./wwwroot' maps a server's folders)"
	}
	return ""
}

package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// A web.config is judged where it sits on disk, however it was named on
// the command line: the web.config files in the folders above it (up to
// the repository root, the file system root, or an application root the
// configuration file declares) are read for context, never reported on.
// The chain ends at the first file with a section ASP.NET allows only at
// an application root: that folder is the application's root.

// placed reports whether an input is judged in the chain of folders: a
// web.config, unless --no-parents; standard input when --stdin-filename
// names a web.config in a folder that exists (an editor's unsaved buffer
// gets the saved file's answer).
func (p *lintPipeline) placed(in input) bool {
	if p.noParents || !isWebConfigName(in.path) {
		return false
	}
	if in.stdin {
		st, err := os.Stat(filepath.Dir(in.path))
		return err == nil && st.IsDir()
	}
	return true
}

// fsContext finds and shares the web.config files above the judged ones.
// A parent is parsed once, when a file first needs it, and dropped when
// the last file below it has been judged.
type fsContext struct {
	appRoots map[string]bool // declared application roots: absolute, clean
	notes    func(string)

	mu      sync.Mutex
	dirs    map[string]dirInfo // absolute folder -> what it holds
	parents map[string]*parentDoc
	above   map[string]chainAbove // by folder: the chain from it up, while no parent was released
}

// dirInfo is what a folder holds that matters for context.
type dirInfo struct {
	webConfig string // the name of its web.config (any letter case), or ""
	repoRoot  bool   // it holds .git
}

// parentDoc is a web.config read for the files below it.
type parentDoc struct {
	abs, display string
	isInput      bool // also judged: its errors are reported as such
	refs         int  // files still to be judged that need it
	once         sync.Once
	doc          *config.Document // nil when it cannot be read or parsed
	err          *report.Error
}

func newFSContext(appRoots []string, notes func(string)) *fsContext {
	c := &fsContext{appRoots: map[string]bool{}, notes: notes, dirs: map[string]dirInfo{}, parents: map[string]*parentDoc{}}
	for _, r := range appRoots {
		c.appRoots[filepath.Clean(r)] = true
	}
	return c
}

// isWebConfigName reports whether a file takes part in the chain of
// folders: only web.config does (transforms and other files do not).
func isWebConfigName(path string) bool { return strings.EqualFold(filepath.Base(path), "web.config") }

// dir describes a folder, reading it once.
func (c *fsContext) dir(abs string) dirInfo {
	c.mu.Lock()
	info, ok := c.dirs[abs]
	c.mu.Unlock()
	if ok {
		return info
	}
	if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
		info.repoRoot = true
	}
	// A web.config that is not a regular file (a FIFO, a device) is
	// taken too: reading it fails, and load notes it, as a too-large one.
	if st, err := os.Stat(filepath.Join(abs, "web.config")); err == nil && !st.IsDir() {
		info.webConfig = "web.config"
	} else if entries, err := os.ReadDir(abs); err == nil {
		for _, e := range entries {
			if isWebConfigName(e.Name()) && e.Name() != "web.config" {
				if st, err := os.Stat(filepath.Join(abs, e.Name())); err == nil && !st.IsDir() {
					info.webConfig = e.Name()
					break
				}
			}
		}
	}
	c.mu.Lock()
	c.dirs[abs] = info
	c.mu.Unlock()
	return info
}

// remember records what a walk saw in a folder.
func (c *fsContext) remember(abs string, info dirInfo) {
	c.mu.Lock()
	c.dirs[abs] = info
	c.mu.Unlock()
}

// forgetFolders drops what is known of the folders and the chains found,
// once the chains of the files to judge are found.
func (c *fsContext) forgetFolders() {
	c.mu.Lock()
	c.dirs = map[string]dirInfo{}
	c.above = nil
	c.mu.Unlock()
}

// chainStops reports whether the chain of folders ends at folder abs: a
// repository root or the file system root. A declared application root
// does not end it: IIS merges a nested application's configuration with
// the site's web.config files above it.
func (c *fsContext) chainStops(abs string, info dirInfo) bool {
	return info.repoRoot || filepath.Dir(abs) == abs
}

// candidates lists the web.config files above a judged web.config, the
// nearest first, and takes a reference on each: release gives them back.
// abs is the file's absolute path, or "" to find it. A parent that is
// also an input keeps the name inputs gives it. appRoot is the nearest
// declared application root at or above the file's folder, if any.
func (c *fsContext) candidates(path, abs string, inputs *inputNames) (parents []*parentDoc, appRoot string, err error) {
	if abs == "" {
		if abs, err = filepath.Abs(path); err != nil {
			return nil, "", err
		}
	}
	dir := filepath.Dir(abs)
	if c.appRoots[dir] {
		appRoot = dir
	}
	if c.chainStops(dir, c.dir(dir)) {
		return nil, appRoot, nil
	}
	// The files of one folder, and of sibling folders, have the same
	// chain above their folder: it is found once (at 10,000 application
	// folders, finding it for each file was most of the time before the
	// first file was judged).
	above := filepath.Dir(dir)
	chain := c.takeChainAbove(above, filepath.Join(filepath.Dir(path), ".."), inputs)
	if appRoot == "" {
		appRoot = chain.appRoot
	}
	return slices.Clip(chain.parents), appRoot, nil
}

// takeChainAbove returns the chain from folder dir up (whose display
// path is up), found before or now, with a reference taken on each
// parent. The references are taken under the lock that checks every
// parent is still the one registered for its path: a parent released
// meanwhile (release forgets the chains found) is not handed out.
func (c *fsContext) takeChainAbove(dir, up string, inputs *inputNames) chainAbove {
	for {
		c.mu.Lock()
		chain, found := c.above[dir]
		c.mu.Unlock()
		if !found {
			chain = c.chainAbove(dir, up, inputs)
		}
		c.mu.Lock()
		live := true
		for _, pd := range chain.parents {
			live = live && c.parents[pd.abs] == pd
		}
		if live {
			if c.above == nil {
				c.above = map[string]chainAbove{}
			}
			c.above[dir] = chain
			for _, pd := range chain.parents {
				pd.refs++
			}
			c.mu.Unlock()
			return chain
		}
		delete(c.above, dir)
		c.mu.Unlock()
	}
}

// chainAbove is what is above a folder: the web.config files at and
// above it up to where the chain stops, the nearest first, and the
// nearest declared application root among those folders.
type chainAbove struct {
	parents []*parentDoc
	appRoot string
}

// chainAbove finds the chain from folder dir up, whose display path is
// up. It takes no reference.
func (c *fsContext) chainAbove(dir, up string, inputs *inputNames) chainAbove {
	var chain chainAbove
	for {
		info := c.dir(dir)
		if info.webConfig != "" {
			p := filepath.Join(dir, info.webConfig)
			display, ok := inputs.name(p)
			if !ok {
				display = filepath.Join(up, info.webConfig)
			}
			c.mu.Lock()
			pd := c.parents[p]
			if pd == nil {
				pd = &parentDoc{abs: p, display: display, isInput: ok}
				c.parents[p] = pd
			}
			c.mu.Unlock()
			chain.parents = append(chain.parents, pd)
		}
		if c.appRoots[dir] && chain.appRoot == "" {
			chain.appRoot = dir
		}
		if c.chainStops(dir, info) {
			return chain
		}
		dir = filepath.Dir(dir)
		up = filepath.Join(up, "..")
	}
}

// inputNames gives the name an input was given from its absolute path.
// Its map is made when a parent is first met: a tree of application
// folders with no web.config above them needs none. One goroutine uses it.
type inputNames struct {
	abs   []string // of each input that is a web.config, else ""
	given []string // each input's name
	byAbs map[string]string
}

func newInputNames(abs []string, inputs []input) *inputNames {
	n := &inputNames{abs: abs, given: make([]string, len(inputs))}
	for i, in := range inputs {
		n.given[i] = in.path
	}
	return n
}

// name returns the name of the input at abs; the last input wins.
func (n *inputNames) name(abs string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.byAbs == nil {
		n.byAbs = make(map[string]string, len(n.abs))
		for i, a := range n.abs {
			if a != "" {
				n.byAbs[a] = n.given[i]
			}
		}
	}
	name, ok := n.byAbs[abs]
	return name, ok
}

// release gives back the references candidates took.
func (c *fsContext) release(parents []*parentDoc) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, pd := range parents {
		if pd.refs--; pd.refs == 0 {
			delete(c.parents, pd.abs)
			pd.doc = nil
			c.above = nil // a chain found before may hold pd
		}
	}
}

// shared takes a reference on the parent at abs, when some file below
// it needs it, for the input at abs to share; nil otherwise.
func (c *fsContext) shared(abs string) *parentDoc {
	c.mu.Lock()
	defer c.mu.Unlock()
	pd := c.parents[abs]
	if pd != nil {
		pd.refs++
	}
	return pd
}

// load parses a parent with every token (what migrate reads its parents
// with); lint reads them lean (loadAs).
func (c *fsContext) load(pd *parentDoc) (*config.Document, *report.Error) {
	return c.loadAs(pd, false)
}

// loadAs parses a parent once. One that is read for context only and
// cannot be read is noted and left out of its children's chains. The
// first caller's lean or not is shared; a full document asked of a lean
// parent is parsed again for that caller alone (a transformed input that
// is the parent of others).
func (c *fsContext) loadAs(pd *parentDoc, lean bool) (*config.Document, *report.Error) {
	pd.once.Do(func() {
		pd.doc, pd.err = readDocumentAs(input{path: pd.display}, nil, nil, lean)
		if pd.err != nil && !pd.isInput && c.notes != nil {
			c.notes(pd.display + ": read for context but " + describeContextError(pd.err) + "; the files below it are judged without it")
		}
	})
	if pd.doc != nil && pd.doc.Lean() && !lean {
		return fullDocument(pd.doc)
	}
	return pd.doc, pd.err
}

func describeContextError(e *report.Error) string {
	if e.Line > 0 {
		return fmt.Sprintf("does not parse (%d:%d: %s)", e.Line, e.Column, e.Message)
	}
	return fmt.Sprintf("cannot be read (%s)", e.Message)
}

// placement is where a judged web.config sits in its application.
type placement struct {
	above   []config.Source // the chain above it, outermost first
	prefix  string          // its folder's path relative to the application root
	appRoot bool            // it is at the application's root
}

// place decides a web.config's application and position from the files
// above it (nearest first). The chain ends at the first with an
// application-only section; without one, at the outermost file. A declared
// application root (declaredRoot) is the application's root, and the files
// above it belong to the parent application (IIS merges them in, except
// what their <location inheritInChildApplications="false"> holds: see
// docs/iis-behaviour.md §8.1), up to
// and including the first with an application-only section.
func place(path string, doc *config.Document, parents []*config.Document, declaredRoot string) placement {
	if len(parents) == 0 && declaredRoot == "" {
		return placement{appRoot: true} // alone: nothing to place it under
	}
	abs, _ := filepath.Abs(path)
	own := filepath.Dir(abs)
	if isApplicationRoot(doc) && declaredRoot != own {
		return placement{appRoot: true}
	}
	type link struct {
		doc       *config.Document
		dir       string
		parentApp bool
	}
	var chain []link // nearest first
	appTop := ""     // the application root, once known
	if declaredRoot == own {
		appTop = own
	}
	for _, d := range parents {
		if d == nil || d.Kind() != config.KindWebConfig {
			continue
		}
		a, _ := filepath.Abs(d.Path)
		dir := filepath.Dir(a)
		parentApp := declaredRoot != "" && !within(declaredRoot, dir)
		if parentApp && appTop == "" {
			appTop = declaredRoot // no application-only section below it
		}
		chain = append(chain, link{d, dir, parentApp})
		if isApplicationRoot(d) {
			if appTop == "" {
				appTop = dir
			}
			break
		}
	}
	if appTop == "" {
		appTop = declaredRoot
	}
	if appTop == "" && len(chain) > 0 {
		appTop = chain[len(chain)-1].dir
	}
	if appTop == "" {
		return placement{appRoot: true}
	}
	// Paths are relative to the outermost folder of the chain, which is
	// the application root unless a parent application's files are in it.
	base := appTop
	if len(chain) > 0 && !within(base, chain[len(chain)-1].dir) {
		base = chain[len(chain)-1].dir
	}
	prefix := func(dir string) string {
		rel, _ := filepath.Rel(base, dir)
		return config.NormalizeLocationPath(filepath.ToSlash(rel))
	}
	var out placement
	for i := len(chain) - 1; i >= 0; i-- {
		out.above = append(out.above, config.Source{Doc: chain[i].doc, Prefix: prefix(chain[i].dir), ParentApp: chain[i].parentApp})
	}
	out.prefix = prefix(own)
	out.appRoot = own == appTop
	return out
}

// isApplicationRoot reports whether a web.config has a section that ASP.NET
// accepts only at an application's root.
func isApplicationRoot(d *config.Document) bool {
	for _, s := range schema.ApplicationOnlySections {
		if len(d.SectionLevels(s, "")) > 0 {
			return true
		}
	}
	return false
}

// applyPlacement sets the chain and position on a context.
func applyPlacement(ctx validate.Context, p placement) validate.Context {
	ctx.Above, ctx.Prefix, ctx.AppRoot = p.above, p.prefix, p.appRoot
	return ctx
}

// readDocument reads and parses one input; stdin is the data of standard
// input when in.stdin.
func readDocument(in input, stdinData []byte, stdinErr error) (*config.Document, *report.Error) {
	return readDocumentAs(in, stdinData, stdinErr, false)
}

// readDocumentAs is readDocument; lean loads a document that is only
// judged as it is, never transformed, edited or compared
// (config.LoadLean): its indentation gets no tokens.
func readDocumentAs(in input, stdinData []byte, stdinErr error, lean bool) (*config.Document, *report.Error) {
	data, err := stdinData, stdinErr
	if !in.stdin {
		data, err = readInput(in.path)
	}
	if err != nil {
		return nil, &report.Error{File: in.path, Message: describeIOError(err)}
	}
	load := config.Load
	if lean {
		load = config.LoadLean
	}
	doc, err := load(in.path, data)
	if err != nil {
		return nil, loadError(in.path, err)
	}
	return doc, nil
}

// fullDocument parses a lean document again with all its tokens.
func fullDocument(doc *config.Document) (*config.Document, *report.Error) {
	full, err := doc.Full()
	if err != nil {
		return nil, loadError(doc.Path, err)
	}
	return full, nil
}

func loadError(path string, err error) *report.Error {
	var se *config.SyntaxError
	if errors.As(err, &se) {
		return &report.Error{File: path, Line: se.Line, Column: se.Column, Message: se.Msg}
	}
	return &report.Error{File: path, Message: err.Error()}
}

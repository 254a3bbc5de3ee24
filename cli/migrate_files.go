package cli

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/printable"
)

// migrateInOrder migrates the inputs, a folder's web.config before the
// files below it, which inherit what it now says. Like lint, it streams:
// a file is read when its turn comes, and a document is kept only while
// files below it are still to be migrated (the inputs go folder by folder,
// depth first), so that memory is that of one branch of the tree, not of
// every file.
func (r *migrateRun) migrateInOrder(inputs []input, out *migrateOutput) error {
	var stdinData []byte
	var stdinErr error
	for _, in := range inputs {
		if in.stdin {
			stdinData, stdinErr = readStdin(out.e.stdin)
		}
	}
	abs := make([]string, len(inputs)) // of the web.config files that place others
	for i, in := range inputs {
		if !in.stdin && isWebConfigName(in.path) {
			if a, err := filepath.Abs(in.path); err == nil {
				abs[i] = a
			}
		}
	}
	names := newInputNames(abs, inputs)
	// References on every file's parents first, so that a parent read for
	// context is read once and dropped after the last file below it.
	fsc := newFSContext(r.appRoots, r.walk.notes)
	parents := make([][]*parentDoc, len(inputs))
	declared := make([]string, len(inputs))
	if !r.noParents {
		for i, in := range inputs {
			if abs[i] != "" || in.stdin && r.stdinPlaced {
				parents[i], declared[i], _ = fsc.candidates(in.path, abs[i], names)
			}
		}
	}

	var above branch
	var prog *progress
	if !r.quiet && !r.toStdout {
		prog = startProgress(out.e.stderr, len(inputs))
	}
	defer prog.finish()
	for _, i := range parentsFirst(inputs, abs) {
		in := inputs[i]
		prog.done()
		if abs[i] != "" {
			above = above.upTo(filepath.Dir(abs[i]))
		}
		doc, err := readDocument(in, stdinData, stdinErr)
		if err != nil {
			out.errs = append(out.errs, *err)
		}
		inherited := r.migrateOne(in, doc, parents[i], declared[i], fsc, above, out)
		fsc.release(parents[i])
		parents[i] = nil
		if abs[i] != "" {
			above = append(above, branchFile{dir: filepath.Dir(abs[i]), abs: abs[i], read: doc, inherited: inherited})
		}
	}
	return nil
}

// branch are the input web.config files in the folders above the one at
// hand, outermost first.
type branch []branchFile

type branchFile struct {
	dir, abs string
	read     *config.Document // as read: it places the files below it
	// inherited is what the files below it inherit: the migrated
	// document, or the one read when nothing was migrated.
	inherited *config.Document
}

// upTo drops the files that are not in dir or a folder above it.
func (b branch) upTo(dir string) branch {
	for len(b) > 0 && !within(b[len(b)-1].dir, dir) {
		b = b[:len(b)-1]
	}
	return b
}

func (b branch) find(abs string) (branchFile, bool) {
	for _, f := range b {
		if f.abs == abs {
			return f, true
		}
	}
	return branchFile{}, false
}

// migrateOne migrates one input, placed in its application as lint places
// it (parents that are inputs come from above, migrated), and returns what
// the files below it inherit.
func (r *migrateRun) migrateOne(in input, doc *config.Document, pds []*parentDoc, declared string, fsc *fsContext, above branch, out *migrateOutput) *config.Document {
	if doc == nil {
		return nil
	}
	if doc.Kind() != config.KindWebConfig {
		if in.walkRoot == "" {
			fmt.Fprintf(out.stderr, "iiscfg: %s: a %s, not an application's web.config; nothing to migrate\n", printable.Path(in.path), doc.Kind())
		}
		return doc
	}
	opts := r.opts
	opts.AppRoot = true
	if !r.noParents && (!in.stdin || r.stdinPlaced) && isWebConfigName(in.path) {
		read := make([]*config.Document, len(pds))
		inherited := map[*config.Document]*config.Document{}
		for j, pd := range pds {
			if f, ok := above.find(pd.abs); ok {
				read[j] = f.read
				if f.read != nil {
					inherited[f.read] = f.inherited
				}
			} else {
				read[j], _ = fsc.load(pd)
			}
		}
		pl := place(in.path, doc, read, declared)
		opts.AppRoot, opts.Prefix = pl.appRoot, pl.prefix
		for _, a := range pl.above {
			if m := inherited[a.Doc]; m != nil {
				a.Doc = m
			}
			opts.Above = append(opts.Above, a)
		}
	}
	out.walked = in.walkRoot != ""
	if res := out.migrate(in.path, doc, opts, false); res != nil {
		return res.Doc
	}
	return doc
}

// parentsFirst orders the inputs folder by folder, depth first: a folder's
// files before those of its subfolders, each subtree whole before the
// next, the order of the inputs kept otherwise. abs are the absolute
// paths of the web.config files ("" for others, which keep their place
// by their own path).
func parentsFirst(inputs []input, abs []string) []int {
	keys := make([][]string, len(inputs))
	for i, in := range inputs {
		p := abs[i]
		if p == "" && !in.stdin {
			p, _ = filepath.Abs(in.path)
		}
		if p != "" {
			keys[i] = strings.Split(filepath.ToSlash(filepath.Dir(p)), "/")
		}
	}
	order := make([]int, len(inputs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ka, kb := keys[order[a]], keys[order[b]]
		for n := 0; n < len(ka) && n < len(kb); n++ {
			if ka[n] != kb[n] {
				return ka[n] < kb[n]
			}
		}
		return len(ka) < len(kb)
	})
	return order
}

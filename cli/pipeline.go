package cli

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/report"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

// The lint pipeline: walk → read → parse → place in its application →
// check → keep the findings and the source lines they quote → drop the
// document. Files are judged in parallel and their results taken in
// input order; a parent web.config read for context lives only as long
// as a file below it is still to be judged.

// lintJob is one input and the parents it may need.
type lintJob struct {
	in      input
	parents []*parentDoc // web.config files above it, nearest first
	appRoot string       // the declared application root above it, if any
	own     *parentDoc   // set when the input is itself a parent of others
}

// fileResult is what judging one input leaves.
type fileResult struct {
	path       string
	err        *report.Error
	findings   []validate.Finding
	suppressed []validate.Finding
	lines      map[string]map[int]string // by file: the source lines the findings start on
}

// quote keeps line n of d for the report.
func (r *fileResult) quote(d *config.Document, n int) {
	if n < 1 || n > d.LineCount() {
		return
	}
	if r.lines == nil {
		r.lines = map[string]map[int]string{}
	}
	if r.lines[d.Path] == nil {
		r.lines[d.Path] = map[int]string{}
	}
	if _, ok := r.lines[d.Path][n]; !ok { // a line is copied once, not once per finding on it
		r.lines[d.Path][n] = d.Line(n)
	}
}

// lintPipeline holds what every file is judged with.
type lintPipeline struct {
	runtime   schema.Runtime
	pol       *policy
	rootLists func() (modules, handlers []config.Item) // nil: the stock lists
	noParents bool
	deploy    *deployPlan // nil: judge files as they are
	fs        *fsContext
	stdinData []byte
	stdinErr  error
}

// plan finds each web.config's parents and takes references on them.
func (p *lintPipeline) plan(inputs []input) []*lintJob {
	jobs := make([]*lintJob, len(inputs))
	abs := make([]string, len(inputs)) // of the web.config files
	for i, in := range inputs {
		if !in.stdin && isWebConfigName(in.path) {
			if a, err := filepath.Abs(in.path); err == nil {
				abs[i] = a
			}
		}
	}
	names := newInputNames(abs, inputs)
	for i, in := range inputs {
		j := &lintJob{in: in}
		jobs[i] = j
		if !p.placed(in) {
			continue
		}
		j.parents, j.appRoot, _ = p.fs.candidates(in.path, abs[i], names)
	}
	// Every chain is known: what the folders hold is not needed any more
	// (at 40,000 folders it is megabytes the collector would go on
	// marking for the whole run).
	p.fs.forgetFolders()
	if p.noParents {
		return jobs
	}
	for i, j := range jobs {
		if abs[i] != "" {
			j.own = p.fs.shared(abs[i])
		}
	}
	return jobs
}

// documentToJudge reads and parses the document an input stands for.
// A document no transform chain applies to (see judge) is only read:
// lean.
func (p *lintPipeline) documentToJudge(j *lintJob) (*config.Document, *report.Error) {
	lean := j.in.stdin || len(p.deploy.chainFor(j.in.path)) == 0
	if j.own != nil {
		return p.fs.loadAs(j.own, lean)
	}
	return readDocumentAs(j.in, p.stdinData, p.stdinErr, lean)
}

// contextFor places a document in its application and applies the
// policy and the server's lists.
func (p *lintPipeline) contextFor(j *lintJob, doc *config.Document) validate.Context {
	ctx := validate.DefaultContext(p.runtime)
	if p.placed(j.in) && doc.Kind() == config.KindWebConfig {
		var parents []*config.Document
		for _, pd := range j.parents {
			d, _ := p.fs.loadAs(pd, true) // only read: lean
			parents = append(parents, d)
		}
		ctx = applyPlacement(ctx, place(j.in.path, doc, parents, j.appRoot))
	}
	ctx = p.pol.context(ctx, j.in.path)
	if p.rootLists != nil {
		ctx.Server.RootHTTPModules, ctx.Server.RootHTTPHandlers = p.rootLists()
	}
	return ctx
}

// judge lints one input and lets go of its document and parents.
func (p *lintPipeline) judge(j *lintJob) fileResult {
	defer p.done(j)
	r := fileResult{path: j.in.path}
	doc, err := p.documentToJudge(j)
	if err != nil {
		r.err = err
		return r
	}
	ctx := p.contextFor(j, doc)
	if doc.Kind() == config.KindTransform && !j.in.stdin {
		ctx.TransformSource = transformSource(j.in.path)
	}
	if chain := p.deploy.chainFor(j.in.path); len(chain) > 0 && !j.in.stdin && doc.Kind() == config.KindWebConfig {
		dep, err := deployed(doc, chain)
		if err != nil {
			r.err = err
			return r
		}
		ctx.Deployed = true
		res := validate.Check(dep.Doc, ctx)
		r.findings = locate(dep, res.Findings, r.quote)
		r.suppressed = locate(dep, res.Suppressed, func(*config.Document, int) {})
		validate.SortFindings(r.findings)
		return r
	}
	res := validate.Check(doc, ctx)
	r.findings, r.suppressed = res.Findings, res.Suppressed
	for _, f := range r.findings {
		r.quote(doc, f.Start.Line)
	}
	return r
}

// done releases the references a job holds.
func (p *lintPipeline) done(j *lintJob) {
	if j.own != nil {
		p.fs.release([]*parentDoc{j.own})
	}
	p.fs.release(j.parents)
	j.own, j.parents = nil, nil
}

// run judges every job on GOMAXPROCS workers and hands the results to
// emit in input order, as soon as each is ready.
func (p *lintPipeline) run(jobs []*lintJob, emit func(fileResult)) {
	workers := runtime.GOMAXPROCS(0)
	inParallelInOrder(len(jobs), workers, 4*workers+16, func(i int) fileResult {
		j := jobs[i]
		jobs[i] = nil
		return p.judge(j)
	}, emit)
}

// inParallelInOrder runs job(0) ... job(n-1) on up to workers goroutines
// and hands the results to emit in order, at most window of them waiting
// for an earlier one. The worker that finishes the next result in order
// emits it, and those after it already done: no goroutine waits on
// another for each job (handing every result to one emitting goroutine
// cost a tenth of the CPU in wake-ups at 10,000 files).
func inParallelInOrder(n, workers, window int, job func(i int) fileResult, emit func(fileResult)) {
	workers = min(workers, n)
	o := newInOrder(window, emit)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				o.wait(i)
				o.put(i, job(i))
			}
		}()
	}
	wg.Wait()
}

// inOrder emits results in input order from the goroutines that produce
// them. A window bounds the results waiting for an earlier, slower one:
// result i goes to slot i modulo the window, free by then (a ring: its
// memory does not grow with the jobs).
type inOrder struct {
	mu      sync.Mutex
	moved   *sync.Cond // emitted advanced
	slots   []fileResult
	ready   []bool
	emitted int // results emitted so far
	emit    func(fileResult)
}

func newInOrder(window int, emit func(fileResult)) *inOrder {
	o := &inOrder{slots: make([]fileResult, window), ready: make([]bool, window), emit: emit}
	o.moved = sync.NewCond(&o.mu)
	return o
}

// wait blocks until result i has a free slot.
func (o *inOrder) wait(i int) {
	o.mu.Lock()
	for i >= o.emitted+len(o.slots) {
		o.moved.Wait()
	}
	o.mu.Unlock()
}

// put stores result i and, when it is the next in order, emits it and
// the ready ones after it. Emitting under the lock keeps the order: a
// worker finishing meanwhile only waits to store its result.
func (o *inOrder) put(i int, r fileResult) {
	o.mu.Lock()
	defer o.mu.Unlock()
	k := i % len(o.slots)
	o.slots[k], o.ready[k] = r, true
	if i != o.emitted {
		return
	}
	for {
		k := o.emitted % len(o.slots)
		if !o.ready[k] {
			break
		}
		r := o.slots[k]
		o.slots[k], o.ready[k] = fileResult{}, false
		o.emitted++
		o.emit(r)
	}
	o.moved.Broadcast()
}

// readStdin reads standard input once, when an input is "-".
func (p *lintPipeline) readStdin(inputs []input, stdin io.Reader) {
	for _, in := range inputs {
		if in.stdin {
			p.stdinData, p.stdinErr = readStdin(stdin)
			return
		}
	}
}

// snippets serves report snippets from the lines the findings quote.
type snippets map[string]map[int]string

func (s snippets) Line(file string, n int) (string, bool) {
	l, ok := s[file][n]
	return l, ok
}

// liveReport writes the report for standard output while the files are
// judged, a file's findings as soon as they and those of every file before
// it are ready, when the format streams (report.NewStream) and the files
// come in report order: then the findings are not all held at the end.
// Otherwise lint writes the report whole, after the run.
type liveReport struct {
	format string
	out    *bufio.Writer
	stream report.Stream
	// source wraps the lines a file's findings quote (masked, or as they
	// are with --show-secrets).
	source func(report.Source) report.Source
	// keep: another report (a file) needs every finding.
	keep bool

	active  bool // the files come in report order: the report is written live
	err     error
	any     bool
	highest validate.Severity
}

// newLiveReport prepares the live report of outs' standard-output report,
// or returns nil when its format is written whole or there is none.
func newLiveReport(outs []output, stdout io.Writer, meta report.Meta, color, terminal bool, source func(report.Source) report.Source) *liveReport {
	for _, o := range outs {
		if o.file != "" {
			continue
		}
		w := bufio.NewWriterSize(colorWriter(stdout, color && o.format == "text"), 64<<10)
		s := report.NewStream(o.format, w, meta, report.NewPalette(color && o.format == "text"), terminal)
		if s == nil {
			return nil
		}
		return &liveReport{format: o.format, out: w, stream: s, source: source, keep: len(outs) > 1}
	}
	return nil
}

// start makes the report live when the inputs are in report order (sorted
// by path, each once) and no transform moves findings to other files.
func (l *liveReport) start(inputs []input, deploy *deployPlan) {
	if l == nil || deploy != nil {
		return
	}
	for i := 1; i < len(inputs); i++ {
		if inputs[i-1].path >= inputs[i].path {
			return
		}
	}
	l.active = true
}

// file writes one file's findings, sorted.
func (l *liveReport) file(findings []validate.Finding, lines map[string]map[int]string) {
	validate.SortFindings(findings)
	for _, f := range findings {
		if !l.any || f.Severity > l.highest {
			l.any, l.highest = true, f.Severity
		}
	}
	if err := l.stream.Findings(findings, l.source(snippets(lines))); err != nil && l.err == nil {
		l.err = err
	}
}

// atOrAbove reports whether a finding written live is at or above s.
func (l *liveReport) atOrAbove(s validate.Severity) bool {
	return l != nil && l.active && l.any && l.highest >= s
}

// end writes the rest of the report and flushes it.
func (l *liveReport) end(res *report.Result) error {
	err := l.err
	if err == nil {
		err = l.stream.End(res)
	}
	if err == nil {
		err = l.out.Flush()
	}
	if err != nil {
		return &exitError{code: ExitInput, msg: fmt.Sprintf("writing the %s report to standard output: %s", l.format, describeIOError(err))}
	}
	return nil
}

package cli

import (
	"io"
	"path/filepath"
	"runtime"
	"sync"

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
	lines      map[int]string // the source lines the findings start on
}

// lintPipeline holds what every file is judged with.
type lintPipeline struct {
	runtime   schema.Runtime
	pol       *policy
	rootLists func() (modules, handlers []config.Item) // nil: the stock lists
	noParents bool
	fs        *fsContext
	stdinData []byte
	stdinErr  error
}

// plan finds each web.config's parents and takes references on them.
func (p *lintPipeline) plan(inputs []input) []*lintJob {
	jobs := make([]*lintJob, len(inputs))
	displays := map[string]string{}
	for _, in := range inputs {
		if !in.stdin && isWebConfigName(in.path) {
			if abs, err := filepath.Abs(in.path); err == nil {
				displays[abs] = in.path
			}
		}
	}
	for i, in := range inputs {
		j := &lintJob{in: in}
		jobs[i] = j
		if p.noParents || in.stdin || !isWebConfigName(in.path) {
			continue
		}
		j.parents, j.appRoot, _ = p.fs.candidates(in.path, displays)
	}
	if p.noParents {
		return jobs
	}
	for _, j := range jobs {
		if !j.in.stdin && isWebConfigName(j.in.path) {
			if abs, err := filepath.Abs(j.in.path); err == nil {
				j.own = p.fs.shared(abs)
			}
		}
	}
	return jobs
}

// documentToJudge reads and parses the document an input stands for.
func (p *lintPipeline) documentToJudge(j *lintJob) (*config.Document, *report.Error) {
	if j.own != nil {
		return p.fs.load(j.own)
	}
	return readDocument(j.in, p.stdinData, p.stdinErr)
}

// contextFor places a document in its application and applies the
// policy and the server's lists.
func (p *lintPipeline) contextFor(j *lintJob, doc *config.Document) validate.Context {
	ctx := validate.DefaultContext(p.runtime)
	if !p.noParents && !j.in.stdin && isWebConfigName(j.in.path) && doc.Kind() == config.KindWebConfig {
		var parents []*config.Document
		for _, pd := range j.parents {
			d, _ := p.fs.load(pd)
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
	res := validate.Check(doc, p.contextFor(j, doc))
	r.findings, r.suppressed = res.Findings, res.Suppressed
	for _, f := range r.findings {
		if n := f.Start.Line; n >= 1 && n <= doc.LineCount() {
			if r.lines == nil {
				r.lines = map[int]string{}
			}
			r.lines[n] = doc.Line(n)
		}
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
	if workers > len(jobs) {
		workers = len(jobs)
	}
	// A window bounds the results waiting for an earlier, slower file.
	window := make(chan struct{}, 4*workers+16)
	results := make([]chan fileResult, len(jobs))
	for i := range results {
		results[i] = make(chan fileResult, 1)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] <- p.judge(jobs[i])
			}
		}()
	}
	go func() {
		for i := range jobs {
			window <- struct{}{}
			next <- i
		}
		close(next)
	}()
	for i := range jobs {
		r := <-results[i]
		results[i], jobs[i] = nil, nil
		<-window
		emit(r)
	}
	wg.Wait()
}

// readStdin reads standard input once, when an input is "-".
func (p *lintPipeline) readStdin(inputs []input, stdin io.Reader) {
	for _, in := range inputs {
		if in.stdin {
			p.stdinData, p.stdinErr = io.ReadAll(stdin)
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

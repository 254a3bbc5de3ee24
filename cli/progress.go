package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-isatty"
)

// progress shows "iiscfg: 120/480 files" on stderr while a long run
// works, when stderr is a terminal: rewritten in place every tick, and
// erased when the run ends, so that it never mixes with the report.
type progress struct {
	w     io.Writer
	total int
	n     atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
}

// progressDelay is how long a run goes before the count appears.
const progressDelay = time.Second

// startProgress starts showing the count of files done out of total on
// w, if w is a terminal; a nil progress shows nothing.
func startProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	if !ok || !isatty.IsTerminal(f.Fd()) {
		return nil
	}
	return runProgress(w, total, progressDelay, 100*time.Millisecond)
}

func runProgress(w io.Writer, total int, delay, tick time.Duration) *progress {
	p := &progress{w: w, total: total, stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		shown := false
		timer := time.NewTimer(delay)
		defer timer.Stop()
		select {
		case <-p.stop:
			return
		case <-timer.C:
		}
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			fmt.Fprintf(p.w, "\riiscfg: %d/%d files", p.n.Load(), p.total)
			shown = true
			select {
			case <-p.stop:
				if shown {
					fmt.Fprint(p.w, "\r\x1b[K")
				}
				return
			case <-t.C:
			}
		}
	}()
	return p
}

// done counts one file.
func (p *progress) done() {
	if p != nil {
		p.n.Add(1)
	}
}

// finish erases the line and waits for the printer to stop.
func (p *progress) finish() {
	if p != nil {
		close(p.stop)
		p.wg.Wait()
	}
}

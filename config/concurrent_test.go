package config_test

import (
	"sync"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

// TestLookupsAreSafeForConcurrentUse: the indexes Pos, Line and AttrInfo
// build on first use are built once, whichever goroutine asks first (lint
// judges files in parallel, and a parent document serves several).
func TestLookupsAreSafeForConcurrentUse(t *testing.T) {
	doc, err := config.Load("web.config", testutil.LongLine(5000))
	if err != nil {
		t.Fatal(err)
	}
	comp := doc.Root().FindElement("system.web/compilation")
	want := doc.Pos(len(doc.Text()) - 1)
	fork := doc.Fork()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := doc
			if g%2 == 1 {
				d = fork
			}
			if got := d.Pos(len(d.Text()) - 1); got != want {
				t.Errorf("Pos: got %+v, want %+v", got, want)
			}
			if _, ok := d.AttrInfo(comp, "é499"); !ok {
				t.Error("AttrInfo: é499 not found")
			}
			if d.LineCount() != 2 || d.Line(1) == "" {
				t.Errorf("lines: %d", d.LineCount())
			}
		}()
	}
	wg.Wait()
}

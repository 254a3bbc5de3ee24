package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
)

// A parent read for context is loaded lean and shared; the same file judged
// after its transforms needs every token (xdt refuses a lean document), in
// whichever order the two ask.
func TestParentLoadedLeanAndFull(t *testing.T) {
	dir := writeTree(t, map[string]string{"web.config": "<configuration>\n  <appSettings/>\n</configuration>\n"})
	for _, order := range [][]bool{{true, false}, {false, true}} {
		c := newFSContext(nil, nil)
		pd := &parentDoc{abs: filepath.Join(dir, "web.config"), display: filepath.Join(dir, "web.config"), isInput: true}
		first, err := c.loadAs(pd, order[0])
		if err != nil {
			t.Fatal(err)
		}
		second, err := c.loadAs(pd, order[1])
		if err != nil {
			t.Fatal(err)
		}
		// A full document is full; a lean one is the shared one, lean or not.
		if full, _ := c.load(pd); full.Lean() {
			t.Errorf("order %v: load (migrate's parents) gave a lean document", order)
		}
		for i, doc := range []*config.Document{first, second} {
			if lean := order[i]; (!lean && doc.Lean()) || (lean && doc != pd.doc) {
				t.Errorf("order %v: call %d (lean %v) gave lean %v", order, i, lean, doc.Lean())
			}
		}
	}
}

// The same, through lint: a web.config judged after its Release transform
// that is also the parent of another web.config.
func TestLintTransformedParent(t *testing.T) {
	release, err := os.ReadFile(filepath.Join("..", "testdata", "deployed", "app", "Web.Release.config"))
	if err != nil {
		t.Fatal(err)
	}
	app, err := os.ReadFile(filepath.Join("..", "testdata", "deployed", "app", "web.config"))
	if err != nil {
		t.Fatal(err)
	}
	dir := writeTree(t, map[string]string{
		"web.config":         string(app),
		"Web.Release.config": string(release),
		"sub/web.config":     "<configuration>\n  <system.web>\n    <httpModules>\n      <add name=\"N\" type=\"T\"/>\n    </httpModules>\n  </system.web>\n</configuration>\n",
	})
	var first string
	for i := range 5 { // the parent is loaded first by either file
		r := runCLI(t, "lint", "--no-config", "--color", "never", "--configuration", "Release", dir)
		if r.code != 1 || !strings.Contains(r.stdout, "xdt-duplicate-insert") || !strings.Contains(r.stdout, "in 2 of 3 files") {
			t.Fatalf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
		}
		if i == 0 {
			first = r.stdout
		} else if r.stdout != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, r.stdout, first)
		}
	}
}

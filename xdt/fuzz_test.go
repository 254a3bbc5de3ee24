package xdt

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/iiscfg/iiscfg/config"
)

// FuzzApply: transforming never panics, a result always parses, and
// batching gives what one parse per transform gives. Seeds
// are the golden cases (testdata/transform) and testdata/fuzz.
func FuzzApply(f *testing.F) {
	dirs, _ := filepath.Glob("../testdata/transform/*")
	for _, dir := range dirs {
		src, err1 := os.ReadFile(filepath.Join(dir, "web.config"))
		tr, err2 := os.ReadFile(filepath.Join(dir, "transform1.config"))
		if err1 == nil && err2 == nil {
			f.Add(src, tr)
		}
	}
	f.Fuzz(func(t *testing.T, srcText, trText []byte) {
		src, err := config.Load("web.config", srcText)
		if err != nil {
			return
		}
		tr, err := config.Load("Web.Release.config", trText)
		if err != nil {
			return
		}
		res, err := Apply(src, tr)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if _, err := config.Load("result", res.Doc.Bytes()); err != nil {
			t.Fatalf("result does not parse: %v\n%s", err, res.Doc.Bytes())
		}
		applyBoth(t, src, tr)
	})
}

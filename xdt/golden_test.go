package xdt

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
)

var update = flag.Bool("update", false, "rewrite golden files (read their diffs before committing)")

// Each folder of testdata/transform holds web.config, transform1.config
// (and transform2.config for a chain), want.config (the result, or absent
// when the transform fails) and want.log (warnings or the error).
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/transform/*")
	if len(dirs) == 0 {
		t.Fatal("no cases in testdata/transform")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got, log := runCase(t, dir)
			compareGolden(t, filepath.Join(dir, "want.log"), []byte(log))
			wantPath := filepath.Join(dir, "want.config")
			if got == nil {
				if _, err := os.Stat(wantPath); err == nil && !*update {
					t.Errorf("transform failed but %s exists", wantPath)
				}
				if *update {
					os.Remove(wantPath)
				}
				return
			}
			compareGolden(t, wantPath, got)
		})
	}
}

func runCase(t *testing.T, dir string) ([]byte, string) {
	t.Helper()
	src := load(t, filepath.Join(dir, "web.config"))
	paths, _ := filepath.Glob(filepath.Join(dir, "transform*.config"))
	sort.Strings(paths)
	var trs []*config.Document
	for _, p := range paths {
		trs = append(trs, load(t, p))
	}
	res, err := Apply(src, trs...)
	if err != nil {
		var xe *Error
		if !errors.As(err, &xe) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		return nil, "error: " + err.Error() + "\n"
	}
	var log strings.Builder
	for _, w := range res.Warnings {
		fmt.Fprintln(&log, w.String())
	}
	assertParses(t, res.Doc.Bytes())
	return res.Doc.Bytes(), log.String()
}

func load(t *testing.T, path string) *config.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := config.Load(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func assertParses(t *testing.T, data []byte) {
	t.Helper()
	if _, err := config.Load("result", data); err != nil {
		t.Fatalf("the result does not parse: %v", err)
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if len(got) == 0 && strings.HasSuffix(path, ".log") {
			os.Remove(path)
			return
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil && !(os.IsNotExist(err) && len(got) == 0) {
		t.Fatalf("%v (run go test ./xdt -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

package xdt

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
)

// applyBoth applies with batching and with a parse after every transform
// element, and fails when results, warnings or errors differ.
func applyBoth(t *testing.T, src *config.Document, trs ...*config.Document) {
	t.Helper()
	batched, errB := Apply(src, trs...)
	flushEachTransform = true
	single, errS := Apply(src, trs...)
	flushEachTransform = false
	if (errB == nil) != (errS == nil) || (errB != nil && errB.Error() != errS.Error()) {
		t.Fatalf("%s: batched error %v, one by one %v", src.Path, errB, errS)
	}
	if errB != nil {
		return
	}
	if !bytes.Equal(batched.Doc.Bytes(), single.Doc.Bytes()) {
		t.Fatalf("%s + %s: batched result differs from one parse per transform:\n%s\n---\n%s", src.Path, trs[0].Path, batched.Doc.Bytes(), single.Doc.Bytes())
	}
	if len(batched.Warnings) != len(single.Warnings) {
		t.Fatalf("%s: %d warnings batched, %d one by one", src.Path, len(batched.Warnings), len(single.Warnings))
	}
	for i := range batched.Warnings {
		if batched.Warnings[i].String() != single.Warnings[i].String() {
			t.Fatalf("%s: warning %q batched, %q one by one", src.Path, batched.Warnings[i], single.Warnings[i])
		}
	}
}

// TestBatchingChangesNothing: the golden cases, every corpus and golden
// transform on every corpus web.config, and generated transform files that
// hit the same elements repeatedly give the same result batched as with a
// parse after every transform element.
func TestBatchingChangesNothing(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/transform/*")
	var transforms []*config.Document
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "transform*.config"))
		var trs []*config.Document
		for _, p := range paths {
			trs = append(trs, load(t, p))
		}
		transforms = append(transforms, trs...)
		applyBoth(t, load(t, filepath.Join(dir, "web.config")), trs...)
	}
	dir, files := testutil.CorpusFiles(t)
	for _, f := range files {
		data, _ := os.ReadFile(filepath.Join(dir, f))
		d, err := config.Load(f, data)
		if err != nil || d.Kind() != config.KindWebConfig {
			continue
		}
		for _, tr := range transforms {
			applyBoth(t, d, tr)
		}
	}
}

// TestBatchingRepeatedTargets: 200 generated transforms over a file that
// holds the largest corpus web.config four times, so that transforms meet
// the same elements again (the regression of two SetAttributes adding one
// attribute twice in one batch).
func TestBatchingRepeatedTargets(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testutil.CorpusDir(t), benchSource))
	if err != nil {
		t.Fatal(err)
	}
	src := config.MustLoad("web.config", scaledBytes(t, data, 4))
	applyBoth(t, src, generatedTransform(t, src, 200))
}

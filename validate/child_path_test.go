package validate

import (
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/schema"
)

// The paths of unknown sections are remembered for the run only when
// short: a file of many long unknown names must not pin its names.
func TestChildPathCacheKeepsNoLongNames(t *testing.T) {
	w := &schemaWalk{set: schema.Builtin()}
	before := otherChildPaths.tried.Load()
	long := "x" + strings.Repeat("a", maxOtherChildPathLen)
	cp := w.child("", long)
	if cp.path != long {
		t.Errorf("path %q", cp.path)
	}
	if _, ok := otherChildPaths.load(childKey{"", long}); ok || otherChildPaths.tried.Load() != before {
		t.Errorf("a %d-byte name was remembered", len(long))
	}
	short := "unknownSectionForTheCacheTest"
	if cp := w.child("", short); cp.path != short {
		t.Errorf("path %q", cp.path)
	}
	if _, ok := otherChildPaths.load(childKey{"", short}); !ok {
		t.Errorf("a short unknown name was not remembered")
	}
}

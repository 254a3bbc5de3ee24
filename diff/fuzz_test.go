package diff

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/iiscfg/iiscfg/config"
)

// FuzzSemantic compares two documents both ways. A file compared with
// itself has no difference; compared the other way round, additions
// become removals, and as many attributes change and entries move.
func FuzzSemantic(f *testing.F) {
	olds, _ := filepath.Glob(filepath.Join("..", "testdata", "diff", "*", "old.config"))
	for _, old := range olds {
		a, errA := os.ReadFile(old)
		b, errB := os.ReadFile(filepath.Join(filepath.Dir(old), "new.config"))
		if errA == nil && errB == nil {
			f.Add(a, b)
		}
	}
	f.Add([]byte(`<configuration><x><a/><b k="1"/></x><location path="p"><x/></location></configuration>`),
		[]byte(`<configuration><x><c/></x><location path="."><x k="2"/></location></configuration>`))
	f.Add([]byte(`<configuration><appSettings><add key="a"/><add key="b"/><clear/><add key="c"/><remove key="a"/></appSettings></configuration>`),
		[]byte(`<configuration><appSettings><add key="c"/><clear/><add key="b"/><add key="a" value="v"/><clear/></appSettings></configuration>`))
	f.Fuzz(func(t *testing.T, oldText, newText []byte) {
		a, err := config.Load("old", oldText)
		if err != nil {
			return
		}
		b, err := config.Load("new", newText)
		if err != nil {
			return
		}
		if self := Semantic(a, a, Options{}); len(self) != 0 {
			t.Fatalf("a file differs from itself: %v", self[0].Where())
		}
		count := func(changes []Change) (n [4]int) {
			for _, c := range changes {
				n[c.Kind]++
			}
			return n
		}
		there, back := count(Semantic(a, b, Options{})), count(Semantic(b, a, Options{}))
		if there[Added] != back[Removed] || there[Removed] != back[Added] || there[Changed] != back[Changed] || there[Moved] != back[Moved] {
			t.Fatalf("old → new gives %v (added, removed, changed, moved), new → old %v", there, back)
		}
		if unordered := count(Semantic(a, b, Options{IgnoreOrder: true})); unordered[Moved] != 0 || unordered[Added] != there[Added] {
			t.Fatalf("with IgnoreOrder: %v, without %v", unordered, there)
		}
	})
}

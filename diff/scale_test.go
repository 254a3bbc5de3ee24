package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
)

// Shapes that made the semantic diff blow up (issue 11 item 12). Before
// the fix nestedFile(4000) took 100 s, the cost growing with the cube of
// the depth, and a 32,000-entry collection took 8 GB for the LCS table;
// the sizes here would take hours or hundreds of gigabytes that way. They
// now take a fraction of a second; the tests check the answers, not the
// time (the benchmarks below measure that).

// nestedFile is depth <a> elements around <leaf v="value"/>.
func nestedFile(depth int, value string) string {
	return "<configuration>" + strings.Repeat("<a>", depth) + `<leaf v="` + value + `"/>` +
		strings.Repeat("</a>", depth) + "</configuration>"
}

// nestedCollectionFile nests depth add entries, each the only entry of
// the collection its parent holds.
func nestedCollectionFile(depth int, value string) string {
	var b strings.Builder
	b.WriteString("<configuration><x>")
	for i := range depth {
		fmt.Fprintf(&b, `<add name="n%d">`, i)
	}
	b.WriteString(`<leaf v="` + value + `"/>`)
	b.WriteString(strings.Repeat("</add>", depth))
	b.WriteString("</x></configuration>")
	return b.String()
}

// settingsFile is an appSettings collection of the keys in order, each
// with the value values gives it.
func settingsFile(keys []int, values func(key int) string) string {
	var b strings.Builder
	b.WriteString("<configuration>\n<appSettings>\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "<add key=\"k%d\" value=\"%s\"/>\n", k, values(k))
	}
	b.WriteString("</appSettings>\n</configuration>\n")
	return b.String()
}

func keysUpTo(n int) []int {
	keys := make([]int, n)
	for i := range keys {
		keys[i] = i
	}
	return keys
}

func semanticWheres(a, b string, opts Options) []string {
	var out []string
	for _, c := range Semantic(config.MustLoad("old", []byte(a)), config.MustLoad("new", []byte(b)), opts) {
		out = append(out, c.Kind.Symbol()+" "+c.Where()+" "+c.Old+" → "+c.New)
	}
	return out
}

func TestSemanticDeepNesting(t *testing.T) {
	const depth = 10_000
	got := semanticWheres(nestedFile(depth, "1"), nestedFile(depth, "2"), Options{})
	want := "± " + strings.Repeat("a/", depth) + "leaf/@v 1 → 2"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %d changes %.200q, want one at depth %d", len(got), got, depth)
	}

	got = semanticWheres(nestedCollectionFile(depth, "1"), nestedCollectionFile(depth, "2"), Options{})
	// An entry's lone child element is named by its tag; it holds a
	// collection in turn, whose entry is named by its key.
	var path strings.Builder
	path.WriteString("x")
	for i := range depth {
		if i%2 == 0 {
			fmt.Fprintf(&path, "/add[@name='n%d']", i)
		} else {
			path.WriteString("/add")
		}
	}
	want = "± " + path.String() + "/leaf/@v 1 → 2"
	if len(got) != 1 || got[0] != want {
		t.Errorf("nested collections: got %d changes %.200q, want one at depth %d", len(got), got, depth)
	}
}

func TestSemanticLargeCollection(t *testing.T) {
	const n = 40_000
	old := settingsFile(keysUpTo(n), func(int) string { return "v" })
	// One value changed, the first entry moved to the end, one removed,
	// one added.
	keys := append(keysUpTo(n)[1:], 0)
	keys = append(keys[:n/4], keys[n/4+1:]...)
	keys = append(keys, n)
	changed := settingsFile(keys, func(k int) string {
		if k == n/2 {
			return "changed"
		}
		return "v"
	})
	oldDoc := config.MustLoad("old", []byte(old))
	var wheres []string
	for _, c := range Semantic(oldDoc, config.MustLoad("new", []byte(changed)), Options{}) {
		wheres = append(wheres, c.Kind.Symbol()+" "+c.Where()+" "+c.Old+" → "+c.New)
	}
	got := strings.Join(wheres, "\n")
	want := strings.Join([]string{
		fmt.Sprintf(`- appSettings/add[@key='k%d'] key="k%d" value="v" → `, n/4+1, n/4+1),
		fmt.Sprintf(`± appSettings/add[@key='k%d']/@value v → changed`, n/2),
		fmt.Sprintf(`+ appSettings/add[@key='k%d']  → key="k%d" value="v"`, n, n),
		fmt.Sprintf(`⇆ appSettings/add[@key='k0'] entry 1 → entry %d`, n-1),
	}, "\n")
	if got != want {
		t.Errorf("got\n%.1000s\nwant\n%s", got, want)
	}

	// Reversed: every entry but one moved. Which one stays is the LCS
	// table's choice: the last old entry (see latestIncreasing).
	reversed := keysUpTo(n)
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		reversed[i], reversed[j] = reversed[j], reversed[i]
	}
	reversedDoc := config.MustLoad("new", []byte(settingsFile(reversed, func(int) string { return "v" })))
	changes := Semantic(oldDoc, reversedDoc, Options{})
	if len(changes) != n-1 {
		t.Fatalf("reversed: %d changes, want %d", len(changes), n-1)
	}
	for i, c := range changes {
		if want := fmt.Sprintf("add[@key='k%d']", n-2-i); c.Kind != Moved || c.Entry != want {
			t.Fatalf("reversed: change %d is %s %s, want %s moved", i, c.Kind, c.Entry, want)
		}
	}
	if got := Semantic(oldDoc, reversedDoc, Options{IgnoreOrder: true}); len(got) != 0 {
		t.Errorf("reversed with IgnoreOrder: %d changes, want none", len(got))
	}
}

func benchmarkSemantic(b *testing.B, old, changed string, want int) {
	x, y := config.MustLoad("old", []byte(old)), config.MustLoad("new", []byte(changed))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if n := len(Semantic(x, y, Options{})); n != want {
			b.Fatalf("%d changes, want %d", n, want)
		}
	}
}

// BenchmarkSemanticDiffEntries compares a 100,000-entry collection with
// itself with one value changed (both parsed before timing).
func BenchmarkSemanticDiffEntries(b *testing.B) {
	const n = 100_000
	old := settingsFile(keysUpTo(n), func(int) string { return "v" })
	changed := settingsFile(keysUpTo(n), func(k int) string {
		if k == n/2 {
			return "changed"
		}
		return "v"
	})
	benchmarkSemantic(b, old, changed, 1)
}

// BenchmarkSemanticDiffReversed is the worst case for the order of a
// collection: 100,000 entries reversed, 99,999 moves.
func BenchmarkSemanticDiffReversed(b *testing.B) {
	const n = 100_000
	reversed := keysUpTo(n)
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		reversed[i], reversed[j] = reversed[j], reversed[i]
	}
	v := func(int) string { return "v" }
	benchmarkSemantic(b, settingsFile(keysUpTo(n), v), settingsFile(reversed, v), n-1)
}

// BenchmarkSemanticDiffDepth compares two 10,000-level nestings that
// differ in the innermost element.
func BenchmarkSemanticDiffDepth(b *testing.B) {
	benchmarkSemantic(b, nestedFile(10_000, "1"), nestedFile(10_000, "2"), 1)
}

// TestSemanticLongLines: every change is located on a line of megabytes
// (one element with 50,000 attributes; a 50,000-entry collection written
// on one line). Locating each change once scanned its line from the
// start, which made these take minutes.
func TestSemanticLongLines(t *testing.T) {
	const n = 50_000
	var a, b strings.Builder
	a.WriteString("<configuration><x")
	b.WriteString("<configuration><x")
	for i := range n {
		fmt.Fprintf(&a, ` a%d="1"`, i)
		fmt.Fprintf(&b, ` a%d="2"`, i)
	}
	a.WriteString("/></configuration>")
	b.WriteString("/></configuration>")
	changes := Semantic(config.MustLoad("old", []byte(a.String())), config.MustLoad("new", []byte(b.String())), Options{})
	if len(changes) != n {
		t.Fatalf("%d changes, want %d", len(changes), n)
	}
	// Changes come in attribute name order: a0, a1, a10, ...; a0 starts
	// at column 20 and each attribute before ai takes len(` aK="1"`).
	column := func(i int) int {
		col := len("<configuration><x ") + 1
		for k := range i {
			col += len(fmt.Sprintf(` a%d="1"`, k))
		}
		return col
	}
	for _, c := range []Change{changes[0], changes[len(changes)-1]} {
		i := 0
		fmt.Sscanf(c.Attr, "a%d", &i)
		if c.Kind != Changed || c.OldPos == nil || c.NewPos == nil || c.OldPos.Line != 1 || c.OldPos.Column != column(i) || c.NewPos.Column != column(i) {
			t.Errorf("%s %s at %+v → %+v, want changed at 1:%d", c.Kind, c.Where(), c.OldPos, c.NewPos, column(i))
		}
	}

	a.Reset()
	b.Reset()
	a.WriteString("<configuration><appSettings>")
	b.WriteString("<configuration><appSettings>")
	for i := range n {
		fmt.Fprintf(&a, `<add key="k%d" value="1"/>`, i)
		fmt.Fprintf(&b, `<add key="k%d" value="2"/>`, i)
	}
	a.WriteString("</appSettings></configuration>")
	b.WriteString("</appSettings></configuration>")
	changes = Semantic(config.MustLoad("old", []byte(a.String())), config.MustLoad("new", []byte(b.String())), Options{})
	if len(changes) != n {
		t.Fatalf("collection: %d changes, want %d", len(changes), n)
	}
	last := changes[n-1]
	wantCol := len(a.String()) - len("</appSettings></configuration>") - len(`1"/>`) - len(`value="`) + 1
	if last.Entry != fmt.Sprintf("add[@key='k%d']", n-1) || last.OldPos == nil || last.OldPos.Column != wantCol {
		t.Errorf("collection: last change %s at %+v, want column %d", last.Where(), last.OldPos, wantCol)
	}
}

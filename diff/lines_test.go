package diff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// replay checks that ops turn a into b, and returns the number of edits.
func replay(t *testing.T, a, b string, ops []LineOp) int {
	t.Helper()
	var ra, rb strings.Builder
	edits := 0
	for _, op := range ops {
		if op.Kind != '+' {
			ra.WriteString(op.Text)
		}
		if op.Kind != '-' {
			rb.WriteString(op.Text)
		}
		if op.Kind != ' ' {
			edits++
		}
	}
	if ra.String() != a || rb.String() != b {
		t.Fatalf("ops do not replay:\na=%q\nb=%q\nops=%q", a, b, ops)
	}
	return edits
}

// lcsEdits is the fewest edits between two line lists (quadratic DP).
func lcsEdits(x, y []string) int {
	dp := make([][]int, len(x)+1)
	for i := range dp {
		dp[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return len(x) + len(y) - 2*dp[0][0]
}

func randomText(r *rand.Rand, n, alphabet int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "line %d\n", r.IntN(alphabet))
	}
	if r.IntN(3) == 0 && b.Len() > 0 {
		return strings.TrimSuffix(b.String(), "\n")
	}
	return b.String()
}

// Lines replays exactly; without unique lines to anchor on, it is a
// shortest edit script (Myers); with them, never longer than deleting and
// inserting everything between anchors.
func TestLinesRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		a, b := randomText(r, r.IntN(30), 1+r.IntN(8)), randomText(r, r.IntN(30), 1+r.IntN(8))
		edits := replay(t, a, b, Lines(a, b))
		if want := lcsEdits(splitLines(a), splitLines(b)); edits < want {
			t.Fatalf("%d edits, fewer than the minimum %d?", edits, want)
		}
	}
	// Few distinct lines: Myers alone, minimal.
	for n := 0; n < 500; n++ {
		a, b := randomText(r, 40, 2), randomText(r, 40, 2)
		if edits, want := replay(t, a, b, Lines(a, b)), lcsEdits(splitLines(a), splitLines(b)); edits != want {
			t.Fatalf("%d edits, want %d:\n%q\n%q", edits, want, a, b)
		}
	}
}

func TestLinesDeletionsFirst(t *testing.T) {
	ops := Lines("a\nb\nc\n", "a\nB\nc\n")
	got := ""
	for _, op := range ops {
		got += string(op.Kind) + strings.TrimSuffix(op.Text, "\n") + ";"
	}
	if got != " a;-b;+B; c;" {
		t.Errorf("%s", got)
	}
}

// Regression (issue 11): go-diff's line mode panicked at about 55,000
// distinct lines. A million lines, every one distinct and every other one
// changed, and a million lines with no unique line at all.
func TestLinesMillion(t *testing.T) {
	if testing.Short() {
		t.Skip("a million lines")
	}
	var a, b strings.Builder
	for i := 0; i < 1_000_000; i++ {
		fmt.Fprintf(&a, "<add key=\"k%d\" value=\"v\" />\n", i)
		if i%2 == 0 {
			fmt.Fprintf(&b, "<add key=\"k%d\" value=\"w\" />\n", i)
		} else {
			fmt.Fprintf(&b, "<add key=\"k%d\" value=\"v\" />\n", i)
		}
	}
	if edits := replay(t, a.String(), b.String(), Lines(a.String(), b.String())); edits != 1_000_000 {
		t.Errorf("%d edits, want 1,000,000", edits)
	}
	x := strings.Repeat("<a/>\n<b/>\n", 500_000)
	y := strings.Repeat("<b/>\n<a/>\n<a/>\n", 333_333)
	replay(t, x, y, Lines(x, y))
}

func BenchmarkLinesMillion(b *testing.B) {
	var x, y strings.Builder
	for i := 0; i < 1_000_000; i++ {
		fmt.Fprintf(&x, "<add key=\"k%d\" value=\"v\" />\n", i)
		fmt.Fprintf(&y, "<add key=\"k%d\" value=\"%d\" />\n", i, i%7)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Lines(x.String(), y.String())
	}
}

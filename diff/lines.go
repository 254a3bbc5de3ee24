package diff

import (
	"slices"
	"sort"
	"strings"
)

// Lines diffs two texts line by line. Its cost is near-linear in the
// number of lines, whatever the texts (go-diff's line mode panicked past
// about 55,000 distinct lines, and Myers' algorithm alone is quadratic in
// the worst case):
//
//  1. lines become integer ids; the common head and tail are equal;
//  2. the lines that occur exactly once in each side, in the longest
//     order both sides agree on, anchor the diff (as patience diff does);
//  3. between two anchors, Myers' algorithm finds a shortest edit script
//     when one of at most maxEdits(...) edits exists; otherwise the gap is
//     shown as deleted and inserted, which is correct, if not minimal.
func Lines(a, b string) []LineOp {
	la, lb := splitLines(a), splitLines(b)
	ids := make(map[string]int, len(la))
	x, y := make([]int, len(la)), make([]int, len(lb))
	for i, l := range la {
		x[i] = intern(ids, l)
	}
	for i, l := range lb {
		y[i] = intern(ids, l)
	}
	d := &lineDiff{la: la, lb: lb, x: x, y: y, ops: make([]LineOp, 0, max(len(la), len(lb))+8)}
	head, tail := commonHead(x, y), 0
	if head < min(len(x), len(y)) {
		tail = commonTail(x[head:], y[head:])
	}
	d.equal(0, 0, head)
	d.anchored(head, len(x)-tail, head, len(y)-tail, len(ids))
	d.equal(len(x)-tail, len(y)-tail, tail)
	return d.ops
}

// splitLines cuts a text after each "\n"; the last line may lack one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

func intern(ids map[string]int, l string) int {
	id, ok := ids[l]
	if !ok {
		id = len(ids)
		ids[l] = id
	}
	return id
}

func commonHead(x, y []int) int {
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	return n
}

func commonTail(x, y []int) int {
	n := 0
	for n < len(x) && n < len(y) && x[len(x)-1-n] == y[len(y)-1-n] {
		n++
	}
	return n
}

// lineDiff collects the ops of one diff.
type lineDiff struct {
	la, lb []string
	x, y   []int
	ops    []LineOp
}

func (d *lineDiff) equal(i, j, n int) {
	for k := 0; k < n; k++ {
		d.ops = append(d.ops, LineOp{Kind: ' ', Text: d.la[i+k]})
	}
}

func (d *lineDiff) deleted(i, n int) {
	for k := 0; k < n; k++ {
		d.ops = append(d.ops, LineOp{Kind: '-', Text: d.la[i+k]})
	}
}

func (d *lineDiff) inserted(j, n int) {
	for k := 0; k < n; k++ {
		d.ops = append(d.ops, LineOp{Kind: '+', Text: d.lb[j+k]})
	}
}

// anchored diffs x[i0:i1] against y[j0:j1] between the lines unique to
// both.
func (d *lineDiff) anchored(i0, i1, j0, j1, nids int) {
	if i0 == i1 && j0 == j1 {
		return
	}
	count := make([]int32, nids) // occurrences: low 16 bits in x, high in y (saturating)
	where := make([]int, nids)   // the position in x of a line once in x
	for i := i0; i < i1; i++ {
		if c := count[d.x[i]]; c&0xffff < 2 {
			count[d.x[i]] = c + 1
		}
		where[d.x[i]] = i
	}
	type pair struct{ i, j int }
	var anchors []pair
	for j := j0; j < j1; j++ {
		if c := count[d.y[j]]; c>>16 < 2 {
			count[d.y[j]] = c + 1<<16
		}
	}
	for j := j0; j < j1; j++ {
		if count[d.y[j]] == 1|1<<16 {
			anchors = append(anchors, pair{where[d.y[j]], j})
		}
	}
	// anchors are in y's order; keep the longest run increasing in x too
	// (patience sorting: O(k log k)).
	tails, prev := []int{}, make([]int, len(anchors))
	for k, a := range anchors {
		p := sort.Search(len(tails), func(t int) bool { return anchors[tails[t]].i >= a.i })
		prev[k] = -1
		if p > 0 {
			prev[k] = tails[p-1]
		}
		if p == len(tails) {
			tails = append(tails, k)
		} else {
			tails[p] = k
		}
	}
	var chain []pair
	if len(tails) > 0 {
		for k := tails[len(tails)-1]; k >= 0; k = prev[k] {
			chain = append(chain, anchors[k])
		}
		slices.Reverse(chain)
	}
	i, j := i0, j0
	for _, a := range chain {
		d.gap(i, a.i, j, a.j)
		d.equal(a.i, a.j, 1)
		i, j = a.i+1, a.j+1
	}
	d.gap(i, i1, j, j1)
}

// gap diffs the lines between two anchors.
func (d *lineDiff) gap(i0, i1, j0, j1 int) {
	x, y := d.x[i0:i1], d.y[j0:j1]
	head := commonHead(x, y)
	tail := commonTail(x[head:], y[head:])
	d.equal(i0, j0, head)
	x, y = x[head:len(x)-tail], y[head:len(y)-tail]
	if script, ok := myers(x, y, maxEdits(len(x)+len(y))); ok {
		i, j := i0+head, j0+head
		for _, k := range script {
			switch k {
			case ' ':
				d.equal(i, j, 1)
				i++
				j++
			case '-':
				d.deleted(i, 1)
				i++
			case '+':
				d.inserted(j, 1)
				j++
			}
		}
	} else {
		d.deleted(i0+head, len(x))
		d.inserted(j0+head, len(y))
	}
	d.equal(i1-tail, j1-tail, tail)
}

// maxEdits bounds Myers' search in a gap of n lines: its time is
// O(n·edits) and its memory O(edits²), so the bound shrinks as gaps grow,
// keeping every gap to some ten million steps.
func maxEdits(n int) int {
	const budget = 10_000_000
	switch {
	case n == 0:
		return 0
	case budget/n > 2000:
		return 2000
	case budget/n < 64:
		return 64
	}
	return budget / n
}

// myers returns a shortest edit script from x to y (' ' keep, '-' delete,
// '+' insert, deletions before insertions), or false when it needs more
// than limit edits.
func myers(x, y []int, limit int) ([]byte, bool) {
	n, m := len(x), len(y)
	if n+m < limit {
		limit = n + m
	}
	off := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int
	for e := 0; e <= limit; e++ {
		for k := -e; k <= e; k += 2 {
			var xi int
			if k == -e || (k != e && v[off+k-1] < v[off+k+1]) {
				xi = v[off+k+1] // from the diagonal above: an insertion
			} else {
				xi = v[off+k-1] + 1 // from the left: a deletion
			}
			yi := xi - k
			for xi < n && yi < m && x[xi] == y[yi] {
				xi++
				yi++
			}
			v[off+k] = xi
			if xi >= n && yi >= m {
				trace = append(trace, slices.Clone(v[off-e-1:off+e+2]))
				return backtrack(trace, n, m), true
			}
		}
		trace = append(trace, slices.Clone(v[off-e-1:off+e+2]))
	}
	return nil, false
}

// backtrack walks the saved frontiers back from the end; trace[e] holds
// diagonals -e-1..e+1 after e edits.
func backtrack(trace [][]int, n, m int) []byte {
	at := func(e, k int) int { return trace[e][k+e+1] }
	var rev []byte
	xi, yi := n, m
	for e := len(trace) - 1; e > 0; e-- {
		k := xi - yi
		prevK := k - 1
		if k == -e || (k != e && at(e-1, k-1) < at(e-1, k+1)) {
			prevK = k + 1
		}
		prevX := at(e-1, prevK)
		insert := prevK == k+1
		snakeFrom := prevX // where the move after e-1 edits ends
		if !insert {
			snakeFrom++
		}
		for xi > snakeFrom {
			rev = append(rev, ' ')
			xi--
			yi--
		}
		if insert {
			rev = append(rev, '+')
			yi--
		} else {
			rev = append(rev, '-')
			xi--
		}
	}
	for xi > 0 {
		rev = append(rev, ' ')
		xi--
	}
	slices.Reverse(rev)
	return rev
}

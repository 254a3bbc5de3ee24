package diff

import "sort"

// Entries are matched by key first (ids), so what is left to align is the
// order of the entries present on both sides: two orders of one set of
// distinct ids. A longest common subsequence of two such orders is a
// longest increasing subsequence of the new places taken in the old order
// (the Hunt–Szymanski reduction with one match per id), found in
// O(n log n) time and O(n) memory; see docs/semantic-diff.md.

// move is an entry whose place among the entries of both sides changed.
type move struct {
	id       string
	from, to int // 1-based places among the entries present on both sides
}

// moves compares two orders of distinct ids: among the ids on both sides,
// those outside a longest common subsequence moved. Of the longest common
// subsequences it keeps the one that takes each old entry as late as
// possible, as the LCS table walk did.
func moves(a, b []string) []move {
	// first[id]: the place of id's first occurrence in a.
	first := make(map[string]int, len(a))
	for i, id := range a {
		if _, ok := first[id]; !ok {
			first[id] = i
		}
	}
	// inB lists, in b's order, the places in a of the ids on both sides
	// (each once); placeInB[i] is where a[i] stands in that list.
	placeInB := make([]int, len(a))
	for i := range placeInB {
		placeInB[i] = -1
	}
	var inB []int
	for _, id := range b {
		if i, ok := first[id]; ok && placeInB[i] < 0 {
			placeInB[i] = len(inB)
			inB = append(inB, i)
		}
	}
	// rankInA[i]: the 1-based place of a[i] among the ids on both sides,
	// in a's order; places: the list index in b of each of them.
	rankInA := make([]int, len(a))
	places := make([]int, 0, len(inB))
	for i, p := range placeInB {
		if p >= 0 {
			places = append(places, p)
			rankInA[i] = len(places)
		}
	}
	kept := make([]bool, len(inB))
	for _, k := range latestIncreasing(places) {
		kept[places[k]] = true
	}
	var out []move
	for to, i := range inB {
		if !kept[to] {
			out = append(out, move{a[i], rankInA[i], to + 1})
		}
	}
	return out
}

// latestIncreasing returns the indexes of a longest increasing subsequence
// of p, a permutation of 0..len(p)-1: of all of them, the one whose first
// index is as large as possible, then its second, and so on. That is the
// subsequence the classic LCS table walk (take a match, else drop from the
// old side when that keeps the length) finds, so the moves reported are
// the same as with the table, without its n×m cells.
func latestIncreasing(p []int) []int {
	n := len(p)
	// from[i]: the length of the longest increasing subsequence starting at
	// i, by patience sorting from the right (tails[l] is the largest first
	// value of such a subsequence of length l+1 seen so far).
	from := make([]int, n)
	var tails []int
	for i := n - 1; i >= 0; i-- {
		l := sort.Search(len(tails), func(k int) bool { return tails[k] <= p[i] })
		if l == len(tails) {
			tails = append(tails, p[i])
		} else {
			tails[l] = p[i]
		}
		from[i] = l + 1
	}
	longest := len(tails)
	// byLength[l-1]: the indexes with from == l, ascending; along each list
	// the values of p fall (a later index with a larger value would start a
	// longer subsequence).
	byLength := make([][]int, longest)
	for i, l := range from {
		byLength[l-1] = append(byLength[l-1], i)
	}
	out := make([]int, 0, longest)
	above := -1
	for l := longest; l >= 1; l-- {
		list := byLength[l-1]
		// The last index of the list whose value is above the previous
		// pick's: it comes after that pick, and nothing later can start l.
		k := sort.Search(len(list), func(k int) bool { return p[list[k]] <= above })
		i := list[k-1]
		out = append(out, i)
		above = p[i]
	}
	return out
}

package diff

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
)

// tableMoves is the quadratic LCS table walk moves used before: the
// reference the linear-memory version must agree with, move for move.
func tableMoves(a, b []string) []move {
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, id := range a {
		inA[id] = true
	}
	for _, id := range b {
		inB[id] = true
	}
	var sa, sb []string
	for _, id := range a {
		if inB[id] {
			sa = append(sa, id)
		}
	}
	for _, id := range b {
		if inA[id] {
			sb = append(sb, id)
		}
	}
	n, m := len(sa), len(sb)
	t := make([][]int, n+1)
	for i := range t {
		t[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if sa[i] == sb[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	keep := map[string]bool{}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case sa[i] == sb[j]:
			keep[sa[i]] = true
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	posA := map[string]int{}
	for i, id := range sa {
		posA[id] = i + 1
	}
	var out []move
	for i, id := range sb {
		if !keep[id] {
			out = append(out, move{id, posA[id], i + 1})
		}
	}
	return out
}

func TestMovesExamples(t *testing.T) {
	tests := []struct {
		a, b string
		want []move
	}{
		{"", "", nil},
		{"abc", "abc", nil},
		{"ab", "ba", []move{{"a", 1, 2}}},
		{"abcd", "dabc", []move{{"d", 4, 1}}},
		{"abcd", "bcda", []move{{"a", 1, 4}}},
		{"abcd", "dcba", []move{{"c", 3, 2}, {"b", 2, 3}, {"a", 1, 4}}},
		// Entries on one side only are additions and removals, not moves.
		{"axbyc", "cbza", []move{{"b", 2, 2}, {"a", 1, 3}}},
	}
	split := func(s string) []string {
		var out []string
		for _, r := range s {
			out = append(out, string(r))
		}
		return out
	}
	for _, tc := range tests {
		if got := moves(split(tc.a), split(tc.b)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("moves(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestMovesAgreeWithTable compares moves with the LCS table on random
// orders: shuffles, swaps, rotations, with entries added and removed.
func TestMovesAgreeWithTable(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	for round := 0; round < 3000; round++ {
		n := rng.Intn(12)
		if round%10 == 0 {
			n = rng.Intn(200)
		}
		a := make([]string, n)
		for i := range a {
			a[i] = fmt.Sprint("e", i)
		}
		b := append([]string(nil), a...)
		switch round % 4 {
		case 0:
			rng.Shuffle(len(b), func(i, j int) { b[i], b[j] = b[j], b[i] })
		case 1:
			for k := rng.Intn(3) + 1; k > 0 && n > 1; k-- {
				i, j := rng.Intn(n), rng.Intn(n)
				b[i], b[j] = b[j], b[i]
			}
		case 2:
			if n > 0 {
				r := rng.Intn(n)
				b = append(b[r:], b[:r]...)
			}
		case 3:
			for k := rng.Intn(4); k > 0 && n > 1; k-- {
				i, j := rng.Intn(n), rng.Intn(n)
				e := b[i]
				b = append(b[:i], b[i+1:]...)
				b = append(b[:j], append([]string{e}, b[j:]...)...)
			}
		}
		var kept []string
		for _, id := range b {
			if rng.Intn(8) != 0 {
				kept = append(kept, id)
			}
		}
		b = append(kept, "new1", "new2")
		if got, want := moves(a, b), tableMoves(a, b); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: moves(%v, %v)\n= %v\nwant %v", round, a, b, got, want)
		}
	}
}

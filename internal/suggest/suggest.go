// Package suggest finds the known name nearest to a misspelt one, for
// "did you mean" hints on commands, flags, rules, sites and applications.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Nearest returns the candidate closest to name (letter case ignored), or
// "" when none is close enough to be a likely typo: at most a third of the
// name's characters (and at least one) differ.
func Nearest(name string, candidates []string) string {
	return NearestWithin(name, candidates, max(1, utf8.RuneCountInString(name)/3))
}

// NearestWithin returns the candidate closest to name (letter case
// ignored) that differs in at most limit characters, or "".
func NearestWithin(name string, candidates []string, limit int) string {
	best, bestDist := "", -1
	lower := strings.ToLower(name)
	for _, c := range candidates {
		d := distance(lower, strings.ToLower(c))
		if d < 0 {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// maxLen bounds the names compared, so that a huge argument costs little.
const maxLen = 256

// distance is the Damerau–Levenshtein (optimal string alignment) distance
// between a and b in characters: insertions, deletions, substitutions and
// swaps of two neighbours each cost one. It is -1 for names over maxLen.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > maxLen || len(rb) > maxLen {
		return -1
	}
	// Three rows: the one before the previous (for swaps), previous, current.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// DidYouMean is " (did you mean X?)" for the nearest candidate, or "".
func DidYouMean(name string, candidates []string) string {
	if n := Nearest(name, candidates); n != "" {
		return " (did you mean " + n + "?)"
	}
	return ""
}

package suggest

import (
	"strings"
	"testing"
)

func TestNearest(t *testing.T) {
	cmds := []string{"lint", "migrate", "diff", "apps", "init", "rules", "version"}
	tests := []struct{ name, want string }{
		{"lnit", "lint"},        // swap
		{"migrat", "migrate"},   // deletion
		{"difff", "diff"},       // insertion
		{"RULES", "rules"},      // letter case
		{"deploy", ""},          // nothing near
		{"x", ""},               // too short to guess
		{"Default Web Sit", ""}, // not among these
	}
	for _, tc := range tests {
		if got := Nearest(tc.name, cmds); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := Nearest("Default Web Sit", []string{"Default Web Site", "Intranet"}); got != "Default Web Site" {
		t.Errorf("site: %q", got)
	}
	if got := DidYouMean("fial-on", []string{"fail-on", "format"}); got != " (did you mean fail-on?)" {
		t.Errorf("DidYouMean: %q", got)
	}
	// A huge argument is not compared (bounded cost), and suggests nothing.
	if got := Nearest(strings.Repeat("a", 10000), cmds); got != "" {
		t.Errorf("huge name: %q", got)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"ab", "ba", 1}, {"é", "e", 1},
	}
	for _, tc := range tests {
		if got := distance(tc.a, tc.b); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

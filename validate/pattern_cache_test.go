package validate

import (
	"strings"
	"testing"
)

// Compiled patterns are remembered for the run only when short, in
// strings of their own, and a remembered answer is the one compiling
// gives.
func TestPatternCacheKeepsNoLongPatterns(t *testing.T) {
	long := "^" + strings.Repeat("a", maxRememberedPatternLen) + "$"
	before := compiledPatterns.tried.Load()
	if got, want := compilePattern("ECMAScript", long), compileRegexPattern(long); got != want {
		t.Errorf("long pattern: %+v, want %+v", got, want)
	}
	if _, ok := compiledPatterns.load(long); ok || compiledPatterns.tried.Load() != before {
		t.Errorf("a %d-byte pattern was remembered", len(long))
	}
	for _, p := range []string{`^patternCacheTest/(\d+)$`, `patternCacheTest(`, `(?<=x)patternCacheTest\1`} {
		want := compileRegexPattern(p)
		for i := 0; i < 2; i++ { // compiled, then remembered
			if got := compilePattern("ECMAScript", p); got != want {
				t.Errorf("%q (call %d): %+v, want %+v", p, i+1, got, want)
			}
		}
		if _, ok := compiledPatterns.load(p); !ok {
			t.Errorf("%q was not remembered", p)
		}
	}
}

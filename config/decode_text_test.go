package config

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// decodeTextNoRefs normalizes line ends as XML does (CRLF and a lone CR
// become LF): the same as a byte-at-a-time rewrite, on every short mix of
// CR, LF and text and on random longer ones.
func TestDecodeTextNoRefsNormalizesLineEnds(t *testing.T) {
	byBytes := func(raw string) string {
		var b strings.Builder
		for i := 0; i < len(raw); i++ {
			if raw[i] == '\r' {
				b.WriteByte('\n')
				if i+1 < len(raw) && raw[i+1] == '\n' {
					i++
				}
				continue
			}
			b.WriteByte(raw[i])
		}
		return b.String()
	}
	check := func(raw string) {
		if got, want := decodeTextNoRefs([]byte(raw)), byBytes(raw); got != want {
			t.Fatalf("decodeTextNoRefs(%q) = %q, want %q", raw, got, want)
		}
	}
	alphabet := "\r\na"
	var all func(prefix string, n int)
	all = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			all(prefix+string(c), n-1)
		}
	}
	all("", 6)
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(300))
		for i := range b {
			b[i] = "\r\n ab\t"[r.IntN(6)]
		}
		check(string(b))
	}
}

// appendLower is strings.ToLower, ASCII or not.
func TestAppendLowerIsToLower(t *testing.T) {
	for _, s := range []string{"", "ScriptModule", "already", "ÄÖÜ Module", "İstanbul", "K", "\xff bad UTF-8 A",
		strings.Repeat("LongModuleName", 10)} {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

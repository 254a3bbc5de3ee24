package config

import (
	"math/rand/v2"
	"testing"
)

// plainValueWord must say yes exactly when each of the eight bytes passes
// plainValueByte and is not the quote: every byte value in every lane,
// with both quotes, and random words of mostly plain bytes.
func TestPlainValueWordAgreesWithBytes(t *testing.T) {
	byBytes := func(b []byte, q byte) bool {
		for _, c := range b {
			if c == q || !plainValueByte[c] {
				return false
			}
		}
		return true
	}
	check := func(b []byte, q byte) {
		t.Helper()
		w := uint64(0)
		for i := 7; i >= 0; i-- {
			w = w<<8 | uint64(b[i])
		}
		if got, want := plainValueWord(w, q), byBytes(b, q); got != want {
			t.Fatalf("%q quote %q: word says %v, bytes say %v", b, q, got, want)
		}
	}
	for _, q := range []byte{'"', '\''} {
		for v := range 256 {
			for lane := range 8 {
				b := []byte("value=ab")
				b[lane] = byte(v)
				check(b, q)
				b = []byte("\"'<&\x00\xff\x1f ")
				b[lane] = byte(v)
				check(b, q)
			}
		}
		r := rand.New(rand.NewPCG(3, 4))
		special := []byte{'"', '\'', '<', '&', 0, 0x1f, 0x20, 0x7f, 0x80, 0xff, '\t', 0x21, 0x3b, 0x3d}
		for range 100000 {
			b := make([]byte, 8)
			for i := range b {
				if r.IntN(6) == 0 {
					b[i] = special[r.IntN(len(special))]
				} else {
					b[i] = byte(0x20 + r.IntN(0x60))
				}
			}
			check(b, q)
		}
	}
}

// plainRun must agree with plainValueByte over runs of every length up to
// a few words, with one byte of every value at every place.
func TestPlainRunAgreesWithBytes(t *testing.T) {
	for n := range 26 {
		for at := range n {
			for v := range 256 {
				b := make([]byte, n)
				for i := range b {
					b[i] = 'a' + byte(i%26)
				}
				b[at] = byte(v)
				if got, want := plainRun(b), plainValueByte[v]; got != want {
					t.Fatalf("%q: plainRun says %v, want %v", b, got, want)
				}
			}
		}
	}
}

package config

import (
	"math/rand/v2"
	"testing"
)

// checkChars tests eight bytes at a time: it must fail exactly where
// checking character by character fails, for every byte value at every
// lane of a word and for random mixes of text, controls and UTF-8.
func TestCheckCharsWordAtATimeAgreesWithCharByChar(t *testing.T) {
	byChar := func(s *scanner, from, to int) error {
		for i := from; i < to; {
			n, err := s.charAt(i)
			if err != nil {
				return err
			}
			i += n
		}
		return nil
	}
	check := func(text []byte) {
		t.Helper()
		s := &scanner{text: text, doc: &Document{src: decoded{text: text}, lookups: &lookups{}}}
		for _, from := range []int{0, 1, 3} {
			if from > len(text) {
				continue
			}
			got, want := s.checkChars(from, len(text)), byChar(s, from, len(text))
			if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
				t.Fatalf("%q from %d: got %v, want %v", text, from, got, want)
			}
		}
	}
	for b := range 256 {
		for lane := range 17 {
			text := []byte("abcdefghijklmnopqrstuvwx")
			text[lane] = byte(b)
			check(text)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", " ", "~", "\x7f", "\t", "\n", "\r", "\x00", "\x1f", "\u00e9", "\u20ac", "\U0001F600", "\uFFFE", "\xc3", "\xff", "\xed\xa0\x80"}
	for range 20000 {
		var text []byte
		for range r.IntN(40) {
			if r.IntN(4) == 0 {
				text = append(text, pieces[r.IntN(len(pieces))]...)
			} else {
				text = append(text, "abcdefgh"[:1+r.IntN(8)]...)
			}
		}
		check(text)
	}
}

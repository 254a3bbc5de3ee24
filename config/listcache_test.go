package config

import "testing"

// A list's derivation is made once per tag and kept; another list, or the
// same list under another tag, gets its own; an empty list is not kept.
func TestListCache(t *testing.T) {
	var c ListCache[int]
	calls := 0
	derive := func() int { calls++; return calls }
	a, b := []Item{{}, {}}, []Item{{}, {}}
	if c.Get("x", a, derive) != 1 || c.Get("x", a, derive) != 1 {
		t.Errorf("the same list was derived twice")
	}
	if c.Get("y", a, derive) != 2 || c.Get("x", b, derive) != 3 || c.Get("x", a[:1], derive) != 4 {
		t.Errorf("another tag, list or length shared an entry")
	}
	if c.Get("x", nil, derive) != 5 || c.Get("x", nil, derive) != 6 {
		t.Errorf("an empty list was kept")
	}
}

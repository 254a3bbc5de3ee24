package stickyerr

import (
	"errors"
	"fmt"
	"testing"
)

type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

func TestFirstErrorSticks(t *testing.T) {
	w := New(&failAfter{n: 1})
	fmt.Fprint(w, "a")
	fmt.Fprint(w, "b")
	fmt.Fprint(w, "c")
	if w.Err == nil || w.Err.Error() != "disk full" {
		t.Errorf("err %v", w.Err)
	}
}

package ghactions

import (
	"bytes"
	"testing"
)

func TestEscaping(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, "error", []Property{{"file", "a,b:c%.config"}, {"line", "3"}, {"col", ""}, {"title", "x\r\ny"}}, "100% bad,\r\nreally: yes")
	if err != nil {
		t.Fatal(err)
	}
	want := "::error file=a%2Cb%3Ac%25.config,line=3,title=x%0D%0Ay::100%25 bad,%0D%0Areally: yes\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

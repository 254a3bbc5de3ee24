package secret

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/internal/testutil"
)

// leftOver finds what must not survive masking: a password or a hex
// machine key written out.
var leftOver = regexp.MustCompile(`(?i)\b(password|pwd)\s*=\s*["']?[^"'\s;*&<>]|(validation|decryption)Key\s*=\s*["'][0-9a-f]{16,}`)

// TestCorpusDocument: on every real file of the corpus, masking keeps the
// lines where they are and leaves no password or hex machine key.
func TestCorpusDocument(t *testing.T) {
	dir, files := testutil.CorpusFiles(t)
	masked := 0
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		got := Document(text)
		if strings.Count(got, "\n") != strings.Count(text, "\n") || strings.Count(got, "\r") != strings.Count(text, "\r") {
			t.Errorf("%s: line terminators changed", f)
		}
		for n, l := range strings.Split(got, "\n") {
			if m := leftOver.FindString(l); m != "" {
				t.Errorf("%s:%d: %q left in %q", f, n+1, m, strings.TrimSpace(l))
			}
		}
		if got != text {
			masked++
		}
	}
	if masked == 0 {
		t.Error("nothing masked in the whole corpus")
	}
}

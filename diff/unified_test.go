package diff

import (
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// applyHunks applies a Unified diff to a, as patch does (strictly: every
// context and removed line must match).
func applyHunks(t *testing.T, a, patch string) string {
	t.Helper()
	lines := strings.SplitAfter(a, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var out []string
	at := 0
	pl := strings.Split(patch, "\n")
	for i := 2; i < len(pl); i++ {
		l := pl[i]
		if !strings.HasPrefix(l, "@@") {
			continue
		}
		var aStart, aLen, bStart, bLen int
		parseRange := func(s string) (int, int) {
			start, n := 0, 1
			if j := strings.IndexByte(s, ','); j >= 0 {
				start, n = atoi(s[:j]), atoi(s[j+1:])
			} else {
				start = atoi(s)
			}
			return start, n
		}
		f := strings.Fields(l)
		aStart, aLen = parseRange(f[1][1:])
		bStart, bLen = parseRange(f[2][1:])
		_, _ = bStart, bLen
		if aLen == 0 {
			aStart++
		}
		for at < aStart-1 {
			out = append(out, lines[at])
			at++
		}
		for i+1 < len(pl) && len(pl[i+1]) > 0 && strings.ContainsRune(" -+\\", rune(pl[i+1][0])) {
			i++
			op := pl[i]
			if op[0] == '\\' {
				// "\ No newline at end of file": the previous line had none.
				if n := len(out); n > 0 && strings.HasSuffix(out[n-1], "\n") && pl[i-1][0] != '-' {
					out[n-1] = strings.TrimSuffix(out[n-1], "\n")
				}
				continue
			}
			text := op[1:] + "\n"
			switch op[0] {
			case ' ':
				if lines[at] != text && lines[at] != op[1:] {
					t.Fatalf("context mismatch at old line %d: %q vs %q", at+1, lines[at], text)
				}
				out = append(out, lines[at])
				at++
			case '-':
				if lines[at] != text && lines[at] != op[1:] {
					t.Fatalf("removed line mismatch at old line %d: %q vs %q", at+1, lines[at], text)
				}
				at++
			case '+':
				out = append(out, text)
			}
		}
	}
	out = append(out, lines[at:]...)
	return strings.Join(out, "")
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestUnifiedAppliesBack(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	words := []string{"<a/>", "<b x=\"1\"/>", "  <c>", "  </c>", "", "<d/>\r"}
	for n := 0; n < 300; n++ {
		var a []string
		for i := rng.Intn(30); i > 0; i-- {
			a = append(a, words[rng.Intn(len(words))])
		}
		b := append([]string(nil), a...)
		for i := rng.Intn(5); i > 0; i-- {
			switch k := rng.Intn(3); {
			case k == 0 && len(b) > 0:
				j := rng.Intn(len(b))
				b = append(b[:j], b[j+1:]...)
			case k == 1:
				j := rng.Intn(len(b) + 1)
				b = append(b[:j], append([]string{words[rng.Intn(len(words))]}, b[j:]...)...)
			case len(b) > 0:
				b[rng.Intn(len(b))] = "<changed/>"
			}
		}
		as, bs := strings.Join(a, "\n"), strings.Join(b, "\n")
		if rng.Intn(2) == 0 {
			as += "\n"
		}
		if rng.Intn(2) == 0 {
			bs += "\n"
		}
		patch := Unified("f", "f", []byte(as), []byte(bs), rng.Intn(4), Palette{})
		if as == bs {
			if patch != "" {
				t.Fatalf("equal texts gave a patch")
			}
			continue
		}
		if got := applyHunks(t, as, patch); got != bs {
			t.Fatalf("case %d: applying\n%s\nto %q gives %q, want %q", n, patch, as, got, bs)
		}
	}
}

func TestHunkHeaders(t *testing.T) {
	got := Unified("old.config", "new.config", []byte("a\nb\nc\n"), []byte("a\nB\nc\n"), 0, Palette{})
	want := "--- a/old.config\n+++ b/new.config\n@@ -2 +2 @@\n-b\n+B\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got = Unified("x", "x", []byte("a\n"), []byte("a\nb"), 3, Palette{})
	want = "--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	// A created file: /dev/null has no a/ prefix (regression: "--- a//dev/null").
	got = Unified(DevNull, `site\web.config`, nil, []byte("<a/>\n"), 3, Palette{})
	want = "--- /dev/null\n+++ b/site/web.config\n@@ -0,0 +1 @@\n+<a/>\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestGitApplyAccepts feeds real patches to git apply, where git exists.
func TestGitApplyAccepts(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	cases := []struct {
		name, a, b string
		created    bool
	}{
		{"crlf", "<a>\r\n  <b/>\r\n</a>\r\n", "<a>\r\n  <b/>\r\n  <c/>\r\n</a>\r\n", false},
		{"no final newline", "<a>\n  <b/>\n</a>", "<a>\n  <b/>\n  <c/>\n</a>", false},
		{"final newline added", "<a/>", "<a/>\n", false},
		{"one line", "<a><b/></a>", "<a><b/><c/></a>", false},
		{"bom", "\ufeff<a>\n  <b/>\n</a>\n", "\ufeff<a>\n  <c/>\n</a>\n", false},
		// migrate writes a web.config for an application that has none.
		{"created", "", "<configuration>\n</configuration>\n", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			oldName := "web.config"
			if tc.created {
				oldName = DevNull
			} else if err := os.WriteFile(filepath.Join(dir, "web.config"), []byte(tc.a), 0o644); err != nil {
				t.Fatal(err)
			}
			patch := filepath.Join(dir, "p.diff")
			if err := os.WriteFile(patch, []byte(Unified(oldName, "web.config", []byte(tc.a), []byte(tc.b), 3, Palette{})), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(git, "apply", "--unsafe-paths", "--directory=", patch)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GIT_CEILING_DIRECTORIES="+filepath.Dir(dir))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git apply: %v\n%s", err, out)
			}
			got, _ := os.ReadFile(filepath.Join(dir, "web.config"))
			if string(got) != tc.b {
				t.Errorf("git apply gave %q, want %q", got, tc.b)
			}
		})
	}
}

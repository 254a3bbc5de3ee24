package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/internal/testutil"
)

// TestLintManyAttributesOnOneLine lints and migrates an element with
// 100,000 attributes on one line, a finding on each. Every finding used to
// count its column from the line's start, look its attribute up by a scan,
// and copy and decode the whole line for its quote: 100,000 took five
// minutes. No time is asserted; at this size the quadratic version runs
// past the test timeout.
func TestLintManyAttributesOnOneLine(t *testing.T) {
	const n = 100000
	path := filepath.Join(t.TempDir(), "web.config")
	if err := os.WriteFile(path, testutil.ManyAttributes(n), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "lint", "--no-config", path)
	if r.code != ExitFindings {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if got := strings.Count(r.stdout, "[unknown-attribute]"); got != n {
		t.Fatalf("%d unknown-attribute findings, want %d", got, n)
	}
	// a99999="x" starts at byte 1,088,919 of the line: columns are characters.
	if !strings.Contains(r.stdout, path+":1:1088920: error: Unrecognized attribute 'a99999'.") {
		t.Fatalf("no finding at the last attribute's column:\n%s", r.stdout[max(0, len(r.stdout)-600):])
	}
	if r := runCLI(t, "migrate", "--check", "--no-config", path); r.code != ExitOK {
		t.Fatalf("migrate --check: exit %d: %s", r.code, r.stderr)
	}
}

// BenchmarkLintAttributes is "iiscfg lint" (text report) of one element
// with 100,000 attributes, a finding on each.
func BenchmarkLintAttributes(b *testing.B) {
	path := filepath.Join(b.TempDir(), "web.config")
	data := testutil.ManyAttributes(100000)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		code := run([]string{"iiscfg", "lint", "--no-config", path},
			&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }})
		if code != ExitFindings {
			b.Fatalf("exit %d", code)
		}
	}
}

package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/cli"
)

// tourBlock is a command of README.md's tour and its output:
//
//	<!-- tour -->
//	```console
//	$ iiscfg ARGS...
//	OUTPUT
//	```
//
// The output is what iiscfg prints (stdout, then stderr) when run from the
// repository's root, so the README cannot go stale: TestREADMETour fails
// when it differs, and go test -update -run TestREADMETour . rewrites it.
var tourBlock = regexp.MustCompile("(?s)<!-- tour -->\n```console\n\\$ iiscfg ([^\n]*)\n(.*?)```\n")

func TestREADMETour(t *testing.T) {
	// The tour's diff compares the example with its migration: the file
	// must be what migrate --stdout makes of it.
	var migrated bytes.Buffer
	if code := cli.Main([]string{"iiscfg", "migrate", "--stdout", "testdata/examples/web.config"}, strings.NewReader(""), &migrated, new(bytes.Buffer)); code != 0 {
		t.Fatalf("migrate --stdout: exit %d", code)
	}
	checkGolden(t, "testdata/tour/web.config", migrated.String())

	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	blocks := tourBlock.FindAllStringSubmatchIndex(readme, -1)
	if len(blocks) < 3 {
		t.Fatalf("README.md has %d tour blocks, want lint, migrate and diff at least", len(blocks))
	}
	var out strings.Builder
	last := 0
	for _, m := range blocks {
		args := strings.Fields(readme[m[2]:m[3]])
		var stdout, stderr bytes.Buffer
		t.Setenv("NO_COLOR", "1")
		cli.Main(append([]string{"iiscfg"}, args...), strings.NewReader(""), &stdout, &stderr)
		got := stdout.String() + stderr.String()
		out.WriteString(readme[last:m[4]])
		out.WriteString(got)
		last = m[5]
		if want := readme[m[4]:m[5]]; got != want && !*update {
			t.Errorf("README.md tour: the output of iiscfg %s changed (go test -update -run TestREADMETour . rewrites it):\n--- got\n%s--- README\n%s",
				strings.Join(args, " "), got, want)
		}
	}
	out.WriteString(readme[last:])
	if *update {
		if err := os.WriteFile("README.md", []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

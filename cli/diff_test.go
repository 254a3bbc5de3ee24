package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffExitCodesAndInputs(t *testing.T) {
	a := `<configuration><appSettings><add key="k" value="1"/></appSettings></configuration>`
	b := `<configuration><appSettings><add key="k" value="2"/></appSettings></configuration>`
	dir := writeTree(t, map[string]string{
		"old/web.config":       a,
		"old/Views/web.config": a,
		"old/Gone/web.config":  a,
		"new/web.config":       b,
		"new/VIEWS/web.config": a, // Windows checkouts differ in letter case only
		"new/Added/web.config": a,
		"same1.config":         a,
		"same2.config":         "<configuration>\n  <appSettings>\n    <add value='1' key='k' />\n  </appSettings>\n</configuration>\n",
		"broken.config":        "<configuration>",
		"file.config":          a,
	})
	p := func(s string) string { return filepath.Join(dir, s) }
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"equal", "", []string{"diff", p("same1.config"), p("same2.config")}, ExitOK, ""},
		{"different", "", []string{"diff", p("old/web.config"), p("new/web.config")}, ExitFindings, `± @value: "1" → "2"`},
		{"stdin old side", a, []string{"diff", "-", p("new/web.config")}, ExitFindings, "<stdin> → "},
		{"folders", "", []string{"diff", "--color", "never", p("old"), p("new")}, ExitFindings, "only in old: "},
		{"parse error", "", []string{"diff", p("broken.config"), p("same1.config")}, ExitInput, ""},
		{"missing file", "", []string{"diff", p("nope.config"), p("same1.config")}, ExitInput, ""},
		{"one argument", "", []string{"diff", p("same1.config")}, ExitUsage, ""},
		{"file and folder", "", []string{"diff", p("file.config"), p("new")}, ExitUsage, ""},
		{"both stdin", "", []string{"diff", "-", "-"}, ExitUsage, ""},
		{"bad mode", "", []string{"diff", "--mode", "xml", p("same1.config"), p("same2.config")}, ExitUsage, ""},
		{"text mode json", "", []string{"diff", "--mode", "text", "--format", "json", p("same1.config"), p("same2.config")}, ExitUsage, ""},
		{"text mode sees reformatting", "", []string{"diff", "--mode", "text", p("same1.config"), p("same2.config")}, ExitFindings, "+    <add value='1' key='k' />"},
		{"effective without apphost", "", []string{"diff", "--effective", "S/", p("same1.config"), p("same2.config")}, ExitUsage, ""},
		{"apphost without effective", "", []string{"diff", "--apphost", p("same1.config"), p("same1.config"), p("same2.config")}, ExitUsage, ""},
		{"effective two arguments", "", []string{"diff", "--effective", "--apphost", p("same1.config"), p("same1.config"), p("same2.config")}, ExitUsage, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runWith(t, tc.stdin, nil, tc.args...)
			if r.code != tc.code || !strings.Contains(r.stdout, tc.want) {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
		})
	}
	// Folders: files are paired by relative path (letter case aside); the
	// equal pair is not listed; a file on one side only is.
	r := runCLI(t, "diff", "--format", "json", p("old"), p("new"))
	var out struct {
		Differences int
		Files       []struct{ Old, New string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, f := range out.Files {
		listed = append(listed, filepath.Base(filepath.Dir(f.Old))+">"+filepath.Base(filepath.Dir(f.New)))
	}
	if got := strings.Join(listed, " "); got != ".>Added Gone>. old>new" || out.Differences != 3 {
		t.Errorf("folder pairs %q, %d differences", got, out.Differences)
	}
}

// TestDiffEffectiveWarnsOfDuplicates: a NEW file that adds an inherited
// module again breaks the application (500.19); the effective diff says so.
func TestDiffEffectiveWarnsOfDuplicates(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"applicationHost.config": `<configuration><system.applicationHost><applicationPools><add name="P"/></applicationPools>
<sites><site name="S"><application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="C:\site"/></application></site></sites>
</system.applicationHost><system.webServer><modules><add name="M" type="TM"/></modules></system.webServer></configuration>`,
		"site/web.config": `<configuration/>`,
		"new/web.config":  "<configuration>\n<system.webServer><modules><add name=\"M\" type=\"Other\"/></modules></system.webServer></configuration>",
	})
	p := func(s string) string { return filepath.Join(dir, s) }
	r := runCLI(t, "diff", "--color", "never", "--effective", "--apphost", p("applicationHost.config"), "--path-map", `C:\site=`+p("site"), "S/", p("site/web.config"), p("new/web.config"))
	want := "new/web.config:2:28: warning: Cannot add duplicate collection entry of type 'add' with unique key attribute 'name' set to 'M' (IIS answers HTTP 500.19)"
	if r.code != ExitOK || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, stderr %q, want exit 0 and %q", r.code, r.stderr, want)
	}
}

// TestDiffFoldersInBatches compares folders a few pairs at a time: the
// output and exit code do not depend on the batch size.
func TestDiffFoldersInBatches(t *testing.T) {
	setting := func(v string) string {
		return `<configuration><appSettings><add key="k" value="` + v + `"/></appSettings></configuration>`
	}
	files := map[string]string{}
	for i := range 9 {
		app := fmt.Sprintf("app%d/web.config", i)
		files["old/"+app] = setting("1")
		files["new/"+app] = setting(fmt.Sprint(i % 3)) // apps 1, 4 and 7 are unchanged
	}
	files["old/gone/web.config"] = setting("1")
	files["new/added/web.config"] = setting("1")
	files["new/app5/web.config"] = "<configuration>" // broken
	dir := writeTree(t, files)
	old, changed := filepath.Join(dir, "old"), filepath.Join(dir, "new")

	saved := diffBatch
	t.Cleanup(func() { diffBatch = saved })
	var want [3]result
	for _, size := range []int{1000, 1, 2, 3} {
		diffBatch = size
		got := [3]result{
			runCLI(t, "diff", "--color", "never", old, changed),
			runCLI(t, "diff", "--format", "json", old, changed),
			runCLI(t, "diff", "--mode", "text", old, changed),
		}
		if size == 1000 {
			want = got
			if !strings.Contains(got[0].stdout, "app8/web.config") || !strings.Contains(got[0].stdout, "only in new: ") ||
				strings.Contains(got[0].stdout, "app4/web.config") || !strings.Contains(got[0].stderr, "app5") || got[0].code != ExitInput {
				t.Fatalf("exit %d\nstdout: %s\nstderr: %s", got[0].code, got[0].stdout, got[0].stderr)
			}
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("batches of %d, run %d: exit %d\nstdout: %s\nstderr: %s\nwant exit %d\nstdout: %s\nstderr: %s",
					size, i, got[i].code, got[i].stdout, got[i].stderr, want[i].code, want[i].stdout, want[i].stderr)
			}
		}
	}
}

// TestDiffFoldersNoteLinksNotFollowed: a web.config that links out of its
// folder is left out of a folder diff like out of any walk, and the diff
// says so on stderr (it was silent, and "only in new" read as if the file
// were missing).
func TestDiffFoldersNoteLinksNotFollowed(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"out/web.config":     `<configuration><appSettings><add key="k" value="OUTSIDE-OLD"/></appSettings></configuration>` + "\n",
		"new/app/web.config": `<configuration><appSettings><add key="k" value="v"/></appSettings></configuration>` + "\n",
		"old/app/readme.txt": "",
	})
	if err := os.Symlink(filepath.Join("..", "..", "out", "web.config"), filepath.Join(dir, "old", "app", "web.config")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	t.Chdir(dir)
	r := runCLI(t, "diff", "--color", "never", "old", "new")
	want := "iiscfg: note: " + filepath.Join("old", "app", "web.config") + ": symbolic link to "
	if !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "not followed") || strings.Contains(r.stdout, "OUTSIDE") {
		t.Errorf("exit %d; want a note %q on stderr\nstdout:\n%s\nstderr:\n%s", r.code, want, r.stdout, r.stderr)
	}
}

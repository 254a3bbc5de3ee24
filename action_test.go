package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

type actionStep struct {
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Uses  string            `yaml:"uses"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

type actionFile struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Author      string `yaml:"author"`
	Branding    struct {
		Icon  string `yaml:"icon"`
		Color string `yaml:"color"`
	} `yaml:"branding"`
	Inputs map[string]struct {
		Description string  `yaml:"description"`
		Required    bool    `yaml:"required"`
		Default     *string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

// TestActionYAML checks action.yml against what GitHub requires of a
// composite action and what the README promises.
func TestActionYAML(t *testing.T) {
	b, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Name == "" || a.Description == "" {
		t.Error("action.yml needs a name and a description")
	}
	for name, want := range map[string]string{"path": ".", "args": "lint", "version": "latest", "sarif": "", "upload-sarif": "true", "fail": "true"} {
		in, ok := a.Inputs[name]
		switch {
		case !ok:
			t.Errorf("input %q is missing", name)
		case in.Description == "":
			t.Errorf("input %q has no description", name)
		case in.Default == nil || *in.Default != want:
			t.Errorf("input %q: default %v, want %q", name, in.Default, want)
		}
	}
	if out := a.Outputs["exit-code"]; out.Value != "${{ steps.run.outputs.exit-code }}" || out.Description == "" {
		t.Errorf("output exit-code: %+v", out)
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using %q, want composite", a.Runs.Using)
	}

	expr := regexp.MustCompile(`\$\{\{(.*?)\}\}`)
	inputRef := regexp.MustCompile(`inputs\.([A-Za-z0-9_-]+)`)
	stepRef := regexp.MustCompile(`steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)`)
	used := map[string]bool{}
	ids := map[string]bool{}
	noteRefs := func(where, s string) {
		for _, m := range inputRef.FindAllStringSubmatch(s, -1) {
			if _, ok := a.Inputs[m[1]]; !ok {
				t.Errorf("%s refers to an undeclared input %q", where, m[1])
			}
			used[m[1]] = true
		}
		for _, m := range stepRef.FindAllStringSubmatch(s, -1) {
			if !ids[m[1]] {
				t.Errorf("%s refers to step %q, which does not come before it", where, m[1])
			}
		}
	}
	for i, s := range a.Runs.Steps {
		where := "step " + s.ID
		if s.ID == "" {
			where = fmt.Sprintf("step #%d", i+1)
		}
		noteRefs(where+" if", s.If)
		for k, v := range s.Env {
			noteRefs(where+" env "+k, v)
			if strings.HasPrefix(k, "IISCFG_") {
				t.Errorf("%s env %s: iiscfg reads IISCFG_* variables as flag values", where, k)
			}
		}
		for k, v := range s.With {
			noteRefs(where+" with "+k, v)
		}
		switch {
		case s.Run != "":
			if s.Shell != "bash" {
				t.Errorf("%s: shell %q; composite steps need one, and bash is on every runner (Git Bash on Windows)", where, s.Shell)
			}
			// An expression inside run: is spliced into the script before
			// bash sees it: a quote in an input would become code.
			if m := expr.FindString(s.Run); m != "" {
				t.Errorf("%s: run: contains %s; pass it through env:", where, m)
			}
			for _, m := range regexp.MustCompile(`\$GITHUB_ACTION_PATH/(\S+?)"`).FindAllStringSubmatch(s.Run, -1) {
				if _, err := os.Stat(m[1]); err != nil {
					t.Errorf("%s runs %s, which is not in the repository", where, m[1])
				}
			}
		case s.Uses == "":
			t.Errorf("%s has neither run nor uses", where)
		}
		if s.ID != "" {
			ids[s.ID] = true
		}
	}
	for _, out := range a.Outputs {
		noteRefs("outputs", out.Value)
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %q is declared but never used", name)
		}
	}
}

// actionEnv runs the action's scripts with only the tools they need on
// PATH (no Go, unless fakeGo), a fake GitHub runner around them, and the
// releases of a local server: the test never reaches the network.
type actionEnv struct {
	t       *testing.T
	tmp     string
	path    string // PATH
	vars    map[string]string
	output  string // GITHUB_OUTPUT
	ghPath  string // GITHUB_PATH
	goLog   string // what the fake go was asked to do
	release *fakeReleases
}

type fakeReleases struct {
	mu       sync.Mutex
	files    map[string][]byte // URL path → body
	requests []string
}

func (f *fakeReleases) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.URL.Path)
	b, ok := f.files[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Write(b)
}

func newActionEnv(t *testing.T, withGo bool) *actionEnv {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the action's scripts are tested on Linux and macOS")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "path")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"bash", "sh", "curl", "tar", "gzip", "sha256sum", "shasum", "awk", "cut", "mktemp", "mkdir", "rm", "xargs", "printf", "cat", "cp", "env", "unzip", "dirname"} {
		if p, err := exec.LookPath(tool); err == nil {
			if err := os.Symlink(p, filepath.Join(bin, tool)); err != nil {
				t.Fatal(err)
			}
		} else if tool == "bash" || tool == "curl" || tool == "tar" {
			t.Skipf("%s is not installed", tool)
		}
	}
	e := &actionEnv{t: t, tmp: tmp, path: bin, output: filepath.Join(tmp, "github_output"), ghPath: filepath.Join(tmp, "github_path"), goLog: filepath.Join(tmp, "go.log"), release: &fakeReleases{files: map[string][]byte{}}}
	server := httptest.NewServer(e.release)
	t.Cleanup(server.Close)
	binary := buildReleaseBinary(t)
	if withGo {
		// go install, as far as the action can tell: the binary lands in $GOBIN.
		fake := "#!/bin/sh\necho \"$@\" >> \"$FAKE_GO_LOG\"\n[ \"$1\" = install ] && cp \"$FAKE_GO_BINARY\" \"$GOBIN/iiscfg\"\n"
		if err := os.WriteFile(filepath.Join(bin, "go"), []byte(fake), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	runnerOS := map[string]string{"linux": "Linux", "darwin": "macOS"}[runtime.GOOS]
	runnerArch := map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH]
	e.vars = map[string]string{
		"PATH": bin, "HOME": tmp, "RUNNER_TEMP": filepath.Join(tmp, "runner"), "RUNNER_OS": runnerOS, "RUNNER_ARCH": runnerArch,
		"GITHUB_OUTPUT": e.output, "GITHUB_PATH": e.ghPath, "RELEASES_URL": server.URL + "/releases",
		"FAKE_GO_LOG": e.goLog, "FAKE_GO_BINARY": binary,
	}
	if err := os.Mkdir(e.vars["RUNNER_TEMP"], 0o755); err != nil {
		t.Fatal(err)
	}
	return e
}

// publish puts a release on the fake server: this platform's archive,
// named as .goreleaser.yaml names it, and checksums.txt (with sum, or the
// archive's real sum when sum is "").
func (e *actionEnv) publish(urlDir string, sum string) string {
	e.t.Helper()
	c := readGoreleaser(e.t)
	name := archiveName(e.t, c, runtime.GOOS, runtime.GOARCH)
	exe, err := os.ReadFile(buildReleaseBinary(e.t))
	if err != nil {
		e.t.Fatal(err)
	}
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	tw.WriteHeader(&tar.Header{Name: "README.md", Mode: 0o644, Size: 2})
	tw.Write([]byte("hi"))
	tw.WriteHeader(&tar.Header{Name: "iiscfg", Mode: 0o755, Size: int64(len(exe))})
	tw.Write(exe)
	if err := tw.Close(); err != nil {
		e.t.Fatal(err)
	}
	gz.Close()
	if sum == "" {
		h := sha256.Sum256(buf.Bytes())
		sum = hex.EncodeToString(h[:])
	}
	e.release.files[urlDir+"/"+name] = buf.Bytes()
	e.release.files[urlDir+"/"+c.Checksum.NameTemplate] = []byte(strings.Repeat("0", 64) + "  iiscfg_plan9_amd64.tar.gz\n" + sum + "  " + name + "\n")
	return name
}

type scriptResult struct {
	code           int
	stdout, stderr string
	outputs        map[string]string
}

func (e *actionEnv) run(script string, vars ...string) scriptResult {
	e.t.Helper()
	os.Remove(e.output)
	env := []string{}
	for k, v := range e.vars {
		env = append(env, k+"="+v)
	}
	cmd := exec.Command(filepath.Join(e.path, "bash"), script)
	cmd.Env = append(env, vars...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := scriptResult{stdout: out.String(), stderr: errOut.String(), outputs: map[string]string{}}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			e.t.Fatal(err)
		}
		r.code = ee.ExitCode()
	}
	b, _ := os.ReadFile(e.output)
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			r.outputs[k] = v
		}
	}
	return r
}

func TestActionInstall(t *testing.T) {
	installed := func(e *actionEnv) string { return filepath.Join(e.vars["RUNNER_TEMP"], "iiscfg-bin", "iiscfg") }

	t.Run("a tagged release, checksum verified", func(t *testing.T) {
		for _, version := range []string{"v9.8.7", "9.8.7"} {
			e := newActionEnv(t, true)
			e.publish("/releases/download/v9.8.7", "")
			r := e.run("action/install.sh", "INSTALL_VERSION="+version)
			if r.code != 0 || r.outputs["source"] != "release" || r.outputs["path"] != installed(e) || !strings.Contains(r.stderr, "verified") {
				t.Fatalf("%s: %+v", version, r)
			}
			if !strings.HasPrefix(r.stdout, "iiscfg v9.8.7\n") {
				t.Errorf("the installed binary says %q", r.stdout)
			}
			if p, _ := os.ReadFile(e.ghPath); string(p) != filepath.Dir(installed(e))+"\n" {
				t.Errorf("GITHUB_PATH: %q", p)
			}
			if _, err := os.Stat(e.goLog); err == nil {
				t.Error("go was run although the release had a binary")
			}
		}
	})
	t.Run("latest", func(t *testing.T) {
		e := newActionEnv(t, false)
		e.publish("/releases/latest/download", "")
		if r := e.run("action/install.sh"); r.code != 0 || r.outputs["source"] != "release" {
			t.Fatalf("%+v", r)
		}
	})
	t.Run("a checksum mismatch installs nothing and does not fall back", func(t *testing.T) {
		e := newActionEnv(t, true)
		e.publish("/releases/download/v9.8.7", strings.Repeat("ab", 32))
		r := e.run("action/install.sh", "INSTALL_VERSION=v9.8.7")
		if r.code == 0 || !strings.Contains(r.stderr, "checksums.txt of v9.8.7 says abab") || !strings.Contains(r.stderr, "not installed") {
			t.Fatalf("%+v", r)
		}
		if _, err := os.Stat(installed(e)); err == nil {
			t.Error("the binary was installed")
		}
		if _, err := os.Stat(e.goLog); err == nil {
			t.Error("fell back to go install")
		}
	})
	t.Run("no binary for this runner: go install", func(t *testing.T) {
		e := newActionEnv(t, true)
		e.release.files["/releases/download/v9.8.7/checksums.txt"] = []byte(strings.Repeat("0", 64) + "  iiscfg_plan9_amd64.tar.gz\n")
		r := e.run("action/install.sh", "INSTALL_VERSION=v9.8.7")
		log, _ := os.ReadFile(e.goLog)
		if r.code != 0 || r.outputs["source"] != "go-install" || string(log) != "install github.com/iiscfg/iiscfg@v9.8.7\n" {
			t.Fatalf("%+v\ngo: %q", r, log)
		}
	})
	t.Run("an unknown runner architecture downloads nothing", func(t *testing.T) {
		e := newActionEnv(t, true)
		e.publish("/releases/latest/download", "")
		r := e.run("action/install.sh", "RUNNER_ARCH=X86")
		log, _ := os.ReadFile(e.goLog)
		if r.code != 0 || r.outputs["source"] != "go-install" || string(log) != "install github.com/iiscfg/iiscfg@latest\n" || len(e.release.requests) != 0 {
			t.Fatalf("%+v\ngo: %q\nrequests: %v", r, log, e.release.requests)
		}
	})
	t.Run("no such release and no Go", func(t *testing.T) {
		e := newActionEnv(t, false)
		r := e.run("action/install.sh", "INSTALL_VERSION=v0.0.1")
		if r.code == 0 || !strings.Contains(r.stderr, "actions/setup-go") {
			t.Fatalf("%+v", r)
		}
	})
	t.Run("a version that is not a tag", func(t *testing.T) {
		e := newActionEnv(t, true)
		r := e.run("action/install.sh", "INSTALL_VERSION=main; rm -rf /")
		if r.code == 0 || !strings.Contains(r.stderr, `not "main; rm -rf /"`) || len(e.release.requests) != 0 {
			t.Fatalf("%+v", r)
		}
	})
}

func TestActionRun(t *testing.T) {
	e := newActionEnv(t, false)
	bin := "RUN_BIN=" + buildReleaseBinary(t)
	examples := "RUN_PATH=testdata/examples"

	r := e.run("action/run.sh", bin, examples)
	if r.code != 0 || r.outputs["exit-code"] != "1" || strings.Count(r.stdout, "::error file=testdata/examples/") != 4 {
		t.Errorf("lint with findings, as annotations: %+v", r)
	}

	r = e.run("action/run.sh", bin, examples, "RUN_ARGS=lint --format text --fail-on none")
	if r.code != 0 || r.outputs["exit-code"] != "0" || strings.Contains(r.stdout, "::error") || !strings.Contains(r.stdout, "classic-http-modules") {
		t.Errorf("lint --format text --fail-on none: %+v", r)
	}

	sarif := filepath.Join(e.tmp, "out dir", "iiscfg.sarif")
	os.Mkdir(filepath.Dir(sarif), 0o755)
	r = e.run("action/run.sh", bin, examples, "RUN_SARIF="+sarif)
	var doc struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	b, err := os.ReadFile(sarif)
	if err != nil || json.Unmarshal(b, &doc) != nil || len(doc.Runs) != 1 || len(doc.Runs[0].Results) != 4 || r.outputs["exit-code"] != "1" || !strings.Contains(r.stdout, "::error") {
		t.Errorf("sarif: %v %+v\n%s", err, r, b)
	}

	r = e.run("action/run.sh", bin, "RUN_PATH=testdata/examples/web.config\n\ntestdata/examples/Reports/web.config\n", "RUN_ARGS=migrate --check")
	if r.outputs["exit-code"] != "1" || !strings.Contains(r.stderr, "2 files would change") {
		t.Errorf("migrate --check on two paths: %+v", r)
	}

	r = e.run("action/run.sh", bin, examples, "RUN_ARGS=migrate --check", "RUN_SARIF="+sarif)
	if r.code != 2 || r.outputs["exit-code"] != "2" || !strings.Contains(r.stderr, `sarif is a report of lint; args starts with "migrate"`) {
		t.Errorf("sarif with migrate: %+v", r)
	}

	pwned := filepath.Join(e.tmp, "pwned")
	r = e.run("action/run.sh", bin, examples, `RUN_ARGS=lint --format "text" --fail-on 'none' $(touch `+pwned+`) ~ *`)
	if _, err := os.Stat(pwned); err == nil {
		t.Error("args were run by the shell")
	}
	if !strings.Contains(r.stderr, "iiscfg lint --format text --fail-on none $(touch "+pwned+") ~ * testdata/examples") {
		t.Errorf("args not split as written: %+v", r)
	}

	r = e.run("action/run.sh", bin, examples, `RUN_ARGS=lint --fail-on "warning`)
	if r.code != 2 || !strings.Contains(r.stderr, "(unbalanced quotes?)") {
		t.Errorf("unbalanced quotes: %+v", r)
	}
	if !slices.Contains([]string{"2"}, r.outputs["exit-code"]) {
		t.Errorf("unbalanced quotes: exit-code output %q", r.outputs["exit-code"])
	}
}

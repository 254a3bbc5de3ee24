package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/iiscfg/iiscfg/cli"
)

// preCommitHook is a hook as pre-commit reads .pre-commit-hooks.yaml
// (https://pre-commit.com/#creating-new-hooks).
type preCommitHook struct {
	ID                      string   `yaml:"id"`
	Name                    string   `yaml:"name"`
	Description             string   `yaml:"description"`
	Entry                   string   `yaml:"entry"`
	Language                string   `yaml:"language"`
	Files                   string   `yaml:"files"`
	Types                   []string `yaml:"types"`
	PassFilenames           *bool    `yaml:"pass_filenames"`
	MinimumPreCommitVersion string   `yaml:"minimum_pre_commit_version"`
}

func readPreCommitHooks(t *testing.T) map[string]preCommitHook {
	t.Helper()
	b, err := os.ReadFile(".pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	byID := map[string]preCommitHook{}
	for _, h := range hooks {
		if h.ID == "" || h.Name == "" || h.Entry == "" || h.Language == "" {
			t.Errorf("hook %+v: id, name, entry and language are required", h)
		}
		if _, dup := byID[h.ID]; dup {
			t.Errorf("hook %s twice", h.ID)
		}
		byID[h.ID] = h
	}
	return byID
}

// TestPreCommitHooks: the hooks exist, pick the right files, and run
// iiscfg so that linting the staged files gives the answers of linting
// the folder.
func TestPreCommitHooks(t *testing.T) {
	hooks := readPreCommitHooks(t)
	matches := map[string]map[string]bool{
		"iiscfg-lint": {
			"web.config": true, "Web.config": true, "src/Shop/Web.Release.config": true, "WEB.DEBUG.CONFIG": true,
			"applicationHost.config": true, ".vs/config/applicationhost.config": true,
			"app.config": false, "web.config.bak": false, "Web.config/readme.md": false, "myweb.config": false, "packages.config": false,
		},
		"iiscfg-migrate-check": {
			"web.config": true, "src/Shop/Web.config": true,
			"Web.Release.config": false, "applicationHost.config": false, "app.config": false,
		},
	}
	for id, cases := range matches {
		h, ok := hooks[id]
		if !ok {
			t.Errorf("no hook %s", id)
			continue
		}
		if h.Language != "golang" {
			t.Errorf("%s: language %q; golang lets pre-commit build iiscfg from this repository", id, h.Language)
		}
		if h.PassFilenames != nil && !*h.PassFilenames {
			t.Errorf("%s: pass_filenames false; the hook checks the staged files", id)
		}
		if h.MinimumPreCommitVersion == "" {
			t.Errorf("%s: no minimum_pre_commit_version (language golang installs its own Go from 3.0.0)", id)
		}
		// pre-commit matches files with Python's re.search; this pattern
		// uses nothing that Go's regexp reads differently.
		re, err := regexp.Compile(h.Files)
		if err != nil {
			t.Errorf("%s: files: %v", id, err)
			continue
		}
		for name, want := range cases {
			if got := re.MatchString(name); got != want {
				t.Errorf("%s: files %s matches %q: %v, want %v", id, h.Files, name, got, want)
			}
		}
	}

	// What the lint hook sees, file by file, is what "iiscfg lint ." sees.
	lint := hooks["iiscfg-lint"]
	entry := strings.Fields(lint.Entry)
	if len(entry) < 2 || entry[0] != "iiscfg" {
		t.Fatalf("iiscfg-lint entry %q", lint.Entry)
	}
	re := regexp.MustCompile(lint.Files)
	for _, root := range []string{"testdata/examples", "testdata/site"} {
		t.Run(root, func(t *testing.T) {
			var staged []string
			filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				rel, _ := filepath.Rel(root, p)
				if err == nil && d.Type().IsRegular() && re.MatchString(filepath.ToSlash(rel)) {
					staged = append(staged, filepath.ToSlash(rel))
				}
				return err
			})
			if len(staged) == 0 {
				t.Fatal("no file matches")
			}
			t.Chdir(root)
			// pre-commit picks the files from git; the walk does not ask git
			// (which is not on every machine) here.
			flags := append(slices.Clone(entry[1:]), "--color", "never", "--no-gitignore")
			hook := runIn(append(flags, staged...)...)
			folder := runIn(append(flags, ".")...)
			// pre-commit passes paths with forward slashes, which iiscfg
			// echoes as given; a walk prints the platform's separator.
			hook, folder = filepath.ToSlash(hook), filepath.ToSlash(folder)
			if hook != folder {
				t.Errorf("the hook on %v:\n%s\nlint on the folder:\n%s", staged, hook, folder)
			}
			if !strings.Contains(hook, "exit 1") {
				t.Errorf("the fixture has findings, the hook found none:\n%s", hook)
			}
		})
	}
}

// runIn runs iiscfg in the current folder and returns its exit code and output.
func runIn(args ...string) string {
	var out, errOut bytes.Buffer
	code := cli.Main(append([]string{"iiscfg"}, args...), strings.NewReader(""), &out, &errOut)
	return fmt.Sprintf("exit %d\n%s%s", code, out.String(), errOut.String())
}

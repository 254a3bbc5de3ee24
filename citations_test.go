package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Code and docs cite the project's own docs/iis-behaviour.md by section,
// never research notes a clone does not have; every cited section exists.
func TestCitationsPointIntoTheProject(t *testing.T) {
	doc, err := os.ReadFile("docs/iis-behaviour.md")
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^#+ (\d+(?:\.\d+)?)\.? `).FindAllStringSubmatch(string(doc), -1) {
		sections[m[1]] = true
	}
	cite := regexp.MustCompile(`iis-behaviour\.md\)? §(\d+(?:\.\d+)?)`)
	outside := regexp.MustCompile(`\.\./shared/reference|appcmd-migrate\.md|stock-defaults\.md|iis-schema\.md|cli-conventions\.md`)
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		ext := filepath.Ext(path)
		if d.IsDir() || (ext != ".go" && ext != ".md" && ext != ".schema") || path == "citations_test.go" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if loc := outside.FindIndex(data); loc != nil {
			t.Errorf("%s cites %q, which a clone of the project does not have: cite docs/iis-behaviour.md", path, data[loc[0]:loc[1]])
		}
		for _, m := range cite.FindAllStringSubmatch(string(data), -1) {
			if !sections[m[1]] {
				t.Errorf("%s cites docs/iis-behaviour.md §%s, which has no such section", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

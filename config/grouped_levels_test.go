package config

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/schema"
)

// TestGroupedLevelsMatchMapOfPaths: sectionLevels through the document's
// index of location paths gives the levels that grouping every covering
// location tag by path, in a map sorted by depth, gives: for every
// section at every location path (and below it, in other letter case) of
// crafted files, the fixtures and the corpus, for the application and for
// a child application.
func TestGroupedLevelsMatchMapOfPaths(t *testing.T) {
	sources := map[string][]byte{
		"crafted": []byte(`<configuration><system.web><httpHandlers><add path="a" verb="*" type="t"/></httpHandlers></system.web>
<location path="."><system.web><httpHandlers><add path="b" verb="*" type="t"/></httpHandlers></system.web></location>
<location path="API/v1" inheritInChildApplications="false"><system.web><httpHandlers><clear/></httpHandlers></system.web></location>
<location path="api"><system.web><httpHandlers><add path="c" verb="*" type="t"/></httpHandlers></system.web></location>
<location path="api/V1"><system.web><httpHandlers><add path="d" verb="*" type="t"/></httpHandlers><httpModules/></system.web></location>
<location path="Api"><system.web><httpHandlers><add path="e" verb="*" type="t"/></httpHandlers></system.web></location>
<location path="" inheritInChildApplications="false"><system.web><httpHandlers><add path="f" verb="*" type="t"/></httpHandlers></system.web></location>
<location path="other"><system.web><httpHandlers><add path="g" verb="*" type="t"/></httpHandlers></system.web></location></configuration>`),
	}
	fixtures, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "lint", "*.config"))
	for _, f := range fixtures {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources[f] = data
	}
	if _, err := os.Stat(filepath.Join(testutil.RepoRoot(), "..", "shared", "corpus")); err == nil {
		files, _ := testutil.ReadCorpus(t)
		for _, f := range files {
			sources[f.Name] = f.Data
		}
	}
	var sections []string
	for p := range schema.Sections() {
		sections = append(sections, p)
	}
	sort.Strings(sections)
	compared := 0
	for name, data := range sources {
		d, err := Load(name, data)
		if err != nil || len(d.locations) == 0 {
			continue
		}
		rels := []string{""}
		for _, l := range d.locations {
			rels = append(rels, l.Path, l.Path+"/sub", strings.ToUpper(l.Path))
		}
		for _, section := range sections {
			for _, rel := range rels {
				for _, parentApp := range []bool{false, true} {
					got, want := d.sectionLevels(section, rel, parentApp), levelsByMap(d, section, rel, parentApp)
					compared++
					if !sameLevels(got, want) {
						t.Errorf("%s: %s at %q (parent application %v): %d levels, want %d", name, section, rel, parentApp, len(got), len(want))
					}
				}
			}
		}
	}
	if compared == 0 {
		t.Fatal("no file with location tags")
	}
}

// levelsByMap groups the covering location tags (found by scanning) by
// lower-cased path in a map and sorts the paths by depth.
func levelsByMap(d *Document, section, rel string, parentApp bool) []Level {
	rel = NormalizeLocationPath(rel)
	own := d.OwnSection(section)
	byPath := map[string][]*etree.Element{"": own}
	paths := []string{""}
	for _, loc := range d.locations {
		if !PathCovers(loc.Path, rel) || parentApp && strings.EqualFold(loc.Elem.SelectAttrValue("inheritInChildApplications", ""), "false") {
			continue
		}
		key := strings.ToLower(loc.Path)
		if _, seen := byPath[key]; !seen {
			paths = append(paths, key)
		}
		byPath[key] = append(byPath[key], findSection(loc.Elem, section)...)
	}
	sort.SliceStable(paths, func(i, j int) bool { return depth(paths[i]) < depth(paths[j]) })
	var out []Level
	for _, p := range paths {
		if els := byPath[p]; len(els) > 0 {
			if p != "" {
				sortByDocumentOrder(d, els)
			}
			out = append(out, Level{Doc: d, Location: p, Elems: els})
		}
	}
	return out
}

func sameLevels(a, b []Level) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Doc != b[i].Doc || a[i].Location != b[i].Location || len(a[i].Elems) != len(b[i].Elems) {
			return false
		}
		for j := range a[i].Elems {
			if a[i].Elems[j] != b[i].Elems[j] {
				return false
			}
		}
	}
	return true
}

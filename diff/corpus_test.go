package diff_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/diff"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/migrate"
	"github.com/iiscfg/iiscfg/schema"
)

// TestCorpusDiffOfMigrationIsThePlan migrates every corpus web.config and
// checks that the semantic diff of the file against its migrated self
// lists exactly the changes the migration planned, and nothing else.
func TestCorpusDiffOfMigrationIsThePlan(t *testing.T) {
	dir, files := testutil.CorpusFiles(t)
	checked := 0
	for _, rel := range files {
		if !strings.HasPrefix(filepath.ToSlash(rel), "webconfig/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := config.Load(rel, data)
		if err != nil || doc.Kind() != config.KindWebConfig {
			continue
		}
		res, err := migrate.Migrate(doc, migrate.DefaultOptions(schema.V40))
		if err != nil {
			continue // refusals are migrate's tests' business
		}
		want := map[string]bool{}
		for _, p := range res.Plan {
			want[plannedKey(p)] = true
		}
		got := map[string]bool{}
		for _, c := range diff.Semantic(doc, res.Doc, diff.Options{}) {
			got[changeKey(c)] = true
		}
		if missing, extra := setDiff(want, got), setDiff(got, want); len(missing)+len(extra) > 0 {
			t.Errorf("%s:\n  planned but not in the diff: %v\n  in the diff but not planned: %v", rel, missing, extra)
		}
		checked++
	}
	if checked < 50 {
		t.Errorf("only %d corpus files checked", checked)
	}
}

func scope(loc string) string {
	if loc == "" {
		return ""
	}
	return fmt.Sprintf("location[@path='%s']/", loc)
}

func plannedKey(p migrate.Planned) string {
	path := scope(p.Location) + p.Section
	switch p.Op {
	case "add":
		return "added " + path + " add[@name='" + p.Key + "']"
	case "remove":
		return "added " + path + " remove[@name='" + p.Key + "']"
	case "delete":
		return "removed " + path + " add[@name='" + p.Key + "']"
	case "set":
		return "set " + path + " @" + p.Key + "=" + p.Value
	}
	return p.Op + " " + path
}

func changeKey(c diff.Change) string {
	if c.Attr != "" && c.Entry == "" && (c.Kind == diff.Added || c.Kind == diff.Changed) {
		return "set " + c.Path + " @" + c.Attr + "=" + c.New
	}
	return c.Kind.String() + " " + c.Path + " " + c.Entry
}

func setDiff(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

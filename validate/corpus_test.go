package validate_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

var update = flag.Bool("update", false, "rewrite golden files (new lines are marked UNCHECKED)")

// corpusFindings lints every corpus file alone, as an application root in an
// Integrated .NET 4.0 pool, and returns "file:line:col rule" per finding.
func corpusFindings(t *testing.T, rules ...string) []string {
	return corpusFindingsOn(t, schema.DefaultServer(), rules...)
}

// corpusFindingsOn is corpusFindings against a server profile.
func corpusFindingsOn(t *testing.T, profile *schema.ServerProfile, rules ...string) []string {
	dir, files := testutil.CorpusFiles(t)
	var out []string
	for _, rel := range files {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := config.Load(filepath.ToSlash(rel), data)
		if err != nil {
			continue // the malformed fixture; config's tests cover it
		}
		ctx := validate.DefaultContext(schema.V40)
		ctx.Profile = profile
		ctx.Enabled = func(r *validate.Rule) bool {
			for _, n := range rules {
				if r.Name == n {
					return true
				}
			}
			return false
		}
		for _, f := range validate.Lint(doc, ctx) {
			out = append(out, fmt.Sprintf("%s:%d:%d %s", f.File, f.Start.Line, f.Start.Column, f.Rule.Name))
		}
	}
	sort.Strings(out)
	return out
}

// checkCorpusGolden compares findings with a hand-checked corpus golden.
func checkCorpusGolden(t *testing.T, golden string, got []string) {
	t.Helper()
	testutil.CheckCorpusGolden(t, golden, got, *update)
}

func TestCorpusIntegratedModeFindings(t *testing.T) {
	got := corpusFindings(t, "classic-http-modules", "classic-http-handlers", "classic-impersonation")
	checkCorpusGolden(t, "integrated-mode-findings.txt", got)
}

func TestCorpusPreconditionFindings(t *testing.T) {
	got := corpusFindings(t, "dead-precondition", "unknown-precondition")
	checkCorpusGolden(t, "precondition-findings.txt", got)
}

func TestCorpusSchemaFindings(t *testing.T) {
	got := corpusFindings(t, "unknown-element", "unknown-attribute", "invalid-value", "missing-required-attribute",
		"duplicate-collection-key", "duplicate-section", "unsupported-collection-directive", "locked-section",
		"undeclared-section", "misplaced-section", "module-not-installed")
	checkCorpusGolden(t, "schema-findings.txt", got)
}

func TestCorpusDriftFindings(t *testing.T) {
	got := corpusFindings(t, "classic-entry-not-migrated", "invalid-root-element", "add-without-remove")
	checkCorpusGolden(t, "drift-findings.txt", got)
}

// TestCorpusNamedServerFindings: the corpus linted against a server named
// with --server iis10, where missing add-ons are errors and role services'
// sections are judged too.
func TestCorpusNamedServerFindings(t *testing.T) {
	iis10, err := schema.ParseServer("iis10")
	if err != nil {
		t.Fatal(err)
	}
	got := corpusFindingsOn(t, iis10, "module-not-installed", "feature-not-installed", "locked-section")
	checkCorpusGolden(t, "server-findings.txt", got)
}

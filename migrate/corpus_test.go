package migrate_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/migrate"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

var update = flag.Bool("update", false, "rewrite golden files")

func corpusWebConfigs(t *testing.T) []*config.Document {
	dir, files := testutil.CorpusFiles(t)
	var docs []*config.Document
	for _, rel := range files {
		if !strings.HasPrefix(rel, "webconfig"+string(filepath.Separator)) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := config.Load(filepath.ToSlash(rel), data)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		if doc.Kind() == config.KindWebConfig {
			docs = append(docs, doc)
		}
	}
	return docs
}

// TestCorpusMigration migrates every corpus web.config and checks what a
// user relies on: the output parses, a second run changes nothing, IIS
// would no longer answer 500.22/500.23, and only system.webServer (and,
// with --clear, the migrated sections) changed.
func TestCorpusMigration(t *testing.T) {
	docs := corpusWebConfigs(t)
	var summary []string
	for _, mode := range []struct {
		name string
		set  func(*migrate.Options)
	}{
		{"best", func(*migrate.Options) {}},
		{"appcmd", func(o *migrate.Options) { o.Compat = migrate.Appcmd }},
		{"best --clear", func(o *migrate.Options) { o.Clear = true }},
	} {
		for _, doc := range docs {
			opts := migrate.DefaultOptions(schema.V40)
			mode.set(&opts)
			res, err := migrate.Migrate(doc, opts)
			if want, refused := refusedCorpusFiles[doc.Path]; refused {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("%s [%s]: want the refusal %q, got %v", doc.Path, mode.name, want, err)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s [%s]: %v", doc.Path, mode.name, err)
				continue
			}
			out := res.Doc.Bytes()
			reparsed, err := config.Load(doc.Path, out)
			if err != nil {
				t.Errorf("%s [%s]: output does not parse: %v", doc.Path, mode.name, err)
				continue
			}
			again, err := migrate.Migrate(reparsed, opts)
			if err != nil || again.Changed {
				t.Errorf("%s [%s]: migrating again changes the file (err %v)", doc.Path, mode.name, err)
			}
			allowed := []string{"system.webServer"}
			if opts.Clear {
				allowed = append(allowed, "system.web/httpModules", "system.web/httpHandlers")
			}
			if bad := changedOutside(doc, reparsed, allowed); bad != "" {
				t.Errorf("%s [%s]: the migration changed a line outside %v: %q", doc.Path, mode.name, allowed, bad)
			}
			// appcmd leaves 500.22/500.23 where nothing changed (reference
			// case 7); iiscfg's own mode must not.
			if opts.Compat == migrate.Best {
				ctx := validate.DefaultContext(schema.V40)
				ctx.Enabled = validate.OnlyRules("classic-http-modules", "classic-http-handlers")
				for _, f := range validate.Lint(reparsed, ctx) {
					t.Errorf("%s [%s]: still %s at %d:%d: %s", doc.Path, mode.name, f.Rule.Name, f.Start.Line, f.Start.Column, f.Message)
				}
			}
			// The migration must not make the file invalid for IIS: no
			// schema finding the original did not have (duplicate keys,
			// unknown attributes, required attributes).
			if before, after := schemaFindings(doc), schemaFindings(reparsed); len(after) > len(before) {
				t.Errorf("%s [%s]: the migration adds schema findings: %v (before: %v)", doc.Path, mode.name, after, before)
			}
			if mode.name == "best" {
				summary = append(summary, fmt.Sprintf("%s\tmodules +%d -%d\thandlers +%d -%d\tvalidation %v",
					doc.Path, res.ModulesAdded, res.ModulesRemoved, res.HandlersAdded, res.HandlersRemoved, res.ValidationWritten))
			}
		}
	}
	sort.Strings(summary)
	golden := filepath.Join(testutil.RepoRoot(), "testdata", "corpus", "migrate-summary.tsv")
	got := "# iiscfg migrate (best mode, v4.0 pool) on every corpus web.config: what it writes.\n" +
		"# +N: <add> written; -N: <remove> written or local <add> deleted.\n" + strings.Join(summary, "\n") + "\n"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(golden); err != nil || string(want) != got {
		t.Errorf("%s differs (go test ./migrate -run Corpus -update rewrites it):\n%s", golden, got)
	}
}

// schemaFindings lints a document with the schema rules only.
func schemaFindings(doc *config.Document) []string {
	ctx := validate.DefaultContext(schema.V40)
	ctx.Enabled = func(r *validate.Rule) bool { return strings.HasPrefix(r.Code, "IC2") }
	var out []string
	for _, f := range validate.Lint(doc, ctx) {
		out = append(out, fmt.Sprintf("%d:%d %s: %s", f.Start.Line, f.Start.Column, f.Rule.Name, f.Message))
	}
	return out
}

// refusedCorpusFiles are corpus files migrate must refuse, with why.
var refusedCorpusFiles = map[string]string{
	// Two top-level <system.webServer> blocks both define <modules> and
	// <handlers>: IIS answers 500.19 ("duplicate section"), and there is no
	// single place to write to.
	"webconfig/uohull__clif-sharepoint__Config_web.config": "system.webServer/modules appears more than once at the application level",
}

// changedOutside compares the two files with the elements of the allowed
// sections cut out (whole lines, as RemoveElement cuts them) and returns
// the first line where they differ, or "".
func changedOutside(before, after *config.Document, sections []string) string {
	a, b := strip(before, sections), strip(after, sections)
	if a == b {
		return ""
	}
	al, bl := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return al[i] + " / " + bl[i]
		}
	}
	return "(length)"
}

func strip(d *config.Document, sections []string) string {
	f := d.Fork()
	var elems []*etree.Element
	for _, s := range sections {
		elems = append(elems, f.SectionElements(s)...)
	}
	for _, e := range elems {
		if !nested(e, elems) {
			if err := f.RemoveElement(e); err != nil {
				panic(err)
			}
		}
	}
	return string(f.EditedText())
}

func nested(e *etree.Element, in []*etree.Element) bool {
	for p := e.Parent(); p != nil; p = p.Parent() {
		for _, o := range in {
			if o == p {
				return true
			}
		}
	}
	return false
}

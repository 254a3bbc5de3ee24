package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/validate"
)

// Every flag of every command is documented in README.md, in the command's
// section (from its "## `iiscfg CMD`" heading to the next "## " heading)
// or, for flags several commands share, anywhere in README.md.
func TestEveryFlagInREADME(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	app := newApp(&env{})
	for _, cmd := range app.Commands {
		for _, f := range cmd.Flags {
			name := f.Names()[0]
			if name == "help" {
				continue
			}
			if !strings.Contains(readme, "--"+name) {
				t.Errorf("iiscfg %s --%s is not documented in README.md: add it to the usage line of the `iiscfg %s` section (and say what it does)", cmd.Name, name, cmd.Name)
			}
		}
	}
	for _, f := range app.Flags {
		if name := f.Names()[0]; !strings.Contains(readme, "--"+name) {
			t.Errorf("iiscfg --%s is not documented in README.md: add it next to `iiscfg version` in the Install section", name)
		}
	}
}

// Every rule has its row, with its name and severity, in one of README.md's
// rule tables (`| IC101 | `classic-http-modules` | error | ...`): `iiscfg
// rules` calls the list stable, so the README must not lag behind it.
func TestEveryRuleInREADME(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, r := range validate.Rules() {
		row := "| " + r.Code + " | `" + r.Name + "` | " + r.Severity.String() + " |"
		if !strings.Contains(readme, row) {
			t.Errorf("README.md has no rules-table row starting %q", row)
		}
	}
}

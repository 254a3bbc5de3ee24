package schema

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

// Section schemas. Facts from IIS's IIS_schema.xml and ASPNET_schema.xml as
// summarised in docs/iis-behaviour.md §11 (section by section),
// and registrations from §2.4 and §2.8; written here in our own form.

//go:embed data/*.schema
var builtinFiles embed.FS

// builtin is every section iiscfg knows: described ones (with a Root) and
// ones only declared (Root nil), keyed by path.
var builtin = loadBuiltin()

func loadBuiltin() map[string]*Section {
	out := map[string]*Section{}
	files, _ := fs.Glob(builtinFiles, "data/*.schema")
	for _, f := range files {
		data, _ := builtinFiles.ReadFile(f)
		secs, err := parseSchemaText(f, string(data))
		if err != nil {
			panic(err) // the embedded data is tested; this is a build mistake
		}
		for p, s := range secs {
			if _, dup := out[p]; dup {
				panic("schema: section " + p + " in two data files")
			}
			out[p] = s
		}
	}
	return out
}

// Lookup returns the schema of a described section, or nil.
func Lookup(path string) *Section {
	if s := builtin[path]; s != nil && s.Root != nil {
		return s
	}
	return nil
}

// Declared returns the registration of a section a stock server declares
// (described or not), or nil.
func Declared(path string) *Section { return builtin[path] }

// Sections lists every described section.
func Sections() map[string]*Section {
	out := map[string]*Section{}
	for p, s := range builtin {
		if s.Root != nil {
			out[p] = s
		}
	}
	return out
}

// IsGroup reports whether path is a section group of a section iiscfg
// knows ("system.webServer", "system.webServer/security").
func IsGroup(path string) bool { return groups[path] }

var groups = func() map[string]bool {
	out := map[string]bool{}
	for p := range builtin {
		for i := strings.IndexByte(p, '/'); i >= 0; i = nextSlash(p, i) {
			out[p[:i]] = true
		}
	}
	return out
}()

func nextSlash(s string, i int) int {
	j := strings.IndexByte(s[i+1:], '/')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// The sections the migration and the Integrated-mode rules work with.
var (
	HTTPModules  = mustLookup("system.web/httpModules")
	HTTPHandlers = mustLookup("system.web/httpHandlers")
	Identity     = mustLookup("system.web/identity")
	Modules      = mustLookup("system.webServer/modules")
	Handlers     = mustLookup("system.webServer/handlers")
	Validation   = mustLookup("system.webServer/validation")
)

func mustLookup(path string) *Section {
	s := Lookup(path)
	if s == nil {
		panic("schema: no section " + path)
	}
	return s
}

// ApplicationOnlySections are the sections registered with
// allowDefinition="MachineToApplication" (schema/data, from the .NET 4
// machine.config and IIS's applicationHost.config): ASP.NET and IIS refuse
// them in a subfolder's web.config, so a web.config that has one is an
// application's root.
var ApplicationOnlySections = func() []string {
	var out []string
	for p, s := range builtin {
		if s.AllowDefinition == "MachineToApplication" {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}()

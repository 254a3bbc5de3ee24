package config

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// foldKey must be equal exactly when strings.EqualFold is true: the
// look-ups by name replace scans that compared with EqualFold.
func TestFoldKeyIsEqualFold(t *testing.T) {
	words := []string{"", "a", "A", "Default Web Site", "DEFAULT web site", "k", "K", "\u212a", "s", "S", "\u017f",
		"straße", "STRASSE", "Straße", "ǅ", "ǆ", "Ǆ", "İ", "i", "ı", "σ", "ς", "Σ", "Ω", "\u2126", "ω", "/app/Sub", "/APP/sub", "\xff", "\xfe"}
	for _, a := range words {
		for _, b := range words {
			if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
				t.Errorf("%q, %q: same key %v, EqualFold %v", a, b, got, want)
			}
		}
	}
}

func TestLookupsFirstOfEqualNames(t *testing.T) {
	doc := MustLoad("applicationHost.config", []byte(`<configuration><system.applicationHost>
<applicationPools><add name="Pool" /><add name="POOL" managedPipelineMode="Classic" /></applicationPools>
<sites>
<site name="Web" id="1"><application path="/a"><virtualDirectory path="/" physicalPath="C:\first" /></application>
<application path="/A/"><virtualDirectory path="/" physicalPath="C:\second" /></application>
<application path="/"><virtualDirectory path="/" physicalPath="C:\root" /></application></site>
<site name="WEB" id="2"><application path="/"><virtualDirectory path="/" physicalPath="C:\other" /></application></site>
</sites></system.applicationHost></configuration>`))
	h, err := NewAppHost(doc)
	if err != nil {
		t.Fatal(err)
	}
	if p := h.Pool("pool"); p == nil || p.Classic {
		t.Errorf("pool: %+v, want the first", p)
	}
	if s := h.Site("web"); s == nil || s.ID != "1" {
		t.Errorf("site: %+v, want the first", s)
	}
	for path, want := range map[string]string{"web/A": `C:\first`, "Web": `C:\root`, "web/": `C:\root`, "web/a/x": "", "nosite/a": ""} {
		app := h.App(path)
		if (app == nil) != (want == "") || app != nil && app.VDirs[0].PhysicalPath != want {
			t.Errorf("App(%q): %v, want %s", path, app, want)
		}
	}
	for id, want := range map[string]string{"web/a/x": `C:\first\x`, "Web/ax": `C:\root\ax`, "WEB/": `C:\root`} {
		if r, err := h.Resolve(id); err != nil || r.PhysicalPath != want {
			t.Errorf("%s: %v, %v; want %s", id, r, err, want)
		}
	}
}

// The indexed look-ups against the scans they replace, on random sites
// with nested applications, paths equal but for case, and duplicates.
func TestIndexedLookupsAgainstScans(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	segs := []string{"a", "A", "b", "shop", "SHOP", "Shop", "ß"}
	randomPath := func() string {
		var b strings.Builder
		for n := rng.IntN(4); n > 0; n-- {
			b.WriteString("/" + segs[rng.IntN(len(segs))])
		}
		if b.Len() == 0 {
			return "/"
		}
		return b.String()
	}
	for round := 0; round < 200; round++ {
		var x strings.Builder
		x.WriteString(`<configuration><system.applicationHost><sites>`)
		for s := 0; s < 2; s++ {
			fmt.Fprintf(&x, `<site name="S%d" id="%d">`, s, s+1)
			for a := rng.IntN(8); a >= 0; a-- {
				fmt.Fprintf(&x, `<application path="%s"><virtualDirectory path="/" physicalPath="C:\%d" /></application>`, randomPath(), a)
			}
			x.WriteString(`</site>`)
		}
		x.WriteString(`</sites></system.applicationHost></configuration>`)
		h, err := NewAppHost(MustLoad("applicationHost.config", []byte(x.String())))
		if err != nil {
			t.Fatal(err)
		}
		for _, app := range h.Apps() {
			var want []*App
			for _, other := range h.Apps() {
				if other != app && other.Site == app.Site && PathCovers(app.ConfigPath(), other.ConfigPath()) {
					want = append(want, other)
				}
			}
			if got := h.AppsBelow(app); !slices.Equal(got, want) {
				t.Fatalf("%s\nbelow %s: %v, want %v", x.String(), app.Name(), names(got), names(want))
			}
		}
		for _, site := range h.Sites {
			url := randomPath()
			var want *App
			for _, a := range site.Apps {
				if (a.Path == "/" || PathCovers(a.Path, url)) && (want == nil || len(a.Path) > len(want.Path)) {
					want = a
				}
			}
			got, ok := longestPrefix(site.apps, url)
			if want == nil && ok || want != nil && got != want {
				t.Fatalf("%s\n%s%s: %v, want %v", x.String(), site.Name, url, got, want)
			}
		}
	}
}

func names(apps []*App) []string {
	var out []string
	for _, a := range apps {
		out = append(out, a.Name())
	}
	return out
}

// locationsCovering against the scan it replaces: the same tags, by depth
// then in document order.
func TestLocationsCoveringAgainstScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	segs := []string{"Site", "site", "a", "A", "b", ".", "ß"}
	randomPath := func() string {
		var parts []string
		for n := rng.IntN(4); n > 0; n-- {
			parts = append(parts, segs[rng.IntN(len(segs))])
		}
		return strings.Join(parts, "/")
	}
	for round := 0; round < 300; round++ {
		var x strings.Builder
		x.WriteString("<configuration>")
		for n := rng.IntN(12); n > 0; n-- {
			fmt.Fprintf(&x, `<location path="%s"><system.web /></location>`, randomPath())
		}
		x.WriteString("</configuration>")
		d := MustLoad("applicationHost.config", []byte(x.String()))
		rel := NormalizeLocationPath(randomPath())
		var want []Location
		for _, l := range d.Locations() {
			if PathCovers(l.Path, rel) {
				want = append(want, l)
			}
		}
		slices.SortStableFunc(want, func(a, b Location) int { return depth(a.Path) - depth(b.Path) })
		if got := d.LocationsCovering(rel); !slices.Equal(got, want) {
			t.Fatalf("%s\n%q: %v, want %v", x.String(), rel, got, want)
		}
		var below []Location
		for _, l := range d.Locations() {
			if PathCovers(rel, l.Path) {
				below = append(below, l)
			}
		}
		if got := d.LocationsBelow(rel); !slices.Equal(got, below) {
			t.Fatalf("%s\nbelow %q: %v, want %v", x.String(), rel, got, below)
		}
	}
}

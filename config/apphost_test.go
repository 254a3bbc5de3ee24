package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/internal/testutil"
	"github.com/iiscfg/iiscfg/schema"
)

func loadAppHost(t *testing.T, path string) *config.AppHost {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := config.NewAppHost(config.MustLoad(path, data))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestResolve(t *testing.T) {
	h := loadAppHost(t, filepath.Join(testutil.RepoRoot(), "testdata", "apphost", "resolve.config"))
	tests := []struct {
		id, app, pool, phys string
	}{
		{"Main/", "Main/", "DefaultAppPool", `%SystemDrive%\inetpub\main`},
		{"Main", "Main/", "DefaultAppPool", `%SystemDrive%\inetpub\main`},                   // no trailing slash: the root application
		{"main/shop", "Main/shop", "Classic", `D:\shop`},                                    // names are case-insensitive
		{"Main/shop/", "Main/shop", "Classic", `D:\shop`},                                   // trailing slash
		{"Main/shopping", "Main/", "DefaultAppPool", `%SystemDrive%\inetpub\main\shopping`}, // prefixes are whole segments
		{"Main/shop/admin", "Main/shop/admin", "DefaultAppPool", `D:\shop-admin`},           // nested application, path written with a slash
		{"Main/shop/admin/x/y", "Main/shop/admin", "DefaultAppPool", `D:\shop-admin\x\y`},
		{"Main/shop/cart", "Main/shop", "Classic", `D:\shop\cart`},
		{"Main/SHOP/Cart", "Main/shop", "Classic", `D:\shop\Cart`}, // the rest is cut by segments, whatever the case
		{"Main/Media/VIDEO/a.mp4", "Main/", "DefaultAppPool", `D:\video\a.mp4`},
		{"Main/media/img", "Main/", "DefaultAppPool", `\\fileserver\media\img`}, // longest virtual directory
		{"Main/media/video/a.mp4", "Main/", "DefaultAppPool", `D:\video\a.mp4`},
		{"Main/orphan", "Main/orphan", "Gone", `D:\orphan`},          // a pool the file lacks
		{"Other Site/x", "Other Site/", "SiteDefault", `D:\other\x`}, // site-level applicationDefaults
	}
	for _, tc := range tests {
		r, err := h.Resolve(tc.id)
		if err != nil {
			t.Errorf("%s: %v", tc.id, err)
			continue
		}
		if r.App.Name() != tc.app || r.App.PoolName != tc.pool || r.PhysicalPath != tc.phys {
			t.Errorf("%s: app %q pool %q path %q; want %q %q %q", tc.id, r.App.Name(), r.App.PoolName, r.PhysicalPath, tc.app, tc.pool, tc.phys)
		}
	}
	if _, err := h.Resolve("Nope/"); err == nil || !strings.Contains(err.Error(), `no site "Nope"`) {
		t.Errorf("unknown site: %v", err)
	}
	if h.Pool("Gone") != nil {
		t.Error("a pool that is not defined was found")
	}
	shop := h.Pool("classic")
	if shop == nil || !shop.Classic || shop.Runtime != schema.V20 {
		t.Errorf("pool Classic: %+v", shop)
	}
	if p := h.Pool("DefaultAppPool"); p.Classic || p.Runtime != schema.V40 {
		t.Errorf("applicationPoolDefaults not applied: %+v", p)
	}
	r, _ := h.Resolve("Main/shop")
	if r.VDir.AllowSubDirConfig {
		t.Error("allowSubDirConfig=false not read")
	}
}

func TestExpandVarsAndPathMap(t *testing.T) {
	env := func(k string) string {
		if k == "SITES" {
			return `E:\sites`
		}
		return ""
	}
	if got := config.ExpandVars(`%SystemDrive%\inetpub\%SITES%\%UNKNOWN%\x`, env); got != `C:\inetpub\E:\sites\%UNKNOWN%\x` {
		t.Errorf("ExpandVars: %q", got)
	}
	m := config.PathMap{{From: `C:\inetpub\wwwroot`, To: "./site"}, {From: `c:/inetpub/wwwroot/app`, To: "/srv/app/"},
		{From: `D:\İstanbul`, To: "ist"}}
	for in, want := range map[string]string{
		`C:\inetpub\wwwroot`:       "./site",
		`C:\Inetpub\WWWROOT\a\b`:   "./site/a/b",
		`C:\inetpub\wwwroot\app\x`: "/srv/app/x", // the longest prefix wins
		`C:\inetpub\wwwroot2`:      `C:\inetpub\wwwroot2`,
		`D:\elsewhere`:             `D:\elsewhere`,
		// Regression: İ is longer in bytes lower-cased; the rest was cut by that length.
		`D:\İstanbul\web`: "ist/web",
		`D:\İ`:            `D:\İ`,
	} {
		if got, _ := m.Map(in); got != want {
			t.Errorf("Map(%q) = %q, want %q", in, got, want)
		}
	}
	if _, _, err := config.ParsePathMapping("no-equals"); err == nil {
		t.Error("bad mapping accepted")
	}
}

func TestIIS7RuntimeDefault(t *testing.T) {
	mk := func(sections string) *config.AppHost {
		src := `<configuration><configSections><sectionGroup name="system.webServer">` + sections +
			`</sectionGroup></configSections><system.applicationHost><applicationPools><add name="P"/></applicationPools></system.applicationHost></configuration>`
		h, err := config.NewAppHost(config.MustLoad("applicationHost.config", []byte(src)))
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	if p := mk(`<section name="handlers"/>`).Pool("P"); p.Runtime != schema.V20 {
		t.Errorf("IIS 7.x (no webSocket section): runtime %q, want v2.0", p.Runtime)
	}
	if p := mk(`<section name="handlers"/><section name="webSocket"/>`).Pool("P"); p.Runtime != "" {
		t.Errorf("IIS 8+: runtime %q, want none", p.Runtime)
	}
}

// corpusMissingPools are applications of the corpus whose pool the file
// does not define (IIS cannot start them; "iiscfg apps" says "missing pool").
var corpusMissingPools = map[string]bool{
	"NCIOCPL__pubslocator__applicationHost.config pert-ncidc.lmbps.com/":             true, // pool pubssp.lmbps.com
	"NCIOCPL__pubslocator__applicationHost.config pert-ncidc.lmbps.com/_vti_bin/sts": true, // SharePoint's SecurityTokenServiceApplicationPool
	"NCIOCPL__pubslocator__applicationHost.config pubstraining.cancer.gov/guamtest":  true, // pool GuamTest
}

// TestCorpusAppHosts: every applicationHost.config of the corpus loads (the
// malformed one with its position), and every application resolves to a
// pool and a path.
func TestCorpusAppHosts(t *testing.T) {
	dir := testutil.CorpusDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "applicationhost", "*"))
	apps := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel := "applicationhost/" + filepath.Base(f)
		doc, err := config.Load(rel, data)
		if _, bad := malformedCorpusFiles[rel]; bad {
			if err == nil || !strings.Contains(err.Error(), ":1134:1: ") {
				t.Errorf("%s: want an error at 1134:1, got %v", rel, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		h, err := config.NewAppHost(doc)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		for _, a := range h.Apps() {
			apps++
			r, err := h.Resolve(a.Name())
			if err != nil {
				t.Errorf("%s: %s: %v", rel, a.Name(), err)
				continue
			}
			if r.App != a || r.PhysicalPath == "" || a.PoolName == "" {
				t.Errorf("%s: %s resolves to app %s, path %q, pool %q", rel, a.Name(), r.App.Name(), r.PhysicalPath, a.PoolName)
			}
			if missing := h.Pool(a.PoolName) == nil; missing != corpusMissingPools[filepath.Base(f)+" "+a.Name()] {
				t.Errorf("%s: %s: pool %q defined: %v", rel, a.Name(), a.PoolName, !missing)
			}
		}
	}
	if apps < 100 {
		t.Errorf("only %d applications", apps)
	}
}

package schema

import (
	"slices"
	"strings"
	"testing"
)

func TestParseRuntime(t *testing.T) {
	for in, want := range map[string]Runtime{"v4.0": V40, "4.0": V40, "4": V40, "v4.0.30319": V40, "V2.0": V20, "2.0.50727": V20, "v1.1": V11} {
		if got, err := ParseRuntime(in); err != nil || got != want {
			t.Errorf("ParseRuntime(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "v3.5", "4.5", "latest"} {
		if _, err := ParseRuntime(bad); err == nil {
			t.Errorf("ParseRuntime(%q) accepted", bad)
		}
	}
	if V40.Token() != "runtimeVersionv4.0" {
		t.Error(V40.Token())
	}
}

// The stock lists carry the counts and invariants docs/iis-behaviour.md §12 states.
func TestStockLists(t *testing.T) {
	counts := map[string]int{
		"v4.0 httpModules": len(RootHTTPModules(V40)), "v4.0 httpHandlers": len(RootHTTPHandlers(V40)),
		"v2.0 httpModules": len(RootHTTPModules(V20)), "v2.0 httpHandlers": len(RootHTTPHandlers(V20)),
		"modules": len(AppHostModules(false)), "handlers": len(AppHostHandlers(false)),
	}
	want := map[string]int{"v4.0 httpModules": 14, "v4.0 httpHandlers": 57, "v2.0 httpModules": 12,
		"v2.0 httpHandlers": 46, "modules": 26, "handlers": 44}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%s: %d entries, want %d", k, counts[k], n)
		}
	}
	for _, list := range [][]Entry{RootHTTPHandlers(V20), RootHTTPHandlers(V40)} {
		last := list[len(list)-1]
		if last.Value("path") != "*" || last.Value("type") != "System.Web.HttpMethodNotAllowedHandler" {
			t.Errorf("the catch-all handler is not last: %v", last)
		}
	}
	h := AppHostHandlers(true)
	if len(h) != 44+29 || h[len(h)-1].Value("name") != "StaticFile" {
		t.Errorf("with .NET 3.5: %d handlers, last %v", len(h), h[len(h)-1])
	}
	seen := map[string]bool{}
	for _, e := range h {
		if seen[e.Value("name")] {
			t.Errorf("duplicate handler name %s", e.Value("name"))
		}
		seen[e.Value("name")] = true
	}
	if m := AppHostModules(true); m[len(m)-1].Value("name") != "ServiceModel" {
		t.Errorf("the WCF 3.0 module is missing")
	}
}

func TestStockListsData(t *testing.T) {
	for _, p := range StockListPaths {
		iis := StockList(p, "iis10")
		express := StockList(p, "iisexpress")
		if len(iis) == 0 || len(express) == 0 {
			t.Errorf("%s: %d IIS 10 entries, %d IIS Express", p, len(iis), len(express))
		}
	}
	// The entries people trip over.
	for _, c := range []struct {
		path, key, value string
		want             bool
	}{
		{"system.webServer/staticContent", "fileExtension", ".JSON", true},
		{"system.webServer/staticContent", "fileExtension", ".woff2", true},
		{"system.webServer/staticContent", "fileExtension", ".webmanifest", false},
		{"system.webServer/defaultDocument/files", "value", "Default.aspx", true},
		{"system.webServer/httpErrors", "statusCode", "404", true},
		{"system.webServer/httpErrors", "statusCode", "418", false},
	} {
		if _, got := StockListHas(c.path, Entry{{c.key, c.value}}); got != c.want {
			t.Errorf("%s %s=%s: %v", c.path, c.key, c.value, got)
		}
	}
	if servers, _ := StockListHas("system.webServer/staticContent", Entry{{"fileExtension", ".woff2"}}); strings.Join(servers, ",") != "iis10-some,iisexpress" {
		t.Errorf(".woff2 servers %v", servers)
	}
	if _, got := StockListHas("system.webServer/httpErrors", Entry{{"statusCode", "404"}, {"subStatusCode", "2"}}); got {
		t.Error("404.2 is not stock")
	}
	for _, e := range StockList("system.webServer/staticContent", "iis10") {
		if e.Value("fileExtension") == ".woff2" {
			t.Error(".woff2 is not on every IIS 10 build")
		}
	}
	// IIS 7.5: the same default documents and custom errors, 25 MIME types
	// fewer (docs/stock-lists.md).
	counts := map[string][2]int{}
	for _, p := range StockListPaths {
		counts[p] = [2]int{len(StockList(p, "iis75")), len(StockList(p, "iis10"))}
	}
	if c := counts["system.webServer/staticContent"]; c[0] != 346 || c[1]-c[0] != 25 {
		t.Errorf("IIS 7.5 MIME map: %d entries, %d fewer than IIS 10's", c[0], c[1]-c[0])
	}
	for _, p := range []string{"system.webServer/defaultDocument/files", "system.webServer/httpErrors"} {
		if c := counts[p]; c[0] != c[1] {
			t.Errorf("%s: IIS 7.5 %d entries, IIS 10 %d", p, c[0], c[1])
		}
	}
	for _, ext := range []string{".json", ".mp4", ".woff", ".svgz", ".webm"} {
		if servers, _ := StockListHas("system.webServer/staticContent", Entry{{"fileExtension", ext}}); slices.Contains(servers, "iis75") {
			t.Errorf("%s is not in IIS 7.5's list", ext)
		}
	}
	if servers, _ := StockListHas("system.webServer/staticContent", Entry{{"fileExtension", ".svg"}}); !slices.Contains(servers, "iis75") {
		t.Error(".svg is in IIS 7.5's list")
	}
}

package schema

import (
	_ "embed"
	"strings"
)

// The stock staticContent MIME map, default documents and custom error
// pages of IIS 10, IIS Express 10 and IIS 7.5 (data/stock-lists.tsv, which
// names its sources; docs/stock-lists.md).

//go:embed data/stock-lists.tsv
var stockListsText string

// stockListEntry is one entry of a stock list and the servers that have it.
type stockListEntry struct {
	path    string // element path: "system.webServer/staticContent"
	entry   Entry
	servers []string
}

var stockLists = parseStockLists(stockListsText)

func parseStockLists(text string) []stockListEntry {
	var out []stockListEntry
	for _, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			panic("schema: bad stock-lists line " + line) // the embedded data is tested
		}
		out = append(out, stockListEntry{path: f[0], entry: e(strings.Split(f[1], ",")...), servers: strings.Split(f[2], ",")})
	}
	return out
}

// StockListPaths are the element paths that have a stock list.
var StockListPaths = []string{"system.webServer/staticContent", "system.webServer/defaultDocument/files", "system.webServer/httpErrors"}

// StockList is the stock list of a collection (an element path of
// StockListPaths) on a server profile: "iis10" (with ASP.NET),
// "iisexpress" or "iis75". Entries some builds of the server add are left out: they
// are not certain to be there.
func StockList(elementPath, server string) []Entry {
	var out []Entry
	for _, s := range stockLists {
		if s.path != elementPath {
			continue
		}
		for _, sv := range s.servers {
			if sv == server || (server == "iis10" && sv == "iis10-aspnet") {
				out = append(out, s.entry)
				break
			}
		}
	}
	return out
}

// StockListHas reports whether any known server (any IIS 10 or IIS Express
// build) has an entry with this key in the collection at elementPath, and
// which: a web.config that adds it without a <remove> first fails there.
func StockListHas(elementPath string, key Entry) (servers []string, ok bool) {
	for _, s := range stockLists {
		if s.path != elementPath || !sameKey(s.entry, key) {
			continue
		}
		return s.servers, true
	}
	return nil, false
}

// sameKey compares the key attributes a stock entry has (IIS compares
// collection keys without regard to case); subStatusCode defaults to -1.
func sameKey(stock, key Entry) bool {
	for _, a := range stock {
		switch a.Name {
		case "fileExtension", "value", "statusCode":
			if !strings.EqualFold(strings.TrimSpace(key.Value(a.Name)), a.Value) {
				return false
			}
		}
	}
	if _, ok := stock.Get("statusCode"); ok {
		sub := strings.TrimSpace(key.Value("subStatusCode"))
		return sub == "" || sub == "-1"
	}
	return true
}

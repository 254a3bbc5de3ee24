package validate

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

// AddWithoutRemove: an entry a stock server list may already hold.
var AddWithoutRemove = register(&Rule{
	Code:     "IC212",
	Name:     "add-without-remove",
	Severity: Warning,
	Summary:  "a <mimeMap>, default document or <error> added without a <remove> first, where some IIS server's stock list has it: HTTP 500.19 there",
	Doc: `applicationHost.config ships lists a web.config adds to: the MIME map of
system.webServer/staticContent (about 370 extensions), the default documents
(Default.htm, Default.asp, index.htm, index.html, iisstart.htm, and default.aspx with
ASP.NET) and the custom error pages of httpErrors (401, 403, 404, 405, 406, 412, 500, 501,
502). Adding an entry the server already has is a duplicate: IIS answers HTTP 500.19 "Cannot
add duplicate collection entry". The lists differ between builds: newer IIS 10 releases and IIS
Express have .woff2, .wasm, .jsonld and others that older ones lack, so a web.config that works
on one server breaks on the next.

The rule reports an entry whose key is in any known server's stock list (docs/stock-lists.md)
and that no <remove> of the same key, or <clear/>, precedes in the configuration that applies.
Where the list of the server linted against certainly has the entry, duplicate-collection-key
reports it as an error instead.

Fix it by writing <remove fileExtension=".woff2"/> (or <remove value="..."/>, <remove
statusCode="404"/>) just before the entry: a remove of an entry that is not there is no error.`,
	check: checkAddWithoutRemove,
})

// stockCollections are the sections with a stock list, and the element
// below the section that holds the collection ("" for the section itself).
var stockCollections = []struct{ section, child, keyAttr string }{
	{"system.webServer/staticContent", "", "fileExtension"},
	{"system.webServer/defaultDocument", "files", "value"},
	{"system.webServer/httpErrors", "", "statusCode"},
}

func checkAddWithoutRemove(p *pass) {
	if p.doc.Kind() != config.KindWebConfig {
		return
	}
	duplicates := map[*etree.Element]bool{}
	for _, is := range p.schemaIssues() {
		if is.rule == nameDuplicateKey {
			duplicates[is.elem] = true
		}
	}
	reported := map[*etree.Element]bool{}
	for _, sc := range stockCollections {
		elemPath := sc.section
		if sc.child != "" {
			elemPath += "/" + sc.child
		}
		sec := schema.Lookup(sc.section)
		if sec == nil {
			continue
		}
		coll := sec.Root.Collection
		if sc.child != "" {
			coll = sec.Root.Child(sc.child).Collection
		}
		for _, top := range p.doc.SectionElements(sc.section) {
			loc, _ := config.LocationOf(top)
			path := config.JoinPath(p.ctx.Prefix, loc)
			removed := map[string]bool{}
			cleared := false
			for _, l := range p.levelsAt(sc.section, path) {
				for _, e := range l.Elems {
					if sc.child != "" {
						e = e.SelectElement(sc.child)
						if e == nil {
							continue
						}
					}
					for _, c := range e.ChildElements() {
						key := entryKey(c, elemPath)
						switch {
						case c.Space != "":
						case c.Tag == coll.Clear:
							cleared = true
						case c.Tag == coll.Remove:
							removed[key] = true
						case coll.IsAdd(c.Tag) && l.Doc == p.doc && !cleared && !removed[key] && !duplicates[c] && !reported[c]:
							servers, ok := schema.StockListHas(elemPath, entryOf(c))
							if !ok {
								continue
							}
							reported[c] = true
							p.reportStartTag(c, "<%s %s=%q> without a <%s> of it first", c.Tag, sc.keyAttr, c.SelectAttrValue(sc.keyAttr, ""), coll.Remove)
							p.explain(fmt.Sprintf("%s already %s it: there IIS answers HTTP 500.19 (duplicate collection entry)", serverNames(servers), haveWord(servers)),
								fmt.Sprintf("write <%s %s/> just before it", coll.Remove, removeAttrs(c, sc.keyAttr)))
						}
					}
				}
			}
		}
	}
}

// entryKey is a collection entry's key, as IIS compares it (case aside).
func entryKey(c *etree.Element, elemPath string) string {
	e := entryOf(c)
	switch elemPath {
	case "system.webServer/httpErrors":
		sub := strings.TrimSpace(e.Value("subStatusCode"))
		if sub == "" {
			sub = "-1"
		}
		return strings.TrimSpace(e.Value("statusCode")) + "." + sub
	case "system.webServer/staticContent":
		return strings.ToLower(strings.TrimSpace(e.Value("fileExtension")))
	}
	return strings.ToLower(strings.TrimSpace(e.Value("value")))
}

func entryOf(c *etree.Element) schema.Entry {
	out := make(schema.Entry, 0, len(c.Attr))
	for _, a := range c.Attr {
		out = append(out, schema.Attr{Name: a.Key, Value: a.Value})
	}
	return out
}

// removeAttrs are the key attributes a <remove> of c needs.
func removeAttrs(c *etree.Element, keyAttr string) string {
	out := fmt.Sprintf("%s=%q ", keyAttr, c.SelectAttrValue(keyAttr, ""))
	if sub := c.SelectAttr("subStatusCode"); sub != nil {
		out += fmt.Sprintf("subStatusCode=%q ", sub.Value)
	}
	return out
}

// serverNames says which servers have a stock entry, from its tags.
func serverNames(tags []string) string {
	names := map[string]string{
		"iis10": "IIS 10", "iis10-aspnet": "IIS 10 with ASP.NET", "iis10-some": "newer IIS 10 builds",
		"iisexpress": "IIS Express", "iisexpress-some": "some IIS Express versions", "iis75": "IIS 7.5",
	}
	var out []string
	for _, t := range tags {
		if n := names[t]; n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, " and ")
}

func haveWord(tags []string) string {
	if len(tags) == 1 && !strings.HasSuffix(tags[0], "-some") && tags[0] != "iis10-aspnet" {
		return "has"
	}
	return "have"
}

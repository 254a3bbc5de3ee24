package validate

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/iiscfg/iiscfg/config"
)

// InvalidRootElement: a configuration file whose root is not <configuration>.
var InvalidRootElement = register(&Rule{
	Code:     "IC211",
	Name:     "invalid-root-element",
	Severity: Error,
	Summary:  "a configuration file whose root element is not <configuration>: IIS answers HTTP 500.19",
	Doc: `IIS and ASP.NET read a configuration file only when its root element is <configuration>,
spelled exactly so: XML names are case-sensitive, so <Configuration> is another element, and
a file whose root is <project> or <appSettings> (a build file or a fragment saved as
web.config) is no configuration at all. IIS answers every request of the folder with HTTP
500.19 (the configuration data is invalid), and nothing in the file takes effect.

Only this rule runs on such a file (what the others would say assumes IIS reads it), and
"iiscfg migrate" refuses it. Fix the root element's name, or rename the file if it is not a
configuration file.`,
	check: checkInvalidRootElement,
})

// ValidRoot reports whether the document's root element is <configuration>,
// the only root IIS reads.
func ValidRoot(doc *config.Document) bool {
	root := doc.Root()
	return root != nil && root.Space == "" && root.Tag == "configuration"
}

func checkInvalidRootElement(p *pass) {
	root := p.doc.Root()
	if root == nil || ValidRoot(p.doc) {
		return
	}
	p.reportStartTag(root, "the root element is <%s>, not <configuration>", root.FullTag())
	p.explain("IIS reads no setting of this file and answers HTTP 500.19 for every request of the folder", rootFix(root))
}

func rootFix(root *etree.Element) string {
	if root.Space == "" && strings.EqualFold(root.Tag, "configuration") {
		return "write <configuration> in lower case (XML names are case-sensitive)"
	}
	return "make <configuration> the root element, or rename the file if it is not a configuration file"
}

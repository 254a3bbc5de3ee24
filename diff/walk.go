package diff

import (
	"strings"
	"sync"

	"github.com/iiscfg/iiscfg/schema"
)

// The semantic diff walks both trees once, top down. Each level must cost
// only its own children, whatever the depth: a change's path is joined only
// when a change is reported, and the schema element of a path is found
// from its parent's in one step rather than by looking the whole path up
// again (which made a 4,000-level file take minutes).

// elemPath is an element's path ("system.web/httpHandlers"), kept as a
// link to its parent and joined the first time a change needs it.
type elemPath struct {
	parent *elemPath
	name   string
	joined string // "" until String is called
}

// child is the path of the element named name inside parent (nil at the
// top of the file).
func child(parent *elemPath, name string) *elemPath {
	return &elemPath{parent: parent, name: name}
}

// String joins the path with "/", reusing the nearest ancestor already
// joined, and remembers the result.
func (p *elemPath) String() string {
	if p == nil {
		return ""
	}
	if p.joined != "" {
		return p.joined
	}
	var names []string
	q := p
	for ; q != nil && q.joined == ""; q = q.parent {
		names = append(names, q.name)
	}
	joined := ""
	if q != nil {
		joined = q.joined
	}
	var b strings.Builder
	b.WriteString(joined)
	for i := len(names) - 1; i >= 0; i-- {
		if b.Len() > 0 && names[i] != "" {
			b.WriteByte('/')
		}
		b.WriteString(names[i])
	}
	p.joined = b.String()
	return p.joined
}

// schemaCursor is the schema element at a configuration path inside one
// scope: the element of the longest prefix of the path that is a
// described section, followed down the rest of the path (child elements,
// and a collection's add elements to its item); nil where the path leaves
// the schema. The zero cursor is the top of a scope.
type schemaCursor struct {
	el    *schema.Element
	depth int    // segments of the path
	name  string // the path, while it is short enough to name a section
}

// step moves the cursor to the child element tag.
func (c schemaCursor) step(tag string) schemaCursor {
	next := schemaCursor{depth: c.depth + 1}
	if next.depth <= longestSectionPath() {
		next.name = join(c.name, tag)
		if sec := schema.Lookup(next.name); sec != nil {
			next.el = sec.Root
			return next
		}
	}
	if c.el != nil {
		next.el = c.el.Child(tag)
		if next.el == nil && c.el.Collection != nil && c.el.Collection.IsAdd(tag) {
			next.el = c.el.Collection.Item
		}
	}
	return next
}

// longestSectionPath is the most segments a described section's path has
// ("system.webServer/security/requestFiltering" has three): no deeper path
// can name a section.
var longestSectionPath = sync.OnceValue(func() int {
	longest := 0
	for p := range schema.Sections() {
		longest = max(longest, strings.Count(p, "/")+1)
	}
	return longest
})

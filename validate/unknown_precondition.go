package validate

import (
	"fmt"
	"strings"

	"github.com/iiscfg/iiscfg/schema"
)

// UnknownPreCondition: tokens IIS does not know, and contradictions.
var UnknownPreCondition = register(&Rule{
	Code:     "IC302",
	Name:     "unknown-precondition",
	Severity: Warning,
	Summary:  "a preCondition token IIS does not know, or integratedMode with classicMode: IIS skips the entry",
	Doc: `IIS knows these preCondition tokens: integratedMode, classicMode (also written ISAPIMode),
runtimeVersionv1.1, runtimeVersionv2.0, runtimeVersionv4.0, bitness32, bitness64,
appPoolName=... and appPoolName!=..., and, on modules only, managedHandler. Tokens are
case-sensitive. IIS evaluates any other token as false, so the entry is skipped in every pool,
silently; early appcmd wrote "ManagedHandler" with a capital M and broke modules this way.
integratedMode together with classicMode never holds either.

Fix the spelling (the message suggests the token meant), or remove the token.`,
	check: checkUnknownPreCondition,
})

func checkUnknownPreCondition(p *pass) {
	for _, e := range p.preConditionEntries() {
		pc := e.pc
		var problems []string
		var integrated, classic bool // the modes it names
		for _, t := range e.tokens {
			switch {
			case t == "managedHandler" && !e.module:
				problems = append(problems, `"managedHandler" applies to modules only`)
			case schema.ClassifyToken(t) == schema.TokenUnknown:
				problems = append(problems, fmt.Sprintf("%q is not a token IIS knows%s", t, suggestToken(t)))
			case schema.ClassifyToken(t) == schema.TokenMode:
				integrated = integrated || t == "integratedMode"
				classic = classic || t == "classicMode" || t == "ISAPIMode"
			}
		}
		if integrated && classic {
			problems = append(problems, "integratedMode and classicMode together never hold")
		}
		if len(problems) > 0 {
			p.reportAttr(e.elem, "preCondition", "%s %s has preCondition %q: %s; IIS skips it in every pool",
				e.kind, entryName(e.elem), pc, strings.Join(problems, "; "))
		}
	}
}

var knownTokens = []string{"integratedMode", "classicMode", "ISAPIMode", "managedHandler", "bitness32", "bitness64",
	"runtimeVersionv1.1", "runtimeVersionv2.0", "runtimeVersionv4.0"}

// suggestToken names the token meant: the same letters in another case, or
// the runtime IIS has for a .NET version it does not name.
func suggestToken(t string) string {
	for _, k := range knownTokens {
		if strings.EqualFold(k, t) {
			return fmt.Sprintf(" (tokens are case-sensitive: %q)", k)
		}
	}
	if strings.HasPrefix(strings.ToLower(t), "runtimeversion") {
		return ` (runtime tokens are runtimeVersionv2.0 and runtimeVersionv4.0; .NET 3.5 runs on v2.0, .NET 4.x on v4.0)`
	}
	return ""
}

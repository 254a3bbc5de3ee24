package schema

import "strings"

// preCondition grammar (docs/iis-behaviour.md §11, from the IIS WMI provider docs
// and the shipped applicationHost.config): a comma-separated list of tokens,
// all of which must hold (logical AND). An unknown token evaluates to false,
// so the entry is ignored. Tokens are matched case-sensitively: early appcmd
// wrote "ManagedHandler" and IIS's team told users to fix the case
// (docs/iis-behaviour.md §2.6).

// Pool is what a preCondition is evaluated against.
type Pool struct {
	Name       string
	Integrated bool
	Runtime    Runtime
	Bitness    int // 32, 64, or 0 when unknown (treated as either)
}

// Token kinds.
const (
	TokenMode = iota
	TokenRuntime
	TokenBitness
	TokenManagedHandler
	TokenPoolName
	TokenUnknown
)

// ClassifyToken says what a preCondition token tests.
func ClassifyToken(t string) int {
	switch {
	case t == "integratedMode", t == "classicMode", t == "ISAPIMode":
		return TokenMode
	case t == "bitness32", t == "bitness64":
		return TokenBitness
	case t == "managedHandler":
		return TokenManagedHandler
	case strings.HasPrefix(t, "runtimeVersionv"):
		if _, err := ParseRuntime(strings.TrimPrefix(t, "runtimeVersion")); err == nil && strings.Count(t, ".") == 1 {
			return TokenRuntime
		}
	case strings.HasPrefix(t, "appPoolName=") || strings.HasPrefix(t, "appPoolName!="):
		return TokenPoolName
	}
	return TokenUnknown
}

// PreConditionTokens splits a preCondition value into its tokens.
func PreConditionTokens(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// PreConditionHolds reports whether every token of s holds for pool. For a
// module entry, managedHandler does not decide whether the module is loaded
// (it limits the requests it sees), so it holds; on a handler it is an
// unknown token and does not.
func PreConditionHolds(s string, pool Pool, module bool) bool {
	for _, t := range PreConditionTokens(s) {
		if !TokenHolds(t, pool, module) {
			return false
		}
	}
	return true
}

// TokenHolds evaluates one token.
func TokenHolds(t string, pool Pool, module bool) bool {
	switch ClassifyToken(t) {
	case TokenMode:
		return (t == "integratedMode") == pool.Integrated
	case TokenRuntime:
		return strings.TrimPrefix(t, "runtimeVersion") == string(pool.Runtime)
	case TokenBitness:
		return pool.Bitness == 0 || t == "bitness"+itoa(pool.Bitness)
	case TokenManagedHandler:
		return module
	case TokenPoolName:
		neg := strings.HasPrefix(t, "appPoolName!=")
		names := t[strings.IndexByte(t, '=')+1:]
		in := false
		for _, n := range strings.Split(names, ";") {
			if strings.EqualFold(strings.TrimSpace(n), pool.Name) {
				in = true
			}
		}
		if pool.Name == "" {
			return true // the pool is not known: do not call the entry dead
		}
		return in != neg
	}
	return false
}

func itoa(n int) string {
	if n == 32 {
		return "32"
	}
	return "64"
}

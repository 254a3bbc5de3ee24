package schema

import (
	"fmt"
	"strings"
)

// Runtime is a CLR version as application pools name it
// (managedRuntimeVersion): "v1.1", "v2.0", "v4.0", or "" for No Managed Code.
type Runtime string

const (
	NoManagedCode Runtime = ""
	V11           Runtime = "v1.1"
	V20           Runtime = "v2.0"
	V40           Runtime = "v4.0"
)

// ParseRuntime accepts "v4.0", "4.0", "4", "v4.0.30319" and the same forms
// of v2.0 and v1.1.
func ParseRuntime(s string) (Runtime, error) {
	t := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "v")
	switch {
	case t == "4" || t == "4.0" || strings.HasPrefix(t, "4.0."):
		return V40, nil
	case t == "2" || t == "2.0" || strings.HasPrefix(t, "2.0."):
		return V20, nil
	case t == "1.1" || strings.HasPrefix(t, "1.1."):
		return V11, nil
	}
	return "", fmt.Errorf("unknown runtime %q (want v2.0 or v4.0)", s)
}

// Token is the preCondition token that selects this runtime, e.g.
// "runtimeVersionv4.0".
func (r Runtime) Token() string { return "runtimeVersion" + string(r) }

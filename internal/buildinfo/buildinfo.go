// Package buildinfo says which iiscfg this is: version, commit and date.
//
// A release build (.goreleaser.yaml, Dockerfile) stamps them with the
// linker:
//
//	-X github.com/iiscfg/iiscfg/internal/buildinfo.version=v1.2.3
//	-X github.com/iiscfg/iiscfg/internal/buildinfo.commit=<full hash>
//	-X github.com/iiscfg/iiscfg/internal/buildinfo.date=<RFC 3339>
//
// Any other build falls back to what the Go toolchain records: the module
// version of "go install github.com/iiscfg/iiscfg@v1.2.3", the pseudo-version
// of a commit (which carries its hash and time), or the VCS stamp of a build
// in a git checkout.
package buildinfo

import (
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// Set by the linker in release builds (see the package comment).
var (
	version string
	commit  string
	date    string
)

// Unknown stands for a value that the build did not record.
const Unknown = "unknown"

// Info describes one build.
type Info struct {
	Version   string // "v1.2.3", a pseudo-version, or "(devel)"
	Commit    string // full hash, "+dirty" appended for a modified tree; or Unknown
	Date      string // commit time (RFC 3339, UTC); or Unknown
	GoVersion string // "go1.25.1"
	Platform  string // "windows/amd64"
}

// Get describes the running binary.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return from(version, commit, date, bi)
}

// Version is the version alone, for reports (SARIF tool.driver.version).
func Version() string { return Get().Version }

// String is the text of "iiscfg version".
func (i Info) String() string {
	return "iiscfg " + i.Version + "\n" +
		"commit: " + i.Commit + "\n" +
		"date:   " + i.Date + "\n" +
		"go:     " + i.GoVersion + " " + i.Platform + "\n"
}

// from combines the linker's stamp with the toolchain's record; the stamp
// wins field by field.
func from(ldVersion, ldCommit, ldDate string, bi *debug.BuildInfo) Info {
	info := Info{Version: "(devel)", Commit: Unknown, Date: Unknown, GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi != nil {
		if bi.GoVersion != "" {
			info.GoVersion = bi.GoVersion
		}
		if bi.Main.Version != "" {
			info.Version = bi.Main.Version
		}
		if hash, when, dirty, ok := parsePseudo(info.Version); ok {
			info.Commit, info.Date = hash, when
			if dirty {
				info.Commit += "+dirty"
			}
		}
		// A build in a git checkout records the full hash and the time.
		var revision, when string
		modified := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if revision != "" {
			info.Commit = revision
			if modified {
				info.Commit += "+dirty"
			}
		}
		if when != "" {
			info.Date = when
		}
	}
	if ldVersion != "" {
		info.Version = ldVersion
	}
	if ldCommit != "" {
		info.Commit = ldCommit
	}
	if ldDate != "" {
		info.Date = ldDate
	}
	return info
}

// pseudoTail matches the end of a Go pseudo-version: "20240521201337-686a1a2994c1"
// (https://go.dev/ref/mod#pseudo-versions), before "+incompatible" or "+dirty".
var pseudoTail = regexp.MustCompile(`[-.](\d{14})-([0-9a-f]{12})$`)

// parsePseudo takes the commit hash prefix and the commit time out of a
// pseudo-version such as v0.0.0-20240521201337-686a1a2994c1+dirty.
func parsePseudo(v string) (hash, when string, dirty, ok bool) {
	base, meta, _ := strings.Cut(v, "+")
	m := pseudoTail.FindStringSubmatch(base)
	if m == nil {
		return "", "", false, false
	}
	t, err := time.Parse("20060102150405", m[1])
	if err != nil {
		return "", "", false, false
	}
	for _, part := range strings.Split(meta, ".") {
		dirty = dirty || part == "dirty"
	}
	return m[2], t.UTC().Format(time.RFC3339), dirty, true
}

package buildinfo

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestFrom(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	cases := []struct {
		name                      string
		ldVersion, ldCommit, date string
		bi                        *debug.BuildInfo
		want                      Info
	}{
		{
			name:      "release build stamped by the linker",
			ldVersion: "v1.4.0", ldCommit: "0123456789abcdef0123456789abcdef01234567", date: "2026-03-01T10:00:00Z",
			bi:   &debug.BuildInfo{GoVersion: "go1.25.1", Main: debug.Module{Version: "(devel)"}},
			want: Info{Version: "v1.4.0", Commit: "0123456789abcdef0123456789abcdef01234567", Date: "2026-03-01T10:00:00Z", GoVersion: "go1.25.1"},
		},
		{
			name: "go install of a tag: the version only",
			bi:   &debug.BuildInfo{GoVersion: "go1.25.1", Main: debug.Module{Version: "v1.4.0"}},
			want: Info{Version: "v1.4.0", Commit: Unknown, Date: Unknown, GoVersion: "go1.25.1"},
		},
		{
			name: "go install of a commit: hash and time from the pseudo-version",
			bi:   &debug.BuildInfo{GoVersion: "go1.25.1", Main: debug.Module{Version: "v1.4.1-0.20260302111213-abcdef012345"}},
			want: Info{Version: "v1.4.1-0.20260302111213-abcdef012345", Commit: "abcdef012345", Date: "2026-03-02T11:12:13Z", GoVersion: "go1.25.1"},
		},
		{
			name: "go install of a commit before any tag",
			bi:   &debug.BuildInfo{GoVersion: "go1.25.1", Main: debug.Module{Version: "v0.0.0-20260302111213-abcdef012345"}},
			want: Info{Version: "v0.0.0-20260302111213-abcdef012345", Commit: "abcdef012345", Date: "2026-03-02T11:12:13Z", GoVersion: "go1.25.1"},
		},
		{
			name: "go build in a modified checkout: full hash from the VCS stamp",
			bi: &debug.BuildInfo{GoVersion: "go1.25.1", Main: debug.Module{Version: "v0.0.0-20260302111213-abcdef012345+dirty"},
				Settings: vcs("vcs", "git", "vcs.revision", "abcdef0123456789abcdef0123456789abcdef01", "vcs.time", "2026-03-02T11:12:13Z", "vcs.modified", "true")},
			want: Info{Version: "v0.0.0-20260302111213-abcdef012345+dirty", Commit: "abcdef0123456789abcdef0123456789abcdef01+dirty", Date: "2026-03-02T11:12:13Z", GoVersion: "go1.25.1"},
		},
		{
			name: "go build -buildvcs=false outside a module proxy",
			bi:   &debug.BuildInfo{GoVersion: "go1.25.1", Main: debug.Module{Version: "(devel)"}},
			want: Info{Version: "(devel)", Commit: Unknown, Date: Unknown, GoVersion: "go1.25.1"},
		},
		{
			name: "a tag that only looks like a pseudo-version is left alone",
			bi:   &debug.BuildInfo{GoVersion: "go1.25.1", Main: debug.Module{Version: "v2.0.0-rc.1"}},
			want: Info{Version: "v2.0.0-rc.1", Commit: Unknown, Date: Unknown, GoVersion: "go1.25.1"},
		},
		{
			name: "+incompatible is not +dirty",
			bi:   &debug.BuildInfo{GoVersion: "go1.25.1", Main: debug.Module{Version: "v2.0.1-0.20260302111213-abcdef012345+incompatible"}},
			want: Info{Version: "v2.0.1-0.20260302111213-abcdef012345+incompatible", Commit: "abcdef012345", Date: "2026-03-02T11:12:13Z", GoVersion: "go1.25.1"},
		},
		{
			name:      "no build info at all",
			ldVersion: "v1.4.0",
			want:      Info{Version: "v1.4.0", Commit: Unknown, Date: Unknown},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := from(c.ldVersion, c.ldCommit, c.date, c.bi)
			got.Platform = ""
			if c.bi == nil {
				got.GoVersion = ""
			}
			if got != c.want {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestString(t *testing.T) {
	got := Info{Version: "v1.4.0", Commit: "0123", Date: "2026-03-01T10:00:00Z", GoVersion: "go1.25.1", Platform: "windows/arm64"}.String()
	want := "iiscfg v1.4.0\ncommit: 0123\ndate:   2026-03-01T10:00:00Z\ngo:     go1.25.1 windows/arm64\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !strings.HasPrefix(Get().String(), "iiscfg ") {
		t.Errorf("Get().String() = %q", Get().String())
	}
}

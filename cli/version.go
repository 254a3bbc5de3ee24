package cli

import (
	"fmt"
	"runtime/debug"

	ucli "github.com/urfave/cli/v2"
)

func versionCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:  "version",
		Usage: "print the version, commit and Go version",
		Action: func(c *ucli.Context) error {
			fmt.Fprintln(e.stdout, versionString())
			return nil
		},
	}
}

// versionString reads the module version and VCS stamp from the build info.
func versionString() string {
	version, commit, when, modified := "(devel)", "", "", false
	goVersion := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	out := "iiscfg " + version
	if commit != "" {
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if modified {
			commit += "-dirty"
		}
		out += " commit " + commit
		if when != "" {
			out += " " + when
		}
	}
	return out + " " + goVersion
}

// toolVersion is the module version alone, for reports.
func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

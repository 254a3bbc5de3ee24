package cli

import (
	"fmt"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/internal/buildinfo"
)

func versionCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "version",
		Usage:     "print the version, commit, commit date, Go version and platform",
		ArgsUsage: " ",
		Action: func(c *ucli.Context) error {
			if c.Args().Present() {
				return usageError("version takes no arguments, got %q", c.Args().First())
			}
			fmt.Fprint(e.stdout, buildinfo.Get())
			return nil
		},
	}
}

// versionFlag is "iiscfg --version", the same as "iiscfg version".
var versionFlag = &ucli.BoolFlag{Name: "version", Usage: "print the version (as iiscfg version) and exit"}

// toolVersion is the version alone, for reports.
func toolVersion() string { return buildinfo.Version() }

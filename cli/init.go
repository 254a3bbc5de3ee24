package cli

import (
	"fmt"
	"io"

	ucli "github.com/urfave/cli/v2"
)

func initCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "init",
		Usage:     "write a commented default configuration file, " + ConfigFileName,
		ArgsUsage: "[FILE|-]  (default " + ConfigFileName + " in the working directory; - prints it)",
		Flags: []ucli.Flag{
			&ucli.BoolFlag{Name: "force", Usage: "overwrite an existing file"},
		},
		Action: func(c *ucli.Context) error {
			if c.NArg() > 1 {
				return usageError("init takes at most one file name")
			}
			path := ConfigFileName
			if c.NArg() == 1 {
				path = c.Args().First()
			}
			if path == "-" {
				_, err := io.WriteString(e.stdout, defaultConfig)
				return err
			}
			if err := writeDefaultConfig(path, c.Bool("force")); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "iiscfg: wrote %s\n", path)
			return nil
		},
	}
}

// Command iiscfg lints, migrates and diffs IIS / ASP.NET configuration files.
package main

import (
	"os"

	"github.com/iiscfg/iiscfg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

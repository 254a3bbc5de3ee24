package cli

import (
	"fmt"
	"text/tabwriter"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/validate"
)

func rulesCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "rules",
		Usage:     "list the rules, or print one rule's documentation",
		ArgsUsage: "[NAME|CODE]",
		Action: func(c *ucli.Context) error {
			if c.NArg() > 1 {
				return usageError("rules takes at most one rule name")
			}
			if c.NArg() == 1 {
				r := validate.LookupRule(c.Args().First())
				if r == nil {
					return usageError("no rule %q (see iiscfg rules)", c.Args().First())
				}
				fmt.Fprintf(e.stdout, "%s %s (%s)\n\n%s\n\n%s\n", r.Code, r.Name, r.Severity, r.Summary, r.Doc)
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CODE\tNAME\tSEVERITY\tSUMMARY")
			for _, r := range validate.Rules() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Code, r.Name, r.Severity, r.Summary)
			}
			return tw.Flush()
		},
	}
}

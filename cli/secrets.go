package cli

import (
	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/diff"
	"github.com/iiscfg/iiscfg/report"
)

// Secrets (passwords, keys, connection strings: docs/secrets.md) are
// printed as "***" wherever a command shows values the user did not ask
// to see in full: quoted source lines, diffs. --show-secrets prints them.
// It is a flag or IISCFG_SHOW_SECRETS only, never a setting of the
// configuration file, which a pull request can change.
func showSecretsFlag() ucli.Flag {
	return &ucli.BoolFlag{Name: "show-secrets", EnvVars: envVar("show-secrets"), Usage: "print passwords, keys and connection strings as they are instead of *** (in quoted lines and diffs)"}
}

// unifiedDiff is diff.Unified, with secrets masked unless show.
func unifiedDiff(show bool) func(oldName, newName string, a, b []byte, context int, pal diff.Palette) string {
	if show {
		return diff.Unified
	}
	return diff.UnifiedRedacted
}

// redactChanges masks the secrets of semantic changes unless show.
func redactChanges(show bool, files []diff.File) []diff.File {
	if !show {
		diff.Redact(files)
	}
	return files
}

// lintSource is where the text report quotes lines from: masked unless
// showSecrets (--show-secrets).
func lintSource(showSecrets bool, src report.Source) report.Source {
	if src == nil || !showSecrets {
		return src
	}
	return report.Verbatim{Source: src}
}

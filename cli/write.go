package cli

import (
	"fmt"
	"io"

	"github.com/iiscfg/iiscfg/internal/printable"
	"github.com/iiscfg/iiscfg/internal/safefile"
)

// writeConfig writes a migrated configuration file through safefile: the
// write is refused when the file changed since it was read (original is
// what was read; nil for a file that did not exist), a symbolic link is
// written through to its target, and a backup never overwrites anything.
// What the user should know (a link followed, the backup's name) goes to
// notes.
func writeConfig(path string, data, original []byte, backup string, notes io.Writer) error {
	opts := safefile.Options{Expect: original, Backup: backup, FollowSymlinks: true}
	if original == nil {
		opts.Backup = "" // nothing to keep
	}
	res, err := safefile.WriteFileAtomic(path, data, opts)
	for _, n := range res.Notes {
		fmt.Fprintf(notes, "iiscfg: note: %s\n", printable.Text(n))
	}
	if err == nil && res.Backup != "" {
		fmt.Fprintf(notes, "iiscfg: %s: original kept as %s\n", printable.Path(path), printable.Path(res.Backup))
	}
	return err
}

// backupFlag is --backup with an optional suffix: "--backup" keeps
// web.config.bak, "--backup=.orig" keeps web.config.orig.
type backupFlag struct{ suffix string }

func (b *backupFlag) String() string   { return b.suffix }
func (b *backupFlag) IsBoolFlag() bool { return true }

func (b *backupFlag) Set(v string) error {
	switch v {
	case "true":
		b.suffix = ".bak"
	case "false", "":
		b.suffix = ""
	default:
		b.suffix = v
	}
	return nil
}

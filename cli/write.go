package cli

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeAtomic replaces path with data: a temporary file in the same folder
// is written, synced and given the original's mode, then renamed over the
// original, so a reader sees either the old file or the new one and a crash
// leaves the original intact. With backup != "" the original bytes are first
// kept at path+backup.
func writeAtomic(path string, data, original []byte, backup string) (err error) {
	mode := os.FileMode(0o644) // for a file written for the first time
	info, err := os.Stat(path)
	switch {
	case err == nil:
		mode = info.Mode().Perm()
		if mode&0o222 == 0 {
			return fmt.Errorf("the file is read-only; not written")
		}
	case os.IsNotExist(err):
		backup = "" // nothing to keep
	default:
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".iiscfg-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	if backup != "" {
		if err = os.WriteFile(path+backup, original, mode); err != nil {
			return fmt.Errorf("writing the backup: %w", err)
		}
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable where the platform allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
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

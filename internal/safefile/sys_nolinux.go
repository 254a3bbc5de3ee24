//go:build !linux

package safefile

import (
	"errors"
	"io/fs"
	"os"
)

// renameNoReplace renames old to new unless new exists. Without an atomic
// primitive for it, new is created exclusively (O_EXCL never follows a
// link) and filled; a partial copy is removed.
func renameNoReplace(old, new string) (err error) {
	data, err := os.ReadFile(old)
	if err != nil {
		return err
	}
	st, err := os.Stat(old)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(new, os.O_WRONLY|os.O_CREATE|os.O_EXCL, st.Mode().Perm())
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil && !errors.Is(err, fs.ErrExist) {
			os.Remove(new)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(st.Mode()); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	return os.Remove(old)
}

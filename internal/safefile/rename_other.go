//go:build !windows

package safefile

import "os"

// releaseBeforeRename keeps the temporary file open (and locked) through
// the rename: a file renamed while open stays the same file.
func releaseBeforeRename(*os.File) {}

// renameReplacing renames old over new in one step.
func renameReplacing(old, new string) error { return os.Rename(old, new) }

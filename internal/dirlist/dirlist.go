// Package dirlist lists a folder's entries, names and types, sorted by
// name: os.ReadDir's answer for the walks of lint and migrate, at a
// fraction of its cost where the platform allows (dirlist_raw.go).
package dirlist

import "io/fs"

// Entry is one entry of a folder.
type Entry struct {
	Name string
	Type fs.FileMode // the type bits only, as fs.DirEntry.Type
}

// IsDir reports whether the entry is a folder (not a link to one).
func (e Entry) IsDir() bool { return e.Type.IsDir() }

//go:build !(linux && (amd64 || arm64))

package dirlist

import "os"

// Read lists dir, sorted by name, as os.ReadDir does.
func Read(dir string) ([]Entry, error) {
	des, err := os.ReadDir(dir)
	out := make([]Entry, len(des))
	for i, d := range des {
		out[i] = Entry{Name: d.Name(), Type: d.Type()}
	}
	return out, err
}

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/iiscfg/iiscfg/schema"
)

// readSchemaDir reads every *.xml schema file in dir (--schema-dir), in name
// order so a section defined in several files merges the same way each run.
// It says what is wrong with the directory itself before reading it.
func readSchemaDir(dir string) (map[string]*schema.Section, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.xml schema files", dir)
	}
	sort.Strings(files)
	secs := map[string]*schema.Section{}
	for _, f := range files {
		data, err := readInput(f)
		if err != nil {
			return nil, err
		}
		if err := schema.MergeSchemaFile(secs, f, data); err != nil {
			return nil, err
		}
	}
	return secs, nil
}

package cli

import (
	"path/filepath"
	"testing"
)

func TestReadSchemaDir(t *testing.T) {
	secs, err := readSchemaDir(filepath.Join("..", "schema", "testdata", "schemadir"))
	if err != nil {
		t.Fatal(err)
	}
	if secs["system.webServer/contoso"] == nil {
		t.Error("section not loaded")
	}
}

func TestReadSchemaDirErrors(t *testing.T) {
	if _, err := readSchemaDir("testdata/nope"); err == nil {
		t.Error("missing directory accepted")
	}
	if _, err := readSchemaDir("schema_dir_test.go"); err == nil {
		t.Error("a file accepted as a directory")
	}
	if _, err := readSchemaDir("."); err == nil {
		t.Error("a directory without schema files accepted")
	}
}

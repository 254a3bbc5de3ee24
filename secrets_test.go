package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretsNeverPrinted: whatever the report format, the passwords and
// keys of testdata/lint/security-secrets.config appear nowhere in the
// output (the findings name the setting, and text leaves the line out).
func TestSecretsNeverPrinted(t *testing.T) {
	secrets := []string{"Hunter2-Secret", "S3cr3t", "EfSecret99", "3F2504E04F8911D39A0C", "ClearAdminPass"}
	file := filepath.ToSlash(filepath.Join("testdata", "lint", "security-secrets.config"))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if !strings.Contains(string(data), s) {
			t.Fatalf("fixture lost secret %q", s)
		}
	}
	for _, format := range []string{"text", "compact", "json", "sarif", "github", "checkstyle", "junit"} {
		out := runCLI(t, "", "lint", "--color", "never", "--enable", "security", "--format", format, file)
		if !strings.Contains(out, "exit 1") {
			t.Errorf("%s: want findings, got\n%s", format, out)
		}
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("%s output prints secret %q:\n%s", format, s, out)
			}
		}
	}
}

// TestSecurityDeployedGolden: the security rules on web.config as the
// release transform deploys it (testdata/security-deployed/README).
func TestSecurityDeployedGolden(t *testing.T) {
	dir := filepath.ToSlash(filepath.Join("testdata", "security-deployed"))
	for name, args := range map[string][]string{
		"as-is":   {"lint", "--color", "never", "--enable", "security", dir + "/web.config"},
		"release": {"lint", "--color", "never", "--enable", "security", "--configuration", "Release", dir + "/web.config"},
	} {
		t.Run(name, func(t *testing.T) {
			checkGolden(t, filepath.Join("testdata", "security-deployed", name+".want"), runCLI(t, "", args...))
		})
	}
}

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

// secretCase is a command whose output could show a fixture's secrets.
type secretCase struct {
	name  string
	args  []string
	shown []string // printed with --show-secrets (so the case reaches them)
}

// The secrets of the fixtures in testdata/secrets.
var fixtureSecrets = []string{
	"Quoted-Pass-1", "Quoted-ApiKey-2", "Quoted-Multiline-3", "Quoted-Pwd-4", "0A1B2C3D4E5F", "F0E1D2C3B4A5",
	"Secret-5",
	"Old-Db-Pass-11", "Old-ApiKey-12", "Context-Validation-Key-13", "Context-Decryption-Key-14", "New-Db-Pass-15",
	"Added-Entry-Pass-16", "New-ApiKey-17", "Added-Pwd-18",
	"Old-Pool-Pass-21", "Vdir-Pass-22", "New-Pool-Pass-23", "Added-Pool-Pass-24",
	"Migrate-Validation-Key-31", "Migrate-Decryption-Key-32",
	"Release-Pass-41",
	"Token-Pass-51", "Token-Key-52",
	"Effective-Pass-61", "Effective-Key-62",
	"NoEffect-Pass-71",
	"Lint-Pool-Pass-81",
	"Locator-Cond-Pass-101", "Locator-XPath-Pass-102", "Url-Pass-103", "Url-Code-104", "Url-Sig-105",
	"Url-Text-Pass-106", "Url-Text-Pass-107",
	"Lone-Setting-Pass-91", "Lone-Custom-Key-92", "Lone-Setting-Pass-93", "Lone-Custom-Key-94", "Added-Lone-Token-95",
}

func secretCases() []secretCase {
	const dir = "testdata/secrets/"
	var cases []secretCase
	// Lint: the text format quotes the line of each finding.
	cases = append(cases, secretCase{"lint quoted lines", []string{"lint", "--color", "never", dir + "quoted-line.config"},
		[]string{"Quoted-Pass-1", "Quoted-ApiKey-2", "Quoted-Multiline-3", "Quoted-Pwd-4", "F0E1D2C3B4A5"}})
	cases = append(cases, secretCase{"lint applicationHost.config quoted line", []string{"lint", "--color", "never", dir + "apphost-lint/applicationHost.config"},
		[]string{"Lint-Pool-Pass-81"}})
	// A parse error next to "&" in a password, in every format.
	for _, f := range []string{"text", "compact", "json", "sarif", "github", "checkstyle", "junit"} {
		cases = append(cases, secretCase{"parse error " + f, []string{"lint", "--color", "never", "--format", f, dir + "parse-error.config"}, nil})
	}
	// A finding's message: a placeholder left in a deployed connection string.
	for _, f := range []string{"text", "json"} {
		cases = append(cases, secretCase{"lint deployed " + f, []string{"lint", "--color", "never", "--format", f, "--configuration", "Release", dir + "deployed/web.config"}, nil})
	}
	cases = append(cases, secretCase{"lint deployed quoted line", []string{"lint", "--color", "never", "--configuration", "Release", dir + "deployed/web.config"},
		[]string{"Token-Pass-51", "Token-Key-52"}})
	// Semantic diffs in every format, of web.config and applicationHost.config.
	for _, f := range []string{"text", "json", "github", "markdown"} {
		cases = append(cases,
			secretCase{"diff " + f, []string{"diff", "--color", "never", "--format", f, dir + "diff/old", dir + "diff/new"},
				[]string{"Old-Db-Pass-11", "Old-ApiKey-12", "New-Db-Pass-15", "Added-Entry-Pass-16", "New-ApiKey-17", "Added-Pwd-18"}},
			secretCase{"diff apphost " + f, []string{"diff", "--color", "never", "--format", f, dir + "apphost/old/applicationHost.config", dir + "apphost/new/applicationHost.config"},
				[]string{"Old-Pool-Pass-21", "New-Pool-Pass-23"}},
			secretCase{"diff lone elements " + f, []string{"diff", "--color", "never", "--format", f, dir + "lone/old", dir + "lone/new"},
				[]string{"Lone-Setting-Pass-91", "Lone-Custom-Key-92", "Lone-Setting-Pass-93", "Lone-Custom-Key-94", "Added-Lone-Token-95"}},
			secretCase{"diff url in text " + f, []string{"diff", "--color", "never", "--format", f, dir + "url-text/old", dir + "url-text/new"},
				[]string{"Url-Text-Pass-106", "Url-Text-Pass-107"}},
			secretCase{"diff --transform " + f, []string{"diff", "--color", "never", "--format", f, "--transform", dir + "transform/Web.Release.config", dir + "transform/web.config"},
				[]string{"Release-Pass-41"}})
	}
	// A transform's warning that SetAttributes changes nothing names the
	// attributes it sets (transform's stderr; lint's xdt-no-effect).
	cases = append(cases,
		secretCase{"transform warning", []string{"transform", "--color", "never", "--diff", dir + "no-effect/web.config", dir + "no-effect/Web.Release.config"}, nil},
		secretCase{"lint xdt-no-effect", []string{"lint", "--color", "never", "--format", "json", dir + "no-effect/Web.Release.config"}, nil})
	// A Condition or XPath locator that selects nothing is quoted in the
	// warning (transform's stderr; lint's xdt-no-match, every format).
	cases = append(cases, secretCase{"transform no-match", []string{"transform", "--color", "never", dir + "xdt-locator/web.config", dir + "xdt-locator/Web.Release.config"}, nil})
	// A rewrite to a URL with credentials: rewrite-proxy's message, the
	// quoted line, requires.
	for _, f := range []string{"text", "compact", "json", "sarif", "github", "checkstyle", "junit"} {
		cases = append(cases, secretCase{"lint xdt-no-match " + f, []string{"lint", "--color", "never", "--format", f, dir + "xdt-locator/Web.Release.config"}, nil},
			secretCase{"lint rewrite url " + f, []string{"lint", "--color", "never", "--format", f, dir + "rewrite-url/web.config"}, nil})
	}
	cases = append(cases, secretCase{"lint rewrite url quoted line", []string{"lint", "--color", "never", dir + "rewrite-url/web.config"},
		[]string{"Url-Pass-103", "Url-Code-104", "Url-Sig-105"}})
	for _, f := range []string{"text", "json"} {
		cases = append(cases, secretCase{"requires " + f, []string{"requires", "--format", f, dir + "rewrite-url"}, nil})
	}
	// The effective configuration of an application on the fixture server.
	for _, f := range []string{"text", "json"} {
		args := append([]string{"diff", "--color", "never", "--format", f, "--effective"}, siteArgs...)
		cases = append(cases, secretCase{"diff --effective " + f, append(args, "Default Web Site/app1", "testdata/site/apps/app1/web.config", dir+"effective-app1.web.config"),
			[]string{"Effective-Pass-61", "Effective-Key-62"}})
	}
	// Unified diffs: context lines and changed lines.
	cases = append(cases,
		secretCase{"diff --mode text", []string{"diff", "--color", "never", "--mode", "text", dir + "diff/old", dir + "diff/new"},
			[]string{"Old-Db-Pass-11", "Context-Validation-Key-13", "Context-Decryption-Key-14", "New-Db-Pass-15", "Added-Entry-Pass-16", "Added-Pwd-18"}},
		secretCase{"diff --mode text apphost", []string{"diff", "--color", "never", "--mode", "text", dir + "apphost/old/applicationHost.config", dir + "apphost/new/applicationHost.config"},
			[]string{"Old-Pool-Pass-21", "New-Pool-Pass-23", "Added-Pool-Pass-24"}},
		secretCase{"diff --transform --mode text", []string{"diff", "--color", "never", "--mode", "text", "--transform", dir + "transform/Web.Release.config", dir + "transform/web.config"},
			[]string{"Release-Pass-41"}},
		secretCase{"migrate", []string{"migrate", "--color", "never", dir + "migrate/web.config"},
			[]string{"Migrate-Validation-Key-31", "Migrate-Decryption-Key-32"}},
		secretCase{"migrate --check --diff", []string{"migrate", "--color", "never", "--check", "--diff", dir + "migrate/web.config"},
			[]string{"Migrate-Validation-Key-31"}},
		secretCase{"transform --diff", []string{"transform", "--color", "never", "--diff", dir + "transform/web.config", dir + "transform/Web.Release.config"},
			[]string{"Release-Pass-41"}},
		secretCase{"transform --semantic", []string{"transform", "--color", "never", "--semantic", dir + "transform/web.config", dir + "transform/Web.Release.config"},
			[]string{"Release-Pass-41"}},
	)
	return cases
}

// TestSecretsMaskedByDefault: no command prints a secret of the fixtures
// unless asked (issue 11 item 14); with --show-secrets (or
// IISCFG_SHOW_SECRETS) the same commands print them, which shows that
// each case reaches the secrets it is meant to.
func TestSecretsMaskedByDefault(t *testing.T) {
	for _, tc := range secretCases() {
		t.Run(tc.name, func(t *testing.T) {
			out := runCLI(t, "", tc.args...)
			for _, s := range fixtureSecrets {
				if strings.Contains(out, s) {
					t.Errorf("prints secret %q:\n%s", s, out)
				}
			}
			if len(tc.shown) == 0 {
				return
			}
			if !strings.Contains(out, "***") {
				t.Errorf("no *** in\n%s", out)
			}
			shown := runCLI(t, "", append([]string{tc.args[0], "--show-secrets"}, tc.args[1:]...)...)
			for _, s := range tc.shown {
				if !strings.Contains(shown, s) {
					t.Errorf("--show-secrets does not print %q:\n%s", s, shown)
				}
			}
		})
	}
	t.Run("IISCFG_SHOW_SECRETS", func(t *testing.T) {
		t.Setenv("IISCFG_SHOW_SECRETS", "true")
		if out := runCLI(t, "", "migrate", "--color", "never", "testdata/secrets/migrate/web.config"); !strings.Contains(out, "Migrate-Validation-Key-31") {
			t.Errorf("IISCFG_SHOW_SECRETS=true does not print the secret:\n%s", out)
		}
	})
}

// TestSecretsWholeDocumentsAsked: the whole document the user asks for
// (migrate --stdout, transform) is printed as it is: nothing is masked.
func TestSecretsWholeDocumentsAsked(t *testing.T) {
	for _, args := range [][]string{
		{"migrate", "--stdout", "testdata/secrets/migrate/web.config"},
		{"transform", "testdata/secrets/transform/web.config", "testdata/secrets/transform/Web.Release.config"},
	} {
		out := runCLI(t, "", args...)
		if strings.Contains(out, "***") || !(strings.Contains(out, "Migrate-Validation-Key-31") || strings.Contains(out, "Release-Pass-41")) {
			t.Errorf("%v should print the document as it is:\n%s", args, out)
		}
	}
}

// TestSecretsGolden: how masked output reads (testdata/secrets/*.want).
func TestSecretsGolden(t *testing.T) {
	const dir = "testdata/secrets/"
	for name, args := range map[string][]string{
		"lint-quoted-line": {"lint", "--color", "never", dir + "quoted-line.config"},
		"parse-error":      {"lint", "--color", "never", "--format", "github", dir + "parse-error.config"},
		"diff-semantic":    {"diff", "--color", "never", dir + "diff/old", dir + "diff/new"},
		"diff-text":        {"diff", "--color", "never", "--mode", "text", dir + "diff/old", dir + "diff/new"},
		"xdt-locator":      {"lint", "--color", "never", "--format", "compact", dir + "xdt-locator/Web.Release.config"},
		"rewrite-url":      {"lint", "--color", "never", "--format", "compact", dir + "rewrite-url/web.config"},
		"diff-lone":        {"diff", "--color", "never", dir + "lone/old", dir + "lone/new"},
		"diff-apphost":     {"diff", "--color", "never", dir + "apphost/old/applicationHost.config", dir + "apphost/new/applicationHost.config"},
		"migrate":          {"migrate", "--color", "never", dir + "migrate/web.config"},
	} {
		t.Run(name, func(t *testing.T) {
			checkGolden(t, filepath.Join("testdata", "secrets", name+".want"), runCLI(t, "", args...))
		})
	}
}

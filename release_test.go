package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// goreleaserConfig is the part of .goreleaser.yaml that users and the
// GitHub Action depend on.
type goreleaserConfig struct {
	Version int `yaml:"version"`
	Builds  []struct {
		ID      string   `yaml:"id"`
		Main    string   `yaml:"main"`
		Binary  string   `yaml:"binary"`
		Env     []string `yaml:"env"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
		Flags   []string `yaml:"flags"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
	Archives []struct {
		NameTemplate    string   `yaml:"name_template"`
		Formats         []string `yaml:"formats"`
		FormatOverrides []struct {
			Goos    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
	} `yaml:"archives"`
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
		Algorithm    string `yaml:"algorithm"`
	} `yaml:"checksum"`
	Sboms []struct {
		Artifacts string `yaml:"artifacts"`
	} `yaml:"sboms"`
}

func readGoreleaser(t *testing.T) goreleaserConfig {
	t.Helper()
	b, err := os.ReadFile(".goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c goreleaserConfig
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	if err := dec.Decode(&c); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	return c
}

// Stand-ins for goreleaser's template values in a test build.
const (
	testReleaseVersion = "9.8.7" // goreleaser's .Version has no "v"
	testReleaseCommit  = "0123456789abcdef0123456789abcdef01234567"
	testReleaseDate    = "2026-01-02T03:04:05Z"
)

var templateValues = strings.NewReplacer(
	"{{ .Version }}", testReleaseVersion,
	"{{ .FullCommit }}", testReleaseCommit,
	"{{ .CommitDate }}", testReleaseDate,
)

// releaseLdflags renders the build's ldflags as goreleaser would.
func releaseLdflags(t *testing.T, c goreleaserConfig) string {
	t.Helper()
	flags := templateValues.Replace(strings.Join(c.Builds[0].Ldflags, " "))
	if strings.Contains(flags, "{{") {
		t.Fatalf("ldflags use a template value this test does not know: %s", flags)
	}
	return flags
}

// archiveName renders the archive's name_template for one platform.
func archiveName(t *testing.T, c goreleaserConfig, goos, goarch string) string {
	t.Helper()
	a := c.Archives[0]
	name := strings.NewReplacer("{{ .Os }}", goos, "{{ .Arch }}", goarch).Replace(a.NameTemplate)
	if strings.Contains(name, "{{") {
		t.Fatalf("archive name_template uses a value the GitHub Action cannot know: %s", a.NameTemplate)
	}
	format := a.Formats[0]
	for _, o := range a.FormatOverrides {
		if o.Goos == goos {
			format = o.Formats[0]
		}
	}
	return name + "." + format
}

var (
	releaseBinaryOnce sync.Once
	releaseBinary     string
	releaseBinaryErr  string
)

// buildReleaseBinary builds iiscfg for this machine with the ldflags of
// .goreleaser.yaml, once per test run.
func buildReleaseBinary(t *testing.T) string {
	t.Helper()
	c := readGoreleaser(t)
	ldflags := releaseLdflags(t, c)
	releaseBinaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "iiscfg-release-")
		if err != nil {
			releaseBinaryErr = err.Error()
			return
		}
		exe := filepath.Join(dir, "iiscfg")
		if runtime.GOOS == "windows" {
			exe += ".exe"
		}
		// Only the ldflags: -trimpath and CGO_ENABLED=0 would rebuild every
		// package instead of reusing those "go test" compiled.
		cmd := exec.Command("go", "build", "-o", exe, "-ldflags", ldflags, c.Builds[0].Main)
		if out, err := cmd.CombinedOutput(); err != nil {
			releaseBinaryErr = "go build: " + err.Error() + "\n" + string(out)
			return
		}
		releaseBinary = exe
	})
	if releaseBinaryErr != "" {
		t.Fatal(releaseBinaryErr)
	}
	return releaseBinary
}

func TestMain(m *testing.M) {
	code := m.Run()
	if releaseBinary != "" {
		os.RemoveAll(filepath.Dir(releaseBinary))
	}
	os.Exit(code)
}

// TestGoreleaserConfig: the release builds every platform people run IIS
// tooling on, static, with checksums and SBOMs, and stamps the version that
// "iiscfg version" prints.
func TestGoreleaserConfig(t *testing.T) {
	c := readGoreleaser(t)
	if c.Version != 2 {
		t.Errorf("version: %d, want 2 (goreleaser v2 configuration)", c.Version)
	}
	if len(c.Builds) != 1 {
		t.Fatalf("want one build, got %d", len(c.Builds))
	}
	b := c.Builds[0]
	if b.Binary != "iiscfg" || b.Main != "." {
		t.Errorf("binary %q main %q", b.Binary, b.Main)
	}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		if !slices.Contains(b.Goos, goos) {
			t.Errorf("goos lacks %s", goos)
		}
	}
	for _, goarch := range []string{"amd64", "arm64"} {
		if !slices.Contains(b.Goarch, goarch) {
			t.Errorf("goarch lacks %s", goarch)
		}
	}
	if !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("env %v: want CGO_ENABLED=0 (a static binary for FROM scratch and any Linux)", b.Env)
	}
	if !slices.Contains(b.Flags, "-trimpath") {
		t.Errorf("flags %v: want -trimpath (no build machine paths in the binary)", b.Flags)
	}
	if len(c.Archives) != 1 {
		t.Fatalf("want one archive, got %d", len(c.Archives))
	}
	if got := archiveName(t, c, "windows", "arm64"); got != "iiscfg_windows_arm64.zip" {
		t.Errorf("windows archive %q: the GitHub Action (action/install.sh) downloads iiscfg_windows_arm64.zip", got)
	}
	if got := archiveName(t, c, "darwin", "amd64"); got != "iiscfg_darwin_amd64.tar.gz" {
		t.Errorf("macOS archive %q: the GitHub Action (action/install.sh) downloads iiscfg_darwin_amd64.tar.gz", got)
	}
	if c.Checksum.NameTemplate != "checksums.txt" || c.Checksum.Algorithm != "sha256" {
		t.Errorf("checksum %+v: the GitHub Action verifies against checksums.txt (sha256)", c.Checksum)
	}
	if len(c.Sboms) == 0 || c.Sboms[0].Artifacts != "archive" {
		t.Errorf("sboms %+v: want an SBOM per archive", c.Sboms)
	}

	out, err := exec.Command(buildReleaseBinary(t), "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`^iiscfg v` + regexp.QuoteMeta(testReleaseVersion) + `\ncommit: ` + testReleaseCommit +
		`\ndate:   ` + regexp.QuoteMeta(testReleaseDate) + `\ngo:     go1\.\S+ ` + runtime.GOOS + "/" + runtime.GOARCH + `\n$`)
	if !want.Match(out) {
		t.Errorf("a binary built with the release ldflags says:\n%s", out)
	}
}

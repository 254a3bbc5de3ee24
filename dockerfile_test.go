package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type dockerStage struct {
	from, name   string
	instructions [][2]string // keyword (upper case), rest of the line
}

// readDockerfile splits the Dockerfile into stages of instructions,
// joining continued lines and dropping comments.
func readDockerfile(t *testing.T) []dockerStage {
	t.Helper()
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	var stages []dockerStage
	var line string
	for _, raw := range strings.Split(string(b), "\n") {
		trimmed := strings.TrimSpace(raw)
		if strings.HasPrefix(trimmed, "#") && line == "" {
			continue
		}
		if strings.HasSuffix(trimmed, "\\") {
			line += strings.TrimSuffix(trimmed, "\\") + " "
			continue
		}
		line += trimmed
		if line == "" {
			continue
		}
		keyword, rest, _ := strings.Cut(line, " ")
		keyword = strings.ToUpper(keyword)
		line = ""
		if keyword == "FROM" {
			f := strings.Fields(rest)
			f = slices.DeleteFunc(f, func(s string) bool { return strings.HasPrefix(s, "--platform=") })
			s := dockerStage{from: f[0]}
			if len(f) == 3 && strings.EqualFold(f[1], "AS") {
				s.name = f[2]
			}
			stages = append(stages, s)
			continue
		}
		if len(stages) > 0 {
			stages[len(stages)-1].instructions = append(stages[len(stages)-1].instructions, [2]string{keyword, rest})
		}
	}
	return stages
}

func (s dockerStage) last(keyword string) string {
	v := ""
	for _, in := range s.instructions {
		if in[0] == keyword {
			v = in[1]
		}
	}
	return v
}

// TestDockerfile: a static binary, in a minimal image, not run as root,
// working in /src, stamped like a release build.
func TestDockerfile(t *testing.T) {
	stages := readDockerfile(t)
	if len(stages) < 2 {
		t.Fatalf("want a build stage and an image stage, got %d stages", len(stages))
	}
	final := stages[len(stages)-1]
	if final.from != "scratch" && !strings.HasPrefix(final.from, "gcr.io/distroless/static") {
		t.Errorf("the default image is FROM %s; want scratch or distroless/static", final.from)
	}
	var build dockerStage
	for _, s := range stages {
		if s.name == "build" {
			build = s
			continue
		}
		user := s.last("USER")
		if user == "" || user == "root" || strings.HasPrefix(user, "0:") || user == "0" {
			t.Errorf("image FROM %s runs as %q; want a non-root user", s.from, user)
		}
		if w := s.last("WORKDIR"); w != "/src" {
			t.Errorf("image FROM %s: WORKDIR %q, want /src (where users mount their repository)", s.from, w)
		}
		var entry []string
		if err := json.Unmarshal([]byte(s.last("ENTRYPOINT")), &entry); err != nil || len(entry) != 1 || filepath.Base(entry[0]) != "iiscfg" {
			t.Errorf("image FROM %s: ENTRYPOINT %s; want the exec form [\".../iiscfg\"], so that arguments and signals reach iiscfg", s.from, s.last("ENTRYPOINT"))
		}
	}
	run := build.last("RUN")
	if !strings.Contains(run, "CGO_ENABLED=0") || !strings.Contains(run, "-trimpath") {
		t.Errorf("the build stage's last RUN must build a static binary without build paths: %s", run)
	}
	stamp := regexp.MustCompile(`-X (\S+)=`)
	var dockerX, releaseX []string
	for _, m := range stamp.FindAllStringSubmatch(run, -1) {
		dockerX = append(dockerX, m[1])
	}
	for _, m := range stamp.FindAllStringSubmatch(strings.Join(readGoreleaser(t).Builds[0].Ldflags, " "), -1) {
		releaseX = append(releaseX, m[1])
	}
	if !slices.Equal(dockerX, releaseX) || len(dockerX) != 3 {
		t.Errorf("the image stamps %v, the release %v: both must stamp version, commit and date", dockerX, releaseX)
	}

	// The Go image is at least the go directive of go.mod.
	goMod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?m)^go 1\.(\d+)`).FindSubmatch(goMod)
	b, _ := os.ReadFile("Dockerfile")
	got := regexp.MustCompile(`(?m)^ARG GO_VERSION=1\.(\d+)`).FindSubmatch(b)
	if want == nil || got == nil {
		t.Fatal("no go directive in go.mod or no ARG GO_VERSION=1.N in the Dockerfile")
	}
	if g, w := atoi(t, got[1]), atoi(t, want[1]); g < w {
		t.Errorf("ARG GO_VERSION=1.%d, but go.mod says go 1.%d", g, w)
	}
}

func atoi(t *testing.T, b []byte) int {
	t.Helper()
	n, err := strconv.Atoi(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDockerignore: the build context keeps what go build needs.
func TestDockerignore(t *testing.T) {
	b, err := os.ReadFile(".dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	needed := []string{"go.mod", "go.sum", "main.go", "cli/main.go", "schema/data/iis.schema"}
	for _, line := range strings.Split(string(b), "\n") {
		pattern := strings.TrimPrefix(strings.TrimSpace(line), "/")
		if pattern == "" || strings.HasPrefix(pattern, "#") {
			continue
		}
		for _, p := range needed {
			if ok, _ := filepath.Match(strings.TrimPrefix(pattern, "**/"), p); ok {
				t.Errorf(".dockerignore %q leaves out %s, which the build needs", line, p)
			}
		}
	}
}

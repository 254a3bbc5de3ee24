package main

import (
	"path/filepath"
	"testing"
)

// TestANCMSiteGolden: the rules that need the server (pools shared by
// ASP.NET Core apps, a site root's handler inherited by nested
// applications, allowedServerVariables) on testdata/ancm-site (see its
// README). Linting one application still judges it against the other
// applications of its pool, and reports nothing about them.
func TestANCMSiteGolden(t *testing.T) {
	server := []string{"--apphost", "testdata/ancm-site/applicationHost.config", "--path-map", `C:\sites\core=testdata/ancm-site/core`}
	cases := []struct {
		name string
		args []string
	}{
		{"lint", []string{"lint", "--color", "never"}},
		{"lint-shop", []string{"lint", "--color", "never", "Core/shop"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{tc.args[0]}, server...), tc.args[1:]...)
			checkGolden(t, filepath.Join("testdata", "ancm-site", tc.name+".want"), runCLI(t, "", args...))
		})
	}
}

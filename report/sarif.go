package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/iiscfg/iiscfg/validate"
)

// SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads read. Only
// the properties iiscfg fills are declared.

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
	// Enabled is false for opt-in rules (SARIF 3.50.3: absent means true).
	Enabled *bool `json:"enabled,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ExitCode                   int                 `json:"exitCode"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

// sarifSuppression marks a result an iiscfg-ignore comment suppresses
// (GitHub code scanning shows it as dismissed).
type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// SARIF writes the run as one SARIF 2.1.0 log: the rule catalogue, a result
// per finding (suppressed ones marked with the comment's reason), and the inputs that could not be read or parsed as tool
// execution notifications. Columns count Unicode code points, as iiscfg's
// do; paths are relative to the working directory (uriBaseId %SRCROOT%).
func SARIF(w io.Writer, r *Result, m Meta) error {
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "iiscfg", Version: m.ToolVersion, InformationURI: InformationURI, Rules: []sarifRule{}}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	ruleIndex := map[*validate.Rule]int{}
	for i, rule := range m.Rules {
		ruleIndex[rule] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: rule.Code, Name: rule.Name,
			ShortDescription:     sarifMessage{rule.Summary},
			FullDescription:      sarifMessage{strings.Join(strings.Fields(rule.Doc), " ")},
			HelpURI:              RuleHelpURI(rule),
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(rule.Severity), Enabled: enabledByDefault(rule)},
		})
	}
	for _, f := range append(append([]validate.Finding(nil), r.Findings...), r.Suppressed...) {
		var sup []sarifSuppression
		if f.Suppressed {
			sup = []sarifSuppression{{Kind: "inSource", Justification: f.Justification}}
		}
		run.Results = append(run.Results, sarifResult{
			Suppressions: sup,
			RuleID:       f.Rule.Code, RuleIndex: ruleIndex[f.Rule], Level: sarifLevel(f.Severity),
			Message: sarifMessage{f.OneLine()},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifact(f.File, m.WorkDir),
				Region:           &sarifRegion{StartLine: f.Start.Line, StartColumn: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column},
			}}},
		})
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0, ExitCode: m.ExitCode}
	for _, e := range r.Errors {
		n := sarifNotification{Level: "error", Message: sarifMessage{e.Message}}
		loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: artifact(e.File, m.WorkDir)}}
		if e.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: e.Line, StartColumn: e.Column}
		}
		n.Locations = []sarifLocation{loc}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.Invocations = []sarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifLevel(s validate.Severity) string {
	switch s {
	case validate.Error:
		return "error"
	case validate.Warning:
		return "warning"
	}
	return "note"
}

// fileURI is the file: URI of an absolute path with forward slashes:
// file:///srv/web.config, and on Windows file:///C:/inetpub/web.config
// (RFC 8089 appendix E.2: the drive letter follows a third slash).
func fileURI(slashPath string) string {
	if !strings.HasPrefix(slashPath, "/") {
		slashPath = "/" + slashPath
	}
	u := url.URL{Scheme: "file", Path: slashPath}
	return u.String()
}

// artifact names a file for SARIF: a relative URI (forward slashes, each
// segment escaped) against %SRCROOT%, the working directory; a file outside
// it gets an absolute file: URI.
func artifact(path, workDir string) sarifArtifactLocation {
	if path == "" || strings.HasPrefix(path, "<") {
		return sarifArtifactLocation{URI: url.PathEscape(path)} // <stdin>
	}
	rel := filepath.ToSlash(path)
	if filepath.IsAbs(path) && workDir != "" {
		if r, err := filepath.Rel(workDir, path); err == nil && !strings.HasPrefix(r, "..") {
			rel = filepath.ToSlash(r)
		} else {
			return sarifArtifactLocation{URI: fileURI(filepath.ToSlash(path))}
		}
	}
	rel = strings.TrimPrefix(rel, "./")
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return sarifArtifactLocation{URI: strings.Join(segs, "/"), URIBaseID: "%SRCROOT%"}
}

// enabledByDefault is SARIF's "enabled": false for a rule that runs only
// when selected, nil (true) otherwise.
func enabledByDefault(r *validate.Rule) *bool {
	if !r.OptIn() {
		return nil
	}
	off := false
	return &off
}

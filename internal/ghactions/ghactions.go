// Package ghactions writes GitHub Actions workflow commands
// ("::error file=...,line=...::message"), escaped as the Actions toolkit
// escapes them (actions/toolkit, packages/core/src/command.ts).
package ghactions

import (
	"fmt"
	"io"
	"strings"
)

// EscapeData escapes a command's message.
func EscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// EscapeProperty escapes a property value (file=, title=, ...).
func EscapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Property is one name=value of a command.
type Property struct{ Name, Value string }

// Write writes "::command name=value,...::message". Properties with an
// empty value are left out.
func Write(w io.Writer, command string, props []Property, message string) error {
	var parts []string
	for _, p := range props {
		if p.Value != "" {
			parts = append(parts, p.Name+"="+EscapeProperty(p.Value))
		}
	}
	line := "::" + command
	if len(parts) > 0 {
		line += " " + strings.Join(parts, ",")
	}
	_, err := fmt.Fprintf(w, "%s::%s\n", line, EscapeData(message))
	return err
}

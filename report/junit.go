package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
)

// JUnit XML, as CI servers (Azure Pipelines, GitLab, Jenkins) read it: a
// <testsuite> per linted file, a failing <testcase> per finding (a passing
// one for a clean file), and an <error> test case per input that could not
// be read or parsed.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes the run as JUnit XML.
func JUnit(w io.Writer, r *Result, _ Meta) error {
	out := junitSuites{Name: "iiscfg lint"}
	index := map[string]int{}
	suite := func(name string) *junitSuite {
		i, ok := index[name]
		if !ok {
			i = len(out.Suites)
			index[name] = i
			out.Suites = append(out.Suites, junitSuite{Name: name})
		}
		return &out.Suites[i]
	}
	for _, f := range r.Files {
		suite(f)
	}
	for _, f := range r.Findings {
		s := suite(f.File)
		s.Cases = append(s.Cases, junitCase{
			Name:      fmt.Sprintf("%s:%d:%d %s", f.File, f.Start.Line, f.Start.Column, f.Rule.Name),
			Classname: f.File,
			Failure: &junitProblem{Message: f.OneLine(), Type: f.Severity.String(),
				Text: fmt.Sprintf("%s:%d:%d: %s: %s [%s %s]", f.File, f.Start.Line, f.Start.Column, f.Severity, f.OneLine(), f.Rule.Code, f.Rule.Name)},
		})
		s.Failures++
	}
	for _, e := range r.Errors {
		s := suite(e.File)
		s.Cases = append(s.Cases, junitCase{Name: e.where() + " read and parse", Classname: e.File,
			Error: &junitProblem{Message: e.Message, Type: "input", Text: e.where() + ": " + e.Message}})
		s.Errors++
	}
	// By file name, as every other format orders files: r.Files comes in
	// the order the files were judged, which follows the arguments.
	sort.SliceStable(out.Suites, func(i, j int) bool { return out.Suites[i].Name < out.Suites[j].Name })
	for i := range out.Suites {
		s := &out.Suites[i]
		if len(s.Cases) == 0 {
			s.Cases = []junitCase{{Name: s.Name + " lint", Classname: s.Name}}
		}
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
	}
	return writeXML(w, out)
}

package validate

// DuplicateSection: a section twice in one file for one path.
var DuplicateSection = schemaRule(&Rule{
	Code:     "IC206",
	Name:     nameDuplicateSection,
	Severity: Error,
	Summary:  "the same section twice in one file for one path: IIS answers HTTP 500.19",
	Doc: `A file may set a section once per path: once outside <location> tags (or in <location
path=".">, which is the same path) and once in each <location> of another path. A second
<modules> or <system.web><authentication> for the same path makes IIS answer HTTP 500.19
"Config section 'system.webServer/modules' already defined. Sections must only appear once per
config file. See the help topic <location> for exceptions" (0x800700b7); ASP.NET refuses .NET
sections the same way. Section groups (<system.web>, <system.webServer>) may repeat.

Fix: merge the two elements into one.`,
})

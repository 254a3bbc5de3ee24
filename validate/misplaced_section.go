package validate

// MisplacedSection: a section set at a level its registration forbids.
var MisplacedSection = schemaRule(&Rule{
	Code:     "IC210",
	Name:     nameMisplacedSection,
	Severity: Error,
	Summary:  "a section set in a file its registration does not allow (allowDefinition, allowLocation, <configSections> placement)",
	Doc: `A section's declaration says where it may be set: allowDefinition="AppHostOnly"
(globalModules, fastCgi, sites) only in applicationHost.config; MachineOnly and
MachineToWebRoot only in machine.config or the root web.config; MachineToApplication
(authentication, sessionState, machineKey, modules) not in a folder below an application —
ASP.NET's "It is an error to use a section registered as allowDefinition='MachineToApplication'
beyond application level", usually a folder that is not configured as an application in IIS.
allowLocation="false" sections (runtime, processModel) cannot be inside a <location>. And
<configSections> must be the first child of <configuration>.

The application level is known exactly with --apphost; for a directory walk, a web.config is
taken as an application root when it has such sections.`,
})

package schema

// Section schemas. Facts from IIS's IIS_schema.xml and ASPNET_schema.xml as
// summarised in ../shared/reference/iis-schema.md §2 (section by section),
// and registrations from §2.4 and §2.8; written here in our own form.

var sections = map[string]*Section{}

func register(s *Section) *Section {
	sections[s.Path] = s
	return s
}

// Lookup returns the schema of the section at path, or nil.
func Lookup(path string) *Section { return sections[path] }

// Sections lists every described section.
func Sections() map[string]*Section { return sections }

// system.web/httpModules (iis-schema.md §2.4; ASPNET_schema.xml). Declared in
// machine.config without allowDefinition, i.e. Everywhere.
var HTTPModules = register(section("system.web/httpModules", "Everywhere", "Allow", elem("",
	coll(elem("add",
		attr("name", String, required, uniqueKey, nonEmpty),
		attr("type", String, required),
	)),
)))

// system.web/httpHandlers (iis-schema.md §2.4): prepend, duplicates allowed,
// keyed by (path, verb).
var HTTPHandlers = register(section("system.web/httpHandlers", "Everywhere", "Allow", elem("",
	coll(elem("add",
		attr("path", String, required, combinedKey),
		attr("type", String, required),
		attr("validate", Bool, def("True")),
		attr("verb", String, required, combinedKey),
	), prepend, duplicates),
)))

// system.web/identity (iis-schema.md §2.4): allowUnrecognizedAttributes.
var Identity = register(section("system.web/identity", "Everywhere", "Allow", elem("",
	attr("impersonate", Bool, def("False")),
	attr("password", String),
	attr("userName", String),
	unrecognizedOK,
)))

// system.webServer/modules (iis-schema.md §2.1, registration §2.8).
var Modules = register(section("system.webServer/modules", "MachineToApplication", "Deny", elem("",
	attr("runAllManagedModulesForAllRequests", Bool, def("false")),
	attr("runManagedModulesForWebDavRequests", Bool, def("false")),
	coll(elem("add",
		attr("name", String, caseSens, required, uniqueKey, nonEmpty),
		attr("type", String, caseSens),
		attr("preCondition", String, caseSens),
	)),
)))

// system.webServer/handlers (iis-schema.md §2.2, registration §2.8): prepend.
var Handlers = register(section("system.webServer/handlers", "Everywhere", "Deny", elem("",
	attr("accessPolicy", Flags, def("Read"), values("None", 0, "Read", 1, "Write", 2, "Execute", 4, "Source", 16,
		"Script", 512, "NoRemoteWrite", 1024, "NoRemoteRead", 4096, "NoRemoteExecute", 8192, "NoRemoteScript", 16384)),
	coll(elem("add",
		attr("name", String, caseSens, required, uniqueKey, nonEmpty),
		attr("path", String, required, nonEmpty),
		attr("verb", String, required, caseSens),
		attr("type", String, caseSens),
		attr("modules", String, caseSens, def("ManagedPipelineHandler")),
		attr("scriptProcessor", String, expanded),
		attr("resourceType", Enum, def("Unspecified"), values("File", 0, "Directory", 1, "Either", 2, "Unspecified", 3)),
		attr("requireAccess", Enum, def("Script"), values("None", 0, "Read", 1, "Write", 2, "Script", 3, "Execute", 4)),
		attr("allowPathInfo", Bool, def("false")),
		attr("preCondition", String, caseSens),
		attr("responseBufferLimit", UInt, def("4194304")),
	), prepend),
)))

// system.webServer/validation (iis-schema.md §2.3).
var Validation = register(section("system.webServer/validation", "Everywhere", "Allow", elem("",
	attr("validateIntegratedModeConfiguration", Bool, def("true")),
)))

// ApplicationOnlySections are sections registered with
// allowDefinition="MachineToApplication": ASP.NET refuses them in a
// subfolder's web.config, so a web.config that has one is an application's
// root. From the .NET 4 machine.config (corpus: ZhangGaoxing/t4-template
// machine.config) and IIS's applicationHost.config (iis-schema.md §2.8).
var ApplicationOnlySections = []string{
	"system.web/anonymousIdentification", "system.web/authentication", "system.web/healthMonitoring",
	"system.web/hostingEnvironment", "system.web/machineKey", "system.web/membership", "system.web/profile",
	"system.web/roleManager", "system.web/sessionState", "system.web/siteMap", "system.web/trust",
	"system.web/urlMappings", "system.webServer/modules",
}

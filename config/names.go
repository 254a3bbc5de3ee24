package config

import (
	"encoding/binary"
	"strings"
	"sync"

	"github.com/iiscfg/iiscfg/schema"
)

// Element and attribute names, and indentation, repeat across files: the
// scanner takes them from a table built once, so that a file allocates
// only the names and indentation the table does not know, once each.

// knownStrings maps the spelling of a name or of an indentation run in a
// file to the string to use: the same bytes for a name, the text with line
// ends normalized for indentation ("\r\n  " gives "\n  ").
var knownStrings = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	add := func(s string) {
		if _, ok := m[s]; !ok {
			m[s] = s
		}
	}
	for _, n := range []string{
		"configuration", "configSections", "section", "sectionGroup", "location", "path",
		"inheritInChildApplications", "overrideMode", "allowOverride", "name", "type",
		"requirePermission", "allowDefinition", "allowLocation", "restartOnExternalChanges",
		"xmlns", "xmlns:xdt", "xdt:Transform", "xdt:Locator", "configSource",
	} {
		add(n)
	}
	var walk func(e *schema.Element)
	walk = func(e *schema.Element) {
		add(e.Name)
		for _, a := range e.Attrs {
			add(a.Name)
		}
		for _, c := range e.Children {
			walk(c)
		}
		if c := e.Collection; c != nil {
			for _, a := range c.Add {
				add(a)
			}
			add(c.Remove)
			add(c.Clear)
			if c.Item != nil {
				walk(c.Item)
			}
		}
	}
	for path, sec := range schema.Sections() {
		for _, seg := range strings.Split(path, "/") {
			add(seg)
		}
		walk(sec.Root)
	}
	for _, n := range dotNetNames {
		add(n)
	}
	delete(m, "")
	// Indentation: a line end (LF or CRLF), maybe after a blank line, then
	// up to 40 spaces or 16 tabs.
	for _, nl := range []string{"\n", "\r\n"} {
		for _, before := range []string{"", nl} {
			for n := 0; n <= 40; n++ {
				for _, unit := range []string{" ", "\t"} {
					if unit == "\t" && n > 16 {
						continue
					}
					raw := before + nl + strings.Repeat(unit, n)
					m[raw] = strings.ReplaceAll(raw, "\r\n", "\n")
				}
			}
		}
	}
	return m
})

// dotNetNames are names that .NET's own sections (and the membership
// provider's settings) write in a web.config, outside the schema of IIS
// and ASP.NET sections: a quarter of web.config files bind assemblies
// (<runtime>) and a fifth declare compilers (<system.codedom>).
var dotNetNames = []string{
	// runtime
	"runtime", "assemblyBinding", "dependentAssembly", "assemblyIdentity", "bindingRedirect", "codeBase",
	"publicKeyToken", "culture", "oldVersion", "newVersion", "href", "probing", "privatePath", "appliesTo",
	"processorArchitecture", "publisherPolicy", "apply", "legacyUnhandledExceptionPolicy", "gcServer",
	// startup, system.data
	"startup", "supportedRuntime", "sku", "useLegacyV2RuntimeActivationPolicy", "version",
	"system.data", "DbProviderFactories", "invariant", "description",
	// system.codedom
	"system.codedom", "compilers", "compiler", "language", "extension", "warningLevel", "compilerOptions",
	"providerOption",
	// system.net, uri
	"system.net", "mailSettings", "smtp", "network", "from", "host", "port", "userName", "password",
	"defaultCredentials", "enableSsl", "deliveryMethod", "specifiedPickupDirectory", "pickupDirectoryLocation",
	"defaultProxy", "proxy", "usesystemdefault", "bypassonlocal", "proxyaddress", "settings",
	"servicePointManager", "connectionManagement", "address", "maxconnection", "uri", "idn", "iriParsing",
	// system.serviceModel
	"system.serviceModel", "behaviors", "serviceBehaviors", "endpointBehaviors", "behavior", "serviceMetadata",
	"httpGetEnabled", "httpsGetEnabled", "serviceDebug", "includeExceptionDetailInFaults",
	"serviceHostingEnvironment", "multipleSiteBindingsEnabled", "aspNetCompatibilityEnabled", "bindings",
	"basicHttpBinding", "wsHttpBinding", "webHttpBinding", "binding", "bindingConfiguration",
	"behaviorConfiguration", "services", "service", "endpoint", "contract", "client", "security", "transport",
	"message", "clientCredentialType", "readerQuotas", "maxReceivedMessageSize", "maxBufferSize",
	"maxBufferPoolSize", "transferMode", "messageEncoding", "closeTimeout", "openTimeout", "receiveTimeout",
	"sendTimeout", "webHttp", "extensions",
	// system.diagnostics
	"system.diagnostics", "trace", "autoflush", "listeners", "sources", "source", "switches",
	"sharedListeners", "initializeData", "traceOutputOptions", "switchValue", "switchName",
	// entityFramework
	"entityFramework", "defaultConnectionFactory", "parameters", "parameter", "providers", "provider",
	"invariantName",
	// membership and role providers' settings; system.web parts outside the schema
	"connectionStringName", "enablePasswordRetrieval", "enablePasswordReset", "requiresQuestionAndAnswer",
	"requiresUniqueEmail", "maxInvalidPasswordAttempts", "minRequiredPasswordLength",
	"minRequiredNonalphanumericCharacters", "passwordAttemptWindow", "passwordFormat", "applicationName",
	"passwordStrengthRegularExpression", "siteMap", "siteMapFile", "securityTrimmingEnabled", "profile",
	"properties", "xhtmlConformance", "requestValidationMode", "anonymousIdentification", "trust", "level",
	"webServices", "protocols", "outputCacheSettings", "outputCacheProfiles", "system.web.extensions",
	"scripting",
}

// indents[tab][n] is a line end followed by n spaces (tab 0) or tabs (1).
var indents = func() (t [2][41]string) {
	for n := range t[0] {
		t[0][n] = "\n" + strings.Repeat(" ", n)
		t[1][n] = "\n" + strings.Repeat("\t", n)
	}
	return t
}()

// indentOf recognises the usual indentation run (LF or CRLF, then up to 40
// spaces or tabs) without hashing it, and returns it normalized.
func indentOf(b []byte) (string, bool) {
	switch {
	case len(b) >= 2 && b[0] == '\r' && b[1] == '\n':
		b = b[2:]
	case len(b) >= 1 && b[0] == '\n':
		b = b[1:]
	default:
		return "", false
	}
	if len(b) >= len(indents[0]) {
		return "", false
	}
	tab := 0
	if len(b) > 0 && b[0] == '\t' {
		tab = 1
	}
	unit := " \t"[tab]
	n := len(b)
	for len(b) >= 8 && binary.LittleEndian.Uint64(b) == uint64(unit)*0x0101010101010101 {
		b = b[8:] // eight at a time
	}
	for _, c := range b {
		if c != unit {
			return "", false
		}
	}
	return indents[tab][n], true
}

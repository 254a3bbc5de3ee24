package validate

// MissingRequired: a required attribute is not there.
var MissingRequired = schemaRule(&Rule{
	Code:     "IC204",
	Name:     nameMissingRequired,
	Severity: Error,
	Summary:  "an element lacks an attribute its schema requires: IIS answers HTTP 500.19",
	Doc: `Some attributes are required: a handler needs name, path and verb, a module its name, an
httpHandlers entry its path, verb and type, a <remove> the key of the entry it removes. IIS
refuses the section without them (HTTP 500.19, "Missing required attribute"); ASP.NET answers
"The required attribute 'x' not found" for system.web. Not checked in XDT transforms, whose
elements are usually fragments.`,
})

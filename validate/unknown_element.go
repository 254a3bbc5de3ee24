package validate

// UnknownElement: an element the section's schema does not have.
var UnknownElement = schemaRule(&Rule{
	Code:     "IC201",
	Name:     nameUnknownElement,
	Severity: Error,
	Summary:  "an element the section's schema does not have: IIS answers HTTP 500.19 (ASP.NET a configuration error)",
	Doc: `IIS reads a section only by its schema: an element the schema does not name — a typo, a
letter-case mistake (<Add> for <add>), an element of a newer IIS or of a module the server does
not have — makes the section unreadable. IIS answers HTTP 500.19 with "Unrecognized element
'x'" (HRESULT 0x8007000d) for every request that reads the section; for .NET sections such as
system.web, ASP.NET shows the same text as a configuration error.

Fix the name (the message suggests the right letter case), or remove the element. Elements in
another XML namespace (xdt:Import) are not checked.`,
})

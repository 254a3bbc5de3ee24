package validate

// UnsupportedDirective: <remove> or <clear> where the collection has none.
var UnsupportedDirective = schemaRule(&Rule{
	Code:     "IC207",
	Name:     nameUnsupportedDirective,
	Severity: Error,
	Summary:  "<remove> or <clear/> in a collection whose schema has no such directive: IIS answers HTTP 500.19",
	Doc: `A collection supports only the directives its schema names: applicationPools and sites have
neither <remove> nor <clear/>, a site's bindings and a FastCGI application's environment
variables have no <remove>. IIS reads the directive as an unknown element and answers HTTP
500.19 ("Unrecognized element 'remove'").

Fix: edit the entry in place, or remove it from the file that adds it.`,
})

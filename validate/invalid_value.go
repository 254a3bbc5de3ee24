package validate

// InvalidValue: a value the attribute's type or validator refuses.
var InvalidValue = schemaRule(&Rule{
	Code:     "IC203",
	Name:     nameInvalidValue,
	Severity: Error,
	Summary:  "a value the attribute's type or range does not allow: IIS answers HTTP 500.19 (ASP.NET a configuration error)",
	Doc: `Every attribute has a type in the schema — bool, int, uint, int64, timeSpan, enum or flags — and
some a validator (a range, a non-empty string, a pool or site name). A value that does not
parse, an enum or flag name the schema does not define, a number out of range or a malformed
time span makes IIS refuse the section with HTTP 500.19; ASP.NET answers "The value of the
property 'x' cannot be parsed" for system.web.

Enum names are matched as ASP.NET matches them for .NET sections — exactly, so
<customErrors mode="off"> is an error there — and without regard to letter case for IIS
sections, where IIS's behaviour is not documented. A location tag may not set both
overrideMode and allowOverride.`,
})

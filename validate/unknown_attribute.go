package validate

// UnknownAttribute: an attribute the element's schema does not have.
var UnknownAttribute = schemaRule(&Rule{
	Code:     "IC202",
	Name:     nameUnknownAttribute,
	Severity: Error,
	Summary:  "an attribute the element's schema does not have: IIS answers HTTP 500.19 (ASP.NET a configuration error)",
	Doc: `IIS answers HTTP 500.19 "Unrecognized attribute 'x'" (0x8007000d) when an element carries an
attribute its schema does not define: a typo, a letter-case mistake (attribute names are
case-sensitive), or an attribute of a newer version — removeServerHeader on IIS 8.5,
useOriginalURLEncoding on URL Rewrite 2.0. ASP.NET answers the same for system.web sections,
adding "Note that attribute names are case-sensitive."

Not reported: the attributes every element may carry (lockAttributes, lockAllAttributesExcept,
lockElements, lockAllElementsExcept, lockItem), configSource, configProtectionProvider and
configBuilders on a section's own element, xmlns declarations, attributes in another namespace
(xdt:Transform), and any attribute of an element whose schema allows unrecognized attributes
(provider <add> elements, system.web/identity, system.web/httpRuntime).`,
})

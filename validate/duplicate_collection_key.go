package validate

// DuplicateKey: an entry whose key is already in the effective collection.
var DuplicateKey = schemaRule(&Rule{
	Code:     "IC205",
	Name:     nameDuplicateKey,
	Severity: Error,
	Summary:  "an entry whose key the collection already holds, here or inherited: IIS answers HTTP 500.19",
	Doc: `A collection entry is identified by its key (a handler's name, an httpErrors error's
statusCode and subStatusCode). Adding a key the effective collection already holds — from the
same file, or inherited from applicationHost.config, the root web.config or machine.config —
fails: IIS answers HTTP 500.19 "Cannot add duplicate collection entry of type 'add' with unique
key attribute 'name' set to 'X'" (0x800700b7), and the .NET configuration system "The entry
'X' has already been added." (the classic is LocalSqlServer in connectionStrings).

Without --apphost, iiscfg knows what a stock server brings: IIS 10's modules and handlers, the
root web.config's httpModules, and machine.config's LocalSqlServer connection string and
membership and role providers. Collections that allow duplicates (httpHandlers, authorization,
compilation assemblies, appSettings) are not checked.

Fix: <remove> the inherited entry first, or <clear/> the collection, or drop the duplicate.`,
})

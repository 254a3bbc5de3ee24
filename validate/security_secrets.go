package validate

import (
	"regexp"
	"strings"
)

// Secrets written in configuration files. These rules read every file,
// transforms included (a transform that inserts a key leaks it too), and
// their findings never quote the secret: the message names the setting,
// and reports leave out the source line.

// LiteralMachineKey: validation or decryption keys written out.
var LiteralMachineKey = register(&Rule{
	Code:     "IC710",
	Name:     "literal-machine-key",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `system.web/machineKey with a literal validationKey or decryptionKey: whoever has the file can forge ViewState and authentication tickets`,
	Doc: `machineKey's validationKey signs and its decryptionKey encrypts ViewState, forms
authentication tickets, anti-forgery tokens and role cookies. Whoever knows them can forge all
of these; a forged ViewState is deserialized by the server, which is remote code execution.
Keys written into a web.config end up in source control, in deployment packages and in samples
copied from the web: Microsoft Threat Intelligence reported in February 2025 more than 3,000
publicly disclosed keys, used in ViewState code-injection attacks.

The rule reports a key that is not "AutoGenerate" (with or without ",IsolateApps" or
",IsolateByAppId"). It never prints the key, and reports do not quote its line. An encrypted
<machineKey> (protected configuration, aspnet_regiis -pe) has no attributes and is not
reported.

Fix it by removing the keys (AutoGenerate, the default, is right for a single server), or, for a
web farm, by generating fresh keys per environment and keeping them out of the repository:
encrypt the section with aspnet_regiis -pef, or set the keys at machine level on the servers.
If the keys were ever public, generate new ones.`,
	check: checkLiteralMachineKey,
})

func checkLiteralMachineKey(p *pass) {
	for _, e := range p.ownElements("system.web/machineKey") {
		for _, attr := range []string{"validationKey", "decryptionKey"} {
			v := strings.TrimSpace(e.SelectAttrValue(attr, ""))
			if v == "" || strings.HasPrefix(strings.ToLower(v), "autogenerate") || isPlaceholder(v) {
				continue
			}
			p.reportSecretAttr(e, attr, "machineKey %s is written out (%d characters, not shown): whoever has this file can forge ViewState (remote code execution) and authentication tickets; remove it, or keep per-environment keys out of the repository", attr, len(v))
		}
	}
}

// ClearFormsCredentials: forms authentication users with clear passwords.
var ClearFormsCredentials = register(&Rule{
	Code:     "IC711",
	Name:     "clear-forms-credentials",
	Severity: Error,
	Set:      securitySet,
	Summary:  `forms authentication <credentials passwordFormat="Clear"> with user passwords: the passwords are in the file in clear text`,
	Doc: `system.web/authentication/forms/credentials can hold user names and passwords for forms
authentication. With passwordFormat="Clear" the passwords are stored as written, so anyone who
can read the file, its backups or the repository can sign in. (The default format, SHA1, and MD5
are unsalted hashes, which is weak too, but at least not the password itself.)

The rule reports each <user> with a non-empty password under passwordFormat="Clear". It never
prints the password, and reports do not quote its line.

Fix it by moving the users to a membership or identity store with salted hashes; if the
credentials section must stay, store hashes and change the passwords that were in the file.`,
	check: checkClearFormsCredentials,
})

func checkClearFormsCredentials(p *pass) {
	for _, forms := range p.ownElements("system.web/authentication") {
		for _, f := range forms.SelectElements("forms") {
			for _, c := range f.SelectElements("credentials") {
				if !strings.EqualFold(strings.TrimSpace(c.SelectAttrValue("passwordFormat", "")), "Clear") {
					continue
				}
				for _, u := range c.SelectElements("user") {
					if strings.TrimSpace(u.SelectAttrValue("password", "")) == "" {
						continue
					}
					p.reportSecretAttr(u, "password", "user %q has a password in clear text (passwordFormat=\"Clear\"; not shown): anyone who can read this file can sign in as that user; store salted hashes in a user store instead", u.SelectAttrValue("name", ""))
				}
			}
		}
	}
}

// ConnectionStringPassword: a password inside a connection string.
var ConnectionStringPassword = register(&Rule{
	Code:     "IC712",
	Name:     "connection-string-password",
	Severity: Warning,
	Set:      securitySet,
	Summary:  `a connection string with a password in it (Password=, Pwd=): the database password is in the file in clear text`,
	Doc: `A connectionString with "Password=" or "Pwd=" (or any key ending in "password", such as
"Jet OLEDB:Database Password") carries the database password in clear text into source
control, deployment packages and backups. The rule reports it without printing the password
(reports do not quote its line either). It does not report an empty password, or a value that
is plainly a deployment placeholder: $(Name), #{Name}#, __Name__, {{Name}}, ${Name}, %Name%,
or a run of asterisks. Entity Framework's nested "provider connection string" is read the same
way.

Fix it by using integrated security (Integrated Security=SSPI, Trusted_Connection=yes) or a
managed identity, or by keeping the password out of the file: a placeholder that the release
pipeline replaces, configBuilders (Azure Key Vault, environment variables), or an encrypted
connectionStrings section (aspnet_regiis -pef).`,
	check: checkConnectionStringPassword,
})

func checkConnectionStringPassword(p *pass) {
	for _, cs := range p.ownElements("connectionStrings") {
		for _, add := range cs.SelectElements("add") {
			key := passwordKey(add.SelectAttrValue("connectionString", ""))
			if key == "" {
				continue
			}
			p.reportSecretAttr(add, "connectionString", "connection string %q holds a password (%s=…, not shown) in clear text; use integrated security or a managed identity, or keep the password out of the file", add.SelectAttrValue("name", ""), key)
		}
	}
}

// passwordKey returns the key of the first non-empty, non-placeholder
// password in a connection string, as written, or "".
func passwordKey(cs string) string {
	for _, part := range strings.Split(cs, ";") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		k = strings.TrimSpace(k)
		// Entity Framework nests the provider's string in quotes:
		// provider connection string="data source=...;password=x".
		if i := strings.LastIndexAny(k, `"'`); i >= 0 {
			k = strings.TrimSpace(k[i+1:])
		}
		lk := strings.ToLower(k)
		if lk != "pwd" && !strings.HasSuffix(lk, "password") {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		if v == "" || isPlaceholder(v) {
			continue
		}
		return k
	}
	return ""
}

// placeholder matches the tokens release pipelines replace: $(Name),
// #{Name}#, __Name__, {{Name}}, ${Name}, %Name%, and runs of asterisks.
var placeholder = regexp.MustCompile(`^(\$\([^)]*\)|#\{[^}]*\}#?|__[A-Za-z0-9_.-]+__|\{\{[^}]*\}\}|\$\{[^}]*\}|%[A-Za-z0-9_.-]+%|\*+)$`)

func isPlaceholder(v string) bool { return placeholder.MatchString(strings.TrimSpace(v)) }

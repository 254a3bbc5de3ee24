// Package secret decides which values of a configuration file are secrets
// and masks them as "***" wherever iiscfg would print them: quoted source
// lines, diffs, messages. The list and its sources are in docs/secrets.md.
package secret

import "strings"

// Mask is what a secret is shown as.
const Mask = "***"

// IsSecretAttr reports whether the whole value of attribute attr is a
// secret. key is the element's key attribute (or, without one, its name
// attribute), which makes an appSettings-style value a secret.
func IsSecretAttr(attr, key string) bool {
	a := strings.ToLower(attr)
	switch {
	case a == "connectionstring", a == "validationkey", a == "decryptionkey":
		return true
	case a == "value":
		return IsSecretKey(key)
	}
	for _, end := range secretAttrEnds {
		if strings.HasSuffix(a, end) {
			return true
		}
	}
	return false
}

// secretAttrEnds are the endings of attribute names that hold a secret
// (password, clientSecret, apiKey, accessToken; not publicKeyToken).
var secretAttrEnds = []string{"password", "secret", "apikey", "api_key", "accesskey", "accountkey", "privatekey", "accesstoken", "authtoken"}

// IsSecretValue reports whether the value v of attribute attr (key as for
// IsSecretAttr) is a secret: the attribute is one, and the value is not
// machineKey's "AutoGenerate" nor, for a value found by its key, a plain
// true or false (a setting such as AllowPasswordReset).
func IsSecretValue(attr, key, v string) bool {
	if v == "" || !IsSecretAttr(attr, key) {
		return false
	}
	a := strings.ToLower(attr)
	t := strings.ToLower(strings.TrimSpace(v))
	switch {
	case (a == "validationkey" || a == "decryptionkey") && strings.HasPrefix(t, "autogenerate"):
		return false
	case a == "value" && (t == "true" || t == "false"):
		return false
	}
	return true
}

// secretWords are the parts of a setting's name that say its value is a
// secret (compared in lower case).
var secretWords = []string{
	"password", "passwd", "pwd", "secret", "token", "credential", "authorization",
	"apikey", "api_key", "api-key", "connectionstring",
	"privatekey", "private_key", "accesskey", "access_key", "accountkey",
	"signingkey", "encryptionkey", "clientkey",
}

// IsSecretKey reports whether an appSettings key (or an environment
// variable's or setting's name) looks like the name of a secret: it holds
// one of secretWords, or its last word is "key" (ApiKey, SENDGRID_KEY) or
// "auth" (a header value such as "Bearer ...").
func IsSecretKey(key string) bool {
	if key == "" {
		return false
	}
	l := strings.ToLower(key)
	for _, w := range secretWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	last := lastWord(key)
	return last == "key" || last == "keys" || last == "auth"
}

// lastWord is the last word of a name in lower case, words being split at
// punctuation and at a lower-to-upper case change (camelCase).
func lastWord(name string) string {
	end := len(name)
	for end > 0 && !isAlnum(name[end-1]) {
		end--
	}
	start := end
	for start > 0 && isAlnum(name[start-1]) {
		if isUpper(name[start-1]) && start-1 > 0 && isLower(name[start-2]) {
			start--
			break
		}
		start--
	}
	return strings.ToLower(name[start:end])
}

// IsSecretConnectionKey reports whether a key of a connection string
// ("Password", "Pwd", "Jet OLEDB:Database Password", "AccountKey") holds a
// secret.
func IsSecretConnectionKey(key string) bool {
	k := strings.ToLower(strings.TrimSpace(key))
	if i := strings.LastIndexAny(k, " :"); i >= 0 && k[i+1:] == "pwd" {
		return true
	}
	return k == "pwd" || strings.HasSuffix(k, "password") || strings.HasSuffix(k, "secret") ||
		strings.HasSuffix(k, "accountkey") || strings.HasSuffix(k, "accesskey") ||
		strings.HasSuffix(k, "sharedaccesssignature")
}

// Value masks a decoded attribute value: all of it when it is a secret
// (IsSecretValue), else the secret parts of a connection string or of a
// URL (URL) in it. An empty value stays empty.
func Value(attr, key, v string) string {
	if IsSecretValue(attr, key, v) {
		return Mask
	}
	return Text(v)
}

// Text masks the secret parts of a decoded value or text whose attribute
// is not known: the values of connection-string keys (ConnectionString)
// and the credentials of URLs (URL).
func Text(v string) string {
	return apply(v, union(connectionCuts(v, 0, false), urlCuts(v, 0, false)), false)
}

// ConnectionString masks the values of secret keys (IsSecretConnectionKey)
// in a decoded connection string: "Server=db;Password=x" becomes
// "Server=db;Password=***". Quoted values ('x;y', "x", {x}) are masked
// whole.
func ConnectionString(v string) string {
	return apply(v, connectionCuts(v, 0, false), false)
}

func isAlnum(c byte) bool { return isLower(c) || isUpper(c) || (c >= '0' && c <= '9') }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

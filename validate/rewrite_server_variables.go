package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/iiscfg/iiscfg/internal/suggest"
)

// iisServerVariables are the server variables IIS defines (Microsoft
// Learn, "IIS Server Variables"; docs/ancm-rewrite-security.md [IIS-VARS]),
// plus the ones URL Rewrite and ARR add. Request headers are HTTP_NAME
// (dashes become underscores), raw headers HEADER_Name, response headers
// in outbound rules RESPONSE_NAME.
var iisServerVariables = func() map[string]bool {
	out := map[string]bool{}
	for _, v := range strings.Fields(`
ALL_HTTP ALL_RAW APP_POOL_ID APPL_MD_PATH APPL_PHYSICAL_PATH AUTH_PASSWORD AUTH_TYPE AUTH_USER
CACHE_URL CERT_COOKIE CERT_FLAGS CERT_ISSUER CERT_KEYSIZE CERT_SECRETKEYSIZE CERT_SERIALNUMBER
CERT_SERVER_ISSUER CERT_SERVER_SUBJECT CERT_SUBJECT CONTENT_LENGTH CONTENT_TYPE
CRYPT_CIPHER_ALG_ID CRYPT_HASH_ALG_ID CRYPT_KEYEXCHANGE_ALG_ID CRYPT_PROTOCOL
GATEWAY_INTERFACE HTTPS HTTPS_KEYSIZE HTTPS_SECRETKEYSIZE HTTPS_SERVER_ISSUER
HTTPS_SERVER_SUBJECT HTTP_METHOD HTTP_URL HTTP_VERSION INSTANCE_ID INSTANCE_META_PATH
INSTANCE_NAME LOCAL_ADDR LOGON_USER PATH_INFO PATH_TRANSLATED QUERY_STRING REMOTE_ADDR
REMOTE_HOST REMOTE_PORT REMOTE_USER REQUEST_FILENAME REQUEST_METHOD REQUEST_URI
SCRIPT_FILENAME SCRIPT_NAME SCRIPT_TRANSLATED SERVER_NAME SERVER_PORT SERVER_PORT_SECURE
SERVER_PROTOCOL SERVER_SOFTWARE SSI_EXEC_DISABLED UNENCODED_URL UNICODE_APPL_PHYSICAL_PATH
UNICODE_PATH_INFO UNICODE_PATH_TRANSLATED UNICODE_SCRIPT_NAME UNICODE_URL UNMAPPED_REMOTE_USER
URL URL_PATH_INFO IIS_WasUrlRewritten IIS_UrlRewriteModule HTTP_X_ORIGINAL_URL
`) {
		out[strings.ToUpper(v)] = true
	}
	return out
}()

// knownVariables are IIS's server variables and the common header
// variables, sorted: the candidates for a typo.
var knownVariables = func() []string {
	out := append([]string(nil), commonHeaders...)
	for v := range iisServerVariables {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}()

// commonHeaders are request-header variables a typo is compared with.
var commonHeaders = strings.Fields(`HTTP_HOST HTTP_REFERER HTTP_USER_AGENT HTTP_COOKIE
HTTP_ACCEPT HTTP_ACCEPT_LANGUAGE HTTP_ACCEPT_ENCODING HTTP_AUTHORIZATION HTTP_CONNECTION
HTTP_UPGRADE HTTP_ORIGIN HTTP_X_FORWARDED_FOR HTTP_X_FORWARDED_PROTO HTTP_X_FORWARDED_HOST
HTTP_X_FORWARDED_PORT HTTP_X_ARR_SSL HTTP_X_REQUESTED_WITH HTTP_CACHE_CONTROL
HTTP_IF_MODIFIED_SINCE HTTP_IF_NONE_MATCH HTTP_CONTENT_TYPE HTTP_CONTENT_LENGTH`)

// RewriteUnknownServerVariable: {NAME} that no server variable is.
var RewriteUnknownServerVariable = register(&Rule{
	Code:     "IC603",
	Name:     "rewrite-unknown-server-variable",
	Severity: Warning,
	Summary:  `a {NAME} in a rewrite rule that is no server variable IIS has, or a misspelt request-header variable: it reads as an empty string`,
	Doc: `Condition inputs, action URLs and server variable values read server variables with {NAME}.
IIS does not reject a name it does not know: the reference expands to an empty string, so a
condition on {HTPS} or {HTTP_REFERRER} silently never (or always) matches. Request headers are
HTTP_ followed by the header name in capitals with "-" written "_" ({HTTP_X_FORWARDED_PROTO};
{HTTP_X-Forwarded-Proto} reads nothing); raw headers are HEADER_Name and, in outbound rules,
response headers RESPONSE_NAME.

The rule reports a name that is not one of IIS's server variables, not a header variable, and
not set by a serverVariables <set> or listed in allowedServerVariables along the chain; a
header variable with "-" in it; and a header variable one or two letters away from a common
header (HTTP_REFERRER for HTTP_REFERER, HTTP_USERAGENT for HTTP_USER_AGENT). Names are compared
case-insensitively, as IIS does.

Fix it by correcting the name (the message suggests one), or by listing a custom variable in
allowedServerVariables when a rule sets it.`,
	check: checkRewriteUnknownServerVariable,
})

func checkRewriteUnknownServerVariable(p *pass) {
	rules := p.rewriteRules()
	if len(rules) == 0 {
		return
	}
	custom := p.customServerVariables()
	for _, r := range rules {
		for _, s := range r.rewriteStrings() {
			for _, ref := range references(s.value) {
				if ref.call {
					continue // a back-reference, map, provider or function
				}
				if msg := judgeServerVariable(ref.name, r.outbound, custom); msg != "" {
					p.reportAttr(s.elem, s.attr, "{%s} in %s %s; IIS expands it to an empty string", ref.name, s.attr, msg)
				}
			}
		}
	}
}

// judgeServerVariable says what is wrong with a server variable name, or
// "" when nothing is.
func judgeServerVariable(name string, outbound bool, custom map[string]bool) string {
	up := strings.ToUpper(name)
	if custom[up] {
		return ""
	}
	switch {
	case strings.HasPrefix(up, "HTTP_") || strings.HasPrefix(up, "RESPONSE_") || strings.HasPrefix(up, "HEADER_"):
		if strings.Contains(name, "-") && !strings.HasPrefix(up, "HEADER_") {
			return fmt.Sprintf("has \"-\" where header variables have \"_\" (write {%s})", strings.ReplaceAll(up, "-", "_"))
		}
		if iisServerVariables[up] || strings.HasPrefix(up, "HEADER_") {
			return ""
		}
		if strings.HasPrefix(up, "RESPONSE_") {
			if !outbound {
				return "is a response header, which inbound rules cannot read"
			}
			return ""
		}
		if near := nearest(up, commonHeaders); near != "" {
			return fmt.Sprintf("looks like a misspelt {%s}", near)
		}
		return ""
	case iisServerVariables[up]:
		return ""
	}
	if near := nearest(up, knownVariables); near != "" {
		return fmt.Sprintf("is no server variable IIS has (did you mean {%s}?)", near)
	}
	return "is no server variable IIS has, nor set by a rule"
}

// customServerVariables are the names rules set (serverVariables/set) and
// allowedServerVariables lists, anywhere along the chain, upper-cased.
func (p *pass) customServerVariables() map[string]bool {
	out := map[string]bool{}
	for _, src := range p.chain() {
		for _, sec := range []string{rewriteRulesSection, rewriteGlobalSection} {
			for _, s := range src.Doc.SectionElements(sec) {
				for _, r := range s.SelectElements("rule") {
					for _, sv := range r.SelectElements("serverVariables") {
						for _, set := range sv.SelectElements("set") {
							out[strings.ToUpper(strings.TrimSpace(set.SelectAttrValue("name", "")))] = true
						}
					}
				}
			}
		}
		for _, s := range src.Doc.SectionElements(rewriteAllowedVars) {
			for _, a := range s.SelectElements("add") {
				out[strings.ToUpper(strings.TrimSpace(a.SelectAttrValue("name", "")))] = true
			}
		}
	}
	return out
}

// nearest returns the candidate within two edits of s, or equal to it but
// for underscores; "" when none is, or s is one of them. Two edits, not
// suggest.Nearest's third of the name: custom headers are legitimate, and
// HTTP_CONTENT_MD5 is no typo of HTTP_CONTENT_TYPE.
func nearest(s string, candidates []string) string {
	flat := strings.ReplaceAll(s, "_", "")
	for _, c := range candidates {
		if strings.EqualFold(c, s) {
			return ""
		}
	}
	for _, c := range candidates {
		if strings.EqualFold(strings.ReplaceAll(c, "_", ""), flat) {
			return c
		}
	}
	limit := 2
	if len(s) < 6 {
		limit = 1 // short names: two edits reach too many
	}
	return suggest.NearestWithin(s, candidates, limit)
}

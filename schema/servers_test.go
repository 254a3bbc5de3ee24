package schema

import (
	"strings"
	"testing"

	"github.com/beevik/etree"
)

func TestParseServer(t *testing.T) {
	for _, tc := range []struct {
		in              string
		has, lacks, unk []string
		unlocked        []string
	}{
		{in: "iis10", lacks: []string{"rewrite", "aspnetcore", "websocket", "windowsauth", "cors"},
			unlocked: []string{"system.webServer/modules", "system.webServer/handlers"}},
		{in: " IIS10+Rewrite+aspnetcore ", has: []string{"rewrite", "aspnetcore"}, lacks: []string{"iisnode"}},
		{in: "iisexpress", has: []string{"rewrite", "windowsauth", "websocket", "ipsecurity", "cgi"}, lacks: []string{"httpplatform", "cors"},
			unk: []string{"aspnetcore"}},
		{in: "azure-app-service", has: []string{"rewrite", "aspnetcore", "arr", "httpplatform", "iisnode", "websocket", "ipsecurity"},
			unk:      []string{"cors", "windowsauth"},
			unlocked: []string{"system.webServer/webSocket", "system.webServer/security/ipSecurity", "system.webServer/handlers"}},
		// Naming an add-on settles what the profile leaves open.
		{in: "azure-app-service+cors", has: []string{"cors"}, unk: []string{"windowsauth"}},
	} {
		p, err := ParseServer(tc.in)
		if err != nil || p == nil || !p.Explicit {
			t.Fatalf("ParseServer(%q) = %v, %v", tc.in, p, err)
		}
		check := func(keys []string, want string) {
			for _, k := range keys {
				a := addOn(t, k)
				got := "lacks"
				if p.Has(a) {
					got = "has"
				} else if !p.Lacks(a) {
					got = "unknown"
				}
				if got != want {
					t.Errorf("%s: %s: %s, want %s", tc.in, k, got, want)
				}
			}
		}
		check(tc.has, "has")
		check(tc.lacks, "lacks")
		check(tc.unk, "unknown")
		for _, sec := range tc.unlocked {
			if p.OverrideMode(sec) != "Allow" {
				t.Errorf("%s: %s is locked", tc.in, sec)
			}
		}
	}
	iis, _ := ParseServer("iis10")
	if iis.OverrideMode("system.webServer/webSocket") != "Deny" || iis.OverrideMode("system.webServer/security/ipSecurity") != "Deny" {
		t.Error("a stock IIS 10 leaves webSocket and ipSecurity unlocked")
	}
	if p, err := ParseServer("none"); p != nil || err != nil {
		t.Errorf("none: %v, %v", p, err)
	}
	for in, want := range map[string]string{
		"iis7":        `unknown server "iis7"`,
		"":            `unknown server ""`,
		"iis10+foo":   `unknown add-on "foo"`,
		"none+arr":    "--server none takes no add-ons",
		"iis10++arr":  `unknown add-on ""`,
		"iisexpress+": `unknown add-on ""`,
	} {
		if _, err := ParseServer(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseServer(%q): %v, want %q", in, err, want)
		}
	}
	if d := DefaultServer(); d.Explicit || d.Name != "iis10" {
		t.Errorf("DefaultServer: %+v", d)
	}
}

func addOn(t *testing.T, key string) *AddOn {
	for _, a := range AddOns {
		if a.Key == key {
			return a
		}
	}
	t.Fatalf("no add-on %q", key)
	return nil
}

func TestAddOnLookups(t *testing.T) {
	for section, want := range map[string]string{
		"system.webServer/rewrite/rules": "rewrite", "system.webServer/Rewrite/rewriteMaps": "",
		"system.webServer/rewrite": "", "system.webServer/aspNetCore": "aspnetcore", "system.webServer/cors": "cors",
		"system.webServer/security/authentication/windowsAuthentication": "windowsauth",
		"system.webServer/security/dynamicIpSecurity":                    "ipsecurity",
		"system.webServer/staticContent":                                 "",
	} {
		got := ""
		if a := AddOnOf(section); a != nil {
			got = a.Key
		}
		if got != want {
			t.Errorf("AddOnOf(%q) = %q, want %q", section, got, want)
		}
	}
	for module, want := range map[string]string{"AspNetCoreModuleV2": "aspnetcore", "httpplatformhandler": "httpplatform", "FastCgiModule": "cgi", "StaticFileModule": ""} {
		got := ""
		if a := AddOnOfModule(module); a != nil {
			got = a.Key
		}
		if got != want {
			t.Errorf("AddOnOfModule(%q) = %q, want %q", module, got, want)
		}
	}
	// Every add-on says how it is installed.
	for _, a := range AddOns {
		if (a.Feature == "") == (a.Download == "") {
			t.Errorf("%s: needs exactly one of a Windows feature and a download", a.Key)
		}
		if a.Declared != (a.Feature != "") {
			t.Errorf("%s: a Windows feature's sections are declared on every server, a download's are not", a.Key)
		}
	}
}

func TestSwitchedOn(t *testing.T) {
	el := func(x string) *etree.Element {
		d := etree.NewDocument()
		if err := d.ReadFromString(x); err != nil {
			t.Fatal(err)
		}
		return d.Root()
	}
	for _, tc := range []struct {
		key, xml string
		want     bool
	}{
		{"windowsauth", `<windowsAuthentication enabled="true"/>`, true},
		{"windowsauth", `<windowsAuthentication/>`, false}, // off by default
		{"websocket", `<webSocket/>`, true},                // on by default
		{"websocket", `<webSocket enabled=" False "/>`, false},
		{"dyncompression", `<urlCompression doStaticCompression="true"/>`, false},
		{"dyncompression", `<urlCompression doDynamicCompression="true"/>`, true},
		{"ipsecurity", `<ipSecurity allowUnlisted="false"/>`, true},
		// An undeclared add-on's section is read even when it is off.
		{"aspnetcore", `<aspNetCore enabled="false"/>`, true},
	} {
		if got := addOn(t, tc.key).SwitchedOn(el(tc.xml)); got != tc.want {
			t.Errorf("%s %s: %v, want %v", tc.key, tc.xml, got, tc.want)
		}
	}
}

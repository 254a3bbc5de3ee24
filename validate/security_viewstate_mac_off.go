package validate

// ViewStateMACOff: unsigned ViewState.
var ViewStateMACOff = register(&Rule{
	Code:     "IC709",
	Name:     "viewstate-mac-off",
	Severity: Error,
	Set:      securitySet,
	Summary:  `system.web/pages enableViewStateMac="false": unsigned ViewState, which an attacker can forge (remote code execution)`,
	Doc: `The ViewState MAC is the signature that lets ASP.NET trust the __VIEWSTATE a browser sends
back. Without it a client can send any serialized object graph, and deserializing it can run
code of the attacker's choosing on the server. Microsoft's security advisory 2905247 (2014) made
ASP.NET ignore enableViewStateMac="false" from .NET 4.5.2 on, unless an administrator re-allows
it (the AspNetEnforceViewStateMac registry value), so on a patched server the setting is dead
weight, and on a server where it is honoured it is a remote code execution hole.

Fix it by removing the attribute (true is the default). If pages post to each other across a
web farm, give every server the same machineKey instead.`,
	check: checkViewStateMACOff,
})

func checkViewStateMACOff(p *pass) {
	for _, e := range p.effectiveInsecure(insecureSetting{"system.web/pages", "enableViewStateMac", isFalse}) {
		p.reportAttr(e, "enableViewStateMac", `enableViewStateMac="false" accepts unsigned ViewState, which a client can forge to run code on the server (patched .NET ignores it; where honoured it is remote code execution); remove it`)
	}
}

package cli

import (
	"strings"
	"testing"
)

// iis7Host is an IIS 7.x server with .NET 2.0 only: no ManagedEngineV4.0
// global module, no "-4.0" handler; its one application runs in a v2.0
// Integrated pool.
const iis7Host = `<configuration>
  <system.applicationHost>
    <applicationPools>
      <add name="DefaultAppPool" managedRuntimeVersion="v2.0" />
    </applicationPools>
    <sites>
      <site name="Default Web Site" id="1">
        <application path="/" applicationPool="DefaultAppPool">
          <virtualDirectory path="/" physicalPath="C:\inetpub\wwwroot" />
        </application>
      </site>
    </sites>
  </system.applicationHost>
  <system.webServer>
    <globalModules>
      <add name="ManagedEngine" image="%windir%\Microsoft.NET\Framework\v2.0.50727\webengine.dll" preCondition="integratedMode,runtimeVersionv2.0,bitness32" />
    </globalModules>
  </system.webServer>
</configuration>`

const elmahApp = `<configuration>
  <system.web>
    <httpModules>
      <add name="ErrorLog" type="Elmah.ErrorLogModule, Elmah" />
    </httpModules>
  </system.web>
</configuration>`

// TestAppcmdServerRuntimeFromAppHost: with --compat appcmd and --apphost,
// the server-level runtime is read from applicationHost.config. On a
// server without .NET 4 it is v2.0, so the v2.0 application's root modules
// are the server's and appcmd's output touches only the application's own
// module; with v4.0 assumed it would add the v2.0 root web.config's modules
// and handlers that differ from the v4.0 ones (case 13 in docs/iis-behaviour.md §9).
func TestAppcmdServerRuntimeFromAppHost(t *testing.T) {
	dir := writeTree(t, map[string]string{"applicationHost.config": iis7Host, "wwwroot/web.config": elmahApp})
	args := []string{"migrate", "--compat", "appcmd", "--stdout", "--apphost", dir + "/applicationHost.config",
		"--path-map", `C:\inetpub\wwwroot=` + dir + "/wwwroot", "Default Web Site/"}
	r := runCLI(t, args...)
	if r.code != 0 || strings.Contains(r.stdout, "ErrorHandlerModule") || strings.Contains(r.stdout, "*.svc_*") ||
		!strings.Contains(r.stdout, `<add name="ErrorLog" type="Elmah.ErrorLogModule, Elmah" preCondition="managedHandler" />`) {
		t.Errorf("IIS 7 without .NET 4: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	// --server-runtime still decides when given.
	r = runCLI(t, append(args[:len(args)-1:len(args)-1], "--server-runtime", "v4.0", "Default Web Site/")...)
	if r.code != 0 || !strings.Contains(r.stdout, `<add name="ErrorHandlerModule"`) {
		t.Errorf("--server-runtime v4.0: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

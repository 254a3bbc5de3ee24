package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// hostingServer is a generated hosting server: sites of ten applications
// each (a root and nine below it), every application with a web.config
// that adds an httpModule and a subfolder whose web.config adds an
// httpHandler, a pool per site (one application in seven in a shared
// Classic pool instead), and a <location> tag in applicationHost.config
// for one in five.
type hostingServer struct {
	apphost string
	folder  string // the applications' folders
	pathMap string // --path-map D:\host=<folder>
}

func writeHostingServer(tb testing.TB, apps int) hostingServer {
	tb.Helper()
	dir := tb.TempDir()
	host := filepath.Join(dir, "host")
	const perSite = 10
	var sites, locations, pools strings.Builder
	write := func(path, text string) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for n, site := 0, 1; n < apps; site++ {
		fmt.Fprintf(&sites, "      <site name=\"site%d\" id=\"%d\">\n", site, site)
		fmt.Fprintf(&pools, "      <add name=\"site%d\" />\n", site)
		for a := 0; a < perSite && n < apps; a, n = a+1, n+1 {
			path, folder := "/", fmt.Sprintf("s%d", site)
			if a > 0 {
				path, folder = fmt.Sprintf("/app%d", a), fmt.Sprintf("s%da%d", site, a)
			}
			pool := fmt.Sprintf("site%d", site) // a pool per site, as hosting servers have
			if n%7 == 3 {
				pool = "Classic"
			}
			fmt.Fprintf(&sites, "        <application path=%q applicationPool=%q>\n", path, pool)
			fmt.Fprintf(&sites, "          <virtualDirectory path=\"/\" physicalPath=\"D:\\host\\%s\" />\n", folder)
			sites.WriteString("        </application>\n")
			if n%5 == 0 {
				fmt.Fprintf(&locations, "  <location path=%q>\n    <system.webServer>\n      <security><authentication><windowsAuthentication enabled=\"true\" /></authentication></security>\n    </system.webServer>\n  </location>\n",
					strings.TrimSuffix(fmt.Sprintf("site%d%s", site, path), "/"))
			}
			write(filepath.Join(host, folder, "web.config"), fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <system.web>
    <compilation targetFramework="4.8" />
    <httpModules>
      <add name="Module%d" type="Contoso.Module%d, Contoso" />
    </httpModules>
  </system.web>
</configuration>
`, n, n))
			write(filepath.Join(host, folder, "sub", "web.config"), `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <system.web>
    <httpHandlers>
      <add verb="GET" path="report.ashx" type="Contoso.Report, Contoso" />
    </httpHandlers>
  </system.web>
</configuration>
`)
		}
		fmt.Fprintf(&sites, "        <bindings><binding protocol=\"http\" bindingInformation=\"*:80:site%d.example\" /></bindings>\n      </site>\n", site)
	}
	apphost := filepath.Join(dir, "applicationHost.config")
	write(apphost, `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <configSections>
    <sectionGroup name="system.applicationHost">
      <section name="applicationPools" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
      <section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
    </sectionGroup>
    <sectionGroup name="system.webServer">
      <section name="handlers" overrideModeDefault="Deny" />
      <section name="modules" allowDefinition="MachineToApplication" overrideModeDefault="Deny" />
      <section name="validation" overrideModeDefault="Allow" />
      <section name="webSocket" overrideModeDefault="Deny" />
      <sectionGroup name="security"><sectionGroup name="authentication">
        <section name="windowsAuthentication" overrideModeDefault="Deny" />
      </sectionGroup></sectionGroup>
    </sectionGroup>
  </configSections>
  <system.applicationHost>
    <applicationPools>
      <add name="DefaultAppPool" />
      <add name="Classic" managedPipelineMode="Classic" />
`+pools.String()+`
      <applicationPoolDefaults managedRuntimeVersion="v4.0" />
    </applicationPools>
    <sites>
`+sites.String()+`      <applicationDefaults applicationPool="DefaultAppPool" />
    </sites>
  </system.applicationHost>
`+locations.String()+`</configuration>
`)
	return hostingServer{apphost: apphost, folder: host, pathMap: `D:\host=` + host}
}

// runServer runs a server command on s and fails on a usage or input error.
func (s hostingServer) run(tb testing.TB, args ...string) {
	tb.Helper()
	full := append([]string{"iiscfg"}, args...)
	full = append(full, "--no-config", "--apphost", s.apphost, "--path-map", s.pathMap)
	r := run(full, &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }})
	if r == ExitUsage || r == ExitInput {
		tb.Fatalf("%v: exit %d", args, r)
	}
}

// benchServer runs a server command on a 10,000-application server (a
// big hosting server has a few thousand) and reports ns/app and the peak
// live heap.
func benchServer(b *testing.B, args ...string) {
	benchHosting(b, "ns/app", 1, func(s hostingServer) { s.run(b, args...) })
}

func BenchmarkApps(b *testing.B)           { benchServer(b, "apps") }
func BenchmarkLintApphost(b *testing.B)    { benchServer(b, "lint", "--format", "compact") }
func BenchmarkMigrateAllApps(b *testing.B) { benchServer(b, "migrate", "--all") }

// BenchmarkMigrateTree migrates the same 10,000 applications' folders as
// a tree (20,000 web.config files), without applicationHost.config.
func BenchmarkMigrateTree(b *testing.B) {
	benchHosting(b, "ns/file", 2, func(s hostingServer) {
		r := run([]string{"iiscfg", "migrate", "--quiet", "--no-config", "--no-gitignore", s.folder},
			&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }})
		if r != ExitOK {
			b.Fatalf("exit %d", r)
		}
	})
}

// benchHosting times op on a generated 10,000-application server and
// reports the time per unit (perApp units per application) and the peak
// live heap.
func benchHosting(b *testing.B, unit string, perApp int, op func(hostingServer)) {
	const apps = 10000
	s := writeHostingServer(b, apps)
	b.ReportAllocs()
	var peak atomic.Uint64
	stop := sampleHeap(&peak)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		op(s)
	}
	b.StopTimer()
	stop()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*perApp*apps), unit)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

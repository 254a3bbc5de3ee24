package schema

// Server-level defaults of a stock machine, so that iiscfg works without
// Windows: the system.web/httpModules and httpHandlers of the .NET root
// web.config, and the system.webServer/modules and handlers of a stock IIS 10
// applicationHost.config. Facts transcribed from
// docs/iis-behaviour.md §12; each list names its source.

// RootHTTPModules is system.web/httpModules of the root web.config of r
// (v2.0 or v4.0; v1.1 has no IIS integration and uses the v2.0 list).
func RootHTTPModules(r Runtime) []Entry {
	if r == V40 {
		return rootV40HTTPModules
	}
	return rootV20HTTPModules
}

// RootHTTPHandlers is system.web/httpHandlers of the root web.config of r.
func RootHTTPHandlers(r Runtime) []Entry {
	if r == V40 {
		return rootV40HTTPHandlers
	}
	return rootV20HTTPHandlers
}

// AppHostModules is the stock applicationHost.config <modules> list. With
// net35 it includes what a server with .NET 3.5 (ASP.NET 2.0 and WCF 3.0
// HTTP activation) adds; v2.0 application pools exist only on such servers.
func AppHostModules(net35 bool) []Entry {
	if !net35 {
		return appHostModules
	}
	return append(append([]Entry(nil), appHostModules...), appHostModulesNet35...)
}

// AppHostHandlers is the stock applicationHost.config <handlers> list; with
// net35 the .NET 3.5 handlers follow the ASP.NET 4 Integrated handlers, where
// a server that has both puts them (Mac199/inetpub, docs/iis-behaviour.md §12).
func AppHostHandlers(net35 bool) []Entry {
	if !net35 {
		return appHostHandlers
	}
	out := make([]Entry, 0, len(appHostHandlers)+len(appHostHandlersNet35))
	for _, h := range appHostHandlers {
		out = append(out, h)
		if h.Value("name") == "ScriptResourceIntegrated-4.0" {
			out = append(out, appHostHandlersNet35...)
		}
	}
	return out
}

// .NET 4.x root web.config system.web/httpModules, verbatim (docs/iis-behaviour.md §12:
// cloudfoundry/hwc hwcconfig/web_config.go @0b3e2ad0, a copy of a .NET 4.5+ root web.config).
var rootV40HTTPModules = []Entry{
	e(`name=OutputCache`, `type=System.Web.Caching.OutputCacheModule`),
	e(`name=Session`, `type=System.Web.SessionState.SessionStateModule`),
	e(`name=WindowsAuthentication`, `type=System.Web.Security.WindowsAuthenticationModule`),
	e(`name=FormsAuthentication`, `type=System.Web.Security.FormsAuthenticationModule`),
	e(`name=PassportAuthentication`, `type=System.Web.Security.PassportAuthenticationModule`),
	e(`name=RoleManager`, `type=System.Web.Security.RoleManagerModule`),
	e(`name=UrlAuthorization`, `type=System.Web.Security.UrlAuthorizationModule`),
	e(`name=FileAuthorization`, `type=System.Web.Security.FileAuthorizationModule`),
	e(`name=AnonymousIdentification`, `type=System.Web.Security.AnonymousIdentificationModule`),
	e(`name=Profile`, `type=System.Web.Profile.ProfileModule`),
	e(`name=ErrorHandlerModule`, `type=System.Web.Mobile.ErrorHandlerModule, System.Web.Mobile, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a`),
	e(`name=ServiceModel`, `type=System.ServiceModel.Activation.HttpModule, System.ServiceModel.Activation, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`),
	e(`name=UrlRoutingModule-4.0`, `type=System.Web.Routing.UrlRoutingModule`),
	e(`name=ScriptModule-4.0`, `type=System.Web.Handlers.ScriptModule, System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`),
}

// .NET 4.x root web.config system.web/httpHandlers, verbatim (docs/iis-behaviour.md §12, same source).
var rootV40HTTPHandlers = []Entry{
	e(`path=eurl.axd`, `verb=*`, `type=System.Web.HttpNotFoundHandler`, `validate=True`),
	e(`path=trace.axd`, `verb=*`, `type=System.Web.Handlers.TraceHandler`, `validate=True`),
	e(`path=WebResource.axd`, `verb=GET`, `type=System.Web.Handlers.AssemblyResourceLoader`, `validate=True`),
	e(`verb=*`, `path=*_AppService.axd`, `type=System.Web.Script.Services.ScriptHandlerFactory, System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`, `validate=False`),
	e(`verb=GET,HEAD`, `path=ScriptResource.axd`, `type=System.Web.Handlers.ScriptResourceHandler, System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`, `validate=False`),
	e(`path=*.axd`, `verb=*`, `type=System.Web.HttpNotFoundHandler`, `validate=True`),
	e(`path=*.aspx`, `verb=*`, `type=System.Web.UI.PageHandlerFactory`, `validate=True`),
	e(`path=*.ashx`, `verb=*`, `type=System.Web.UI.SimpleHandlerFactory`, `validate=True`),
	e(`path=*.asmx`, `verb=*`, `type=System.Web.Script.Services.ScriptHandlerFactory, System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`, `validate=False`),
	e(`path=*.rem`, `verb=*`, `type=System.Runtime.Remoting.Channels.Http.HttpRemotingHandlerFactory, System.Runtime.Remoting, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `validate=False`),
	e(`path=*.soap`, `verb=*`, `type=System.Runtime.Remoting.Channels.Http.HttpRemotingHandlerFactory, System.Runtime.Remoting, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `validate=False`),
	e(`path=*.asax`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ascx`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.master`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.skin`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.browser`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.sitemap`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.dll.config`, `verb=GET,HEAD`, `type=System.Web.StaticFileHandler`, `validate=True`),
	e(`path=*.exe.config`, `verb=GET,HEAD`, `type=System.Web.StaticFileHandler`, `validate=True`),
	e(`path=*.config`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.cs`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.csproj`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.vb`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.vbproj`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.webinfo`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.licx`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.resx`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.resources`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.mdb`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.vjsproj`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.java`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.jsl`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ldb`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ad`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.dd`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ldd`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.sd`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.cd`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.adprototype`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.lddprototype`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.sdm`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.sdmDocument`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.mdf`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ldf`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.exclude`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.refresh`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.svc`, `verb=*`, `type=System.ServiceModel.Activation.HttpHandler, System.ServiceModel.Activation, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`, `validate=False`),
	e(`path=*.rules`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.xoml`, `verb=*`, `type=System.ServiceModel.Activation.HttpHandler, System.ServiceModel.Activation, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`, `validate=False`),
	e(`path=*.xamlx`, `verb=*`, `type=System.Xaml.Hosting.XamlHttpHandlerFactory, System.Xaml.Hosting, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`, `validate=False`),
	e(`path=*.aspq`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.cshtm`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.cshtml`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.vbhtm`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.vbhtml`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*`, `verb=GET,HEAD,POST`, `type=System.Web.DefaultHttpHandler`, `validate=True`),
	e(`path=*`, `verb=*`, `type=System.Web.HttpMethodNotAllowedHandler`, `validate=True`),
}

// .NET 2.0 root web.config system.web/httpModules after .NET 3.0/3.5 is installed
// (docs/iis-behaviour.md §12: Microsoft BizTalk docs, "Optimizing WCF Web Service Performance").
var rootV20HTTPModules = []Entry{
	e(`name=OutputCache`, `type=System.Web.Caching.OutputCacheModule`),
	e(`name=Session`, `type=System.Web.SessionState.SessionStateModule`),
	e(`name=WindowsAuthentication`, `type=System.Web.Security.WindowsAuthenticationModule`),
	e(`name=FormsAuthentication`, `type=System.Web.Security.FormsAuthenticationModule`),
	e(`name=PassportAuthentication`, `type=System.Web.Security.PassportAuthenticationModule`),
	e(`name=RoleManager`, `type=System.Web.Security.RoleManagerModule`),
	e(`name=UrlAuthorization`, `type=System.Web.Security.UrlAuthorizationModule`),
	e(`name=FileAuthorization`, `type=System.Web.Security.FileAuthorizationModule`),
	e(`name=AnonymousIdentification`, `type=System.Web.Security.AnonymousIdentificationModule`),
	e(`name=Profile`, `type=System.Web.Profile.ProfileModule`),
	e(`name=ErrorHandlerModule`, `type=System.Web.Mobile.ErrorHandlerModule, System.Web.Mobile, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a`),
	e(`name=ServiceModel`, `type=System.ServiceModel.Activation.HttpModule, System.ServiceModel, Version=3.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`),
}

// .NET 2.0 root web.config system.web/httpHandlers, reconstructed (docs/iis-behaviour.md §12):
// the v2.0 list plus the *.svc handler that .NET 3.0 WCF registration adds. Its position
// is not documented; it is placed before the two "*" catch-alls, which stay last.
var rootV20HTTPHandlers = []Entry{
	e(`path=trace.axd`, `verb=*`, `type=System.Web.Handlers.TraceHandler`, `validate=True`),
	e(`path=WebResource.axd`, `verb=GET`, `type=System.Web.Handlers.AssemblyResourceLoader`, `validate=True`),
	e(`path=*.axd`, `verb=*`, `type=System.Web.HttpNotFoundHandler`, `validate=True`),
	e(`path=*.aspx`, `verb=*`, `type=System.Web.UI.PageHandlerFactory`, `validate=True`),
	e(`path=*.ashx`, `verb=*`, `type=System.Web.UI.SimpleHandlerFactory`, `validate=True`),
	e(`path=*.asmx`, `verb=*`, `type=System.Web.Services.Protocols.WebServiceHandlerFactory, System.Web.Services, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a`, `validate=False`),
	e(`path=*.rem`, `verb=*`, `type=System.Runtime.Remoting.Channels.Http.HttpRemotingHandlerFactory, System.Runtime.Remoting, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `validate=False`),
	e(`path=*.soap`, `verb=*`, `type=System.Runtime.Remoting.Channels.Http.HttpRemotingHandlerFactory, System.Runtime.Remoting, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `validate=False`),
	e(`path=*.asax`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ascx`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.master`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.skin`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.browser`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.sitemap`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.dll.config`, `verb=GET,HEAD`, `type=System.Web.StaticFileHandler`, `validate=True`),
	e(`path=*.exe.config`, `verb=GET,HEAD`, `type=System.Web.StaticFileHandler`, `validate=True`),
	e(`path=*.config`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.cs`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.csproj`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.vb`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.vbproj`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.webinfo`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.licx`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.resx`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.resources`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.mdb`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.vjsproj`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.java`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.jsl`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ldb`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ad`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.dd`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ldd`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.sd`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.cd`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.adprototype`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.lddprototype`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.sdm`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.sdmDocument`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.mdf`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.ldf`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.exclude`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.refresh`, `verb=*`, `type=System.Web.HttpForbiddenHandler`, `validate=True`),
	e(`path=*.svc`, `verb=*`, `type=System.ServiceModel.Activation.HttpHandler, System.ServiceModel, Version=3.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `validate=false`),
	e(`path=*`, `verb=GET,HEAD,POST`, `type=System.Web.DefaultHttpHandler`, `validate=True`),
	e(`path=*`, `verb=*`, `type=System.Web.HttpMethodNotAllowedHandler`, `validate=True`),
}

// Stock IIS 10 + ASP.NET 4.x applicationHost.config <modules> inside <location path="">
// (docs/iis-behaviour.md §12: dorik84/Web-Server-IIS @288354d4 without CGI, FastCGI and Rewrite).
var appHostModules = []Entry{
	e(`name=IsapiModule`, `lockItem=true`),
	e(`name=IsapiFilterModule`, `lockItem=true`),
	e(`name=HttpLoggingModule`, `lockItem=true`),
	e(`name=HttpCacheModule`, `lockItem=true`),
	e(`name=StaticCompressionModule`, `lockItem=true`),
	e(`name=DefaultDocumentModule`, `lockItem=true`),
	e(`name=DirectoryListingModule`, `lockItem=true`),
	e(`name=ProtocolSupportModule`, `lockItem=true`),
	e(`name=StaticFileModule`, `lockItem=true`),
	e(`name=AnonymousAuthenticationModule`, `lockItem=true`),
	e(`name=RequestFilteringModule`, `lockItem=true`),
	e(`name=CustomErrorModule`, `lockItem=true`),
	e(`name=OutputCache`, `type=System.Web.Caching.OutputCacheModule`, `preCondition=managedHandler`),
	e(`name=Session`, `type=System.Web.SessionState.SessionStateModule`, `preCondition=managedHandler`),
	e(`name=WindowsAuthentication`, `type=System.Web.Security.WindowsAuthenticationModule`, `preCondition=managedHandler`),
	e(`name=FormsAuthentication`, `type=System.Web.Security.FormsAuthenticationModule`, `preCondition=managedHandler`),
	e(`name=DefaultAuthentication`, `type=System.Web.Security.DefaultAuthenticationModule`, `preCondition=managedHandler`),
	e(`name=RoleManager`, `type=System.Web.Security.RoleManagerModule`, `preCondition=managedHandler`),
	e(`name=UrlAuthorization`, `type=System.Web.Security.UrlAuthorizationModule`, `preCondition=managedHandler`),
	e(`name=FileAuthorization`, `type=System.Web.Security.FileAuthorizationModule`, `preCondition=managedHandler`),
	e(`name=AnonymousIdentification`, `type=System.Web.Security.AnonymousIdentificationModule`, `preCondition=managedHandler`),
	e(`name=Profile`, `type=System.Web.Profile.ProfileModule`, `preCondition=managedHandler`),
	e(`name=UrlMappingsModule`, `type=System.Web.UrlMappingsModule`, `preCondition=managedHandler`),
	e(`name=ConfigurationValidationModule`, `lockItem=true`),
	e(`name=UrlRoutingModule-4.0`, `type=System.Web.Routing.UrlRoutingModule`, `preCondition=managedHandler,runtimeVersionv4.0`),
	e(`name=ScriptModule-4.0`, `type=System.Web.Handlers.ScriptModule, System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`, `preCondition=managedHandler,runtimeVersionv4.0`),
}

// Stock IIS 10 + ASP.NET 4.x applicationHost.config <handlers accessPolicy="Read, Script">
// (docs/iis-behaviour.md §12: dorik84/Web-Server-IIS @288354d4 without PHP and CGI entries).
var appHostHandlers = []Entry{
	e(`name=ISAPI-dll`, `path=*.dll`, `verb=*`, `modules=IsapiModule`, `resourceType=File`, `requireAccess=Execute`, `allowPathInfo=true`),
	e(`name=AXD-ISAPI-4.0_64bit`, `path=*.axd`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=PageHandlerFactory-ISAPI-4.0_64bit`, `path=*.aspx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=SimpleHandlerFactory-ISAPI-4.0_64bit`, `path=*.ashx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=WebServiceHandlerFactory-ISAPI-4.0_64bit`, `path=*.asmx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=HttpRemotingHandlerFactory-rem-ISAPI-4.0_64bit`, `path=*.rem`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=HttpRemotingHandlerFactory-soap-ISAPI-4.0_64bit`, `path=*.soap`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=aspq-ISAPI-4.0_64bit`, `path=*.aspq`, `verb=*`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=cshtm-ISAPI-4.0_64bit`, `path=*.cshtm`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=cshtml-ISAPI-4.0_64bit`, `path=*.cshtml`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=vbhtm-ISAPI-4.0_64bit`, `path=*.vbhtm`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=vbhtml-ISAPI-4.0_64bit`, `path=*.vbhtml`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=TraceHandler-Integrated-4.0`, `path=trace.axd`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.Handlers.TraceHandler`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=WebAdminHandler-Integrated-4.0`, `path=WebAdmin.axd`, `verb=GET,DEBUG`, `type=System.Web.Handlers.WebAdminHandler`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=AssemblyResourceLoader-Integrated-4.0`, `path=WebResource.axd`, `verb=GET,DEBUG`, `type=System.Web.Handlers.AssemblyResourceLoader`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=PageHandlerFactory-Integrated-4.0`, `path=*.aspx`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.UI.PageHandlerFactory`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=SimpleHandlerFactory-Integrated-4.0`, `path=*.ashx`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.UI.SimpleHandlerFactory`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=WebServiceHandlerFactory-Integrated-4.0`, `path=*.asmx`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.Script.Services.ScriptHandlerFactory, System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=HttpRemotingHandlerFactory-rem-Integrated-4.0`, `path=*.rem`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Runtime.Remoting.Channels.Http.HttpRemotingHandlerFactory, System.Runtime.Remoting, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=HttpRemotingHandlerFactory-soap-Integrated-4.0`, `path=*.soap`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Runtime.Remoting.Channels.Http.HttpRemotingHandlerFactory, System.Runtime.Remoting, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=aspq-Integrated-4.0`, `path=*.aspq`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.HttpForbiddenHandler`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=cshtm-Integrated-4.0`, `path=*.cshtm`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.HttpForbiddenHandler`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=cshtml-Integrated-4.0`, `path=*.cshtml`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.HttpForbiddenHandler`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=vbhtm-Integrated-4.0`, `path=*.vbhtm`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.HttpForbiddenHandler`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=vbhtml-Integrated-4.0`, `path=*.vbhtml`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.HttpForbiddenHandler`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=ScriptHandlerFactoryAppServices-Integrated-4.0`, `path=*_AppService.axd`, `verb=*`, `type=System.Web.Script.Services.ScriptHandlerFactory, System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31BF3856AD364E35`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=ScriptResourceIntegrated-4.0`, `path=*ScriptResource.axd`, `verb=GET,HEAD`, `type=System.Web.Handlers.ScriptResourceHandler, System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31BF3856AD364E35`, `preCondition=integratedMode,runtimeVersionv4.0`),
	e(`name=AXD-ISAPI-4.0_32bit`, `path=*.axd`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=PageHandlerFactory-ISAPI-4.0_32bit`, `path=*.aspx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=SimpleHandlerFactory-ISAPI-4.0_32bit`, `path=*.ashx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=WebServiceHandlerFactory-ISAPI-4.0_32bit`, `path=*.asmx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=HttpRemotingHandlerFactory-rem-ISAPI-4.0_32bit`, `path=*.rem`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=HttpRemotingHandlerFactory-soap-ISAPI-4.0_32bit`, `path=*.soap`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=aspq-ISAPI-4.0_32bit`, `path=*.aspq`, `verb=*`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=cshtm-ISAPI-4.0_32bit`, `path=*.cshtm`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=cshtml-ISAPI-4.0_32bit`, `path=*.cshtml`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=vbhtm-ISAPI-4.0_32bit`, `path=*.vbhtm`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=vbhtml-ISAPI-4.0_32bit`, `path=*.vbhtml`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=TRACEVerbHandler`, `path=*`, `verb=TRACE`, `modules=ProtocolSupportModule`, `requireAccess=None`),
	e(`name=OPTIONSVerbHandler`, `path=*`, `verb=OPTIONS`, `modules=ProtocolSupportModule`, `requireAccess=None`),
	e(`name=ExtensionlessUrlHandler-ISAPI-4.0_32bit`, `path=*.`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness32`, `responseBufferLimit=0`),
	e(`name=ExtensionlessUrlHandler-ISAPI-4.0_64bit`, `path=*.`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv4.0,bitness64`, `responseBufferLimit=0`),
	e(`name=ExtensionlessUrlHandler-Integrated-4.0`, `path=*.`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.Handlers.TransferRequestHandler`, `preCondition=integratedMode,runtimeVersionv4.0`, `responseBufferLimit=0`),
	e(`name=StaticFile`, `path=*`, `verb=*`, `modules=StaticFileModule,DefaultDocumentModule,DirectoryListingModule`, `resourceType=Either`, `requireAccess=Read`),
}

// Handlers a server with .NET 3.5 ASP.NET and WCF 3.0 HTTP activation adds: the v2.0
// Integrated and 32-bit ISAPI entries of docs/iis-behaviour.md §12 (Mac199/inetpub @2a3804e0), the
// 64-bit ISAPI-2.0 and WCF 3.0 entries of §3.5 (IIS Express 10, imazen/resizer @088e5851).
var appHostHandlersNet35 = []Entry{
	e(`name=TraceHandler-Integrated`, `path=trace.axd`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.Handlers.TraceHandler`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=WebAdminHandler-Integrated`, `path=WebAdmin.axd`, `verb=GET,DEBUG`, `type=System.Web.Handlers.WebAdminHandler`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=AssemblyResourceLoader-Integrated`, `path=WebResource.axd`, `verb=GET,DEBUG`, `type=System.Web.Handlers.AssemblyResourceLoader`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=PageHandlerFactory-Integrated`, `path=*.aspx`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.UI.PageHandlerFactory`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=SimpleHandlerFactory-Integrated`, `path=*.ashx`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.UI.SimpleHandlerFactory`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=WebServiceHandlerFactory-Integrated`, `path=*.asmx`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Web.Services.Protocols.WebServiceHandlerFactory, System.Web.Services, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=HttpRemotingHandlerFactory-rem-Integrated`, `path=*.rem`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Runtime.Remoting.Channels.Http.HttpRemotingHandlerFactory, System.Runtime.Remoting, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=HttpRemotingHandlerFactory-soap-Integrated`, `path=*.soap`, `verb=GET,HEAD,POST,DEBUG`, `type=System.Runtime.Remoting.Channels.Http.HttpRemotingHandlerFactory, System.Runtime.Remoting, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=AXD-ISAPI-2.0`, `path=*.axd`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness32`, `responseBufferLimit=0`),
	e(`name=PageHandlerFactory-ISAPI-2.0`, `path=*.aspx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness32`, `responseBufferLimit=0`),
	e(`name=SimpleHandlerFactory-ISAPI-2.0`, `path=*.ashx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness32`, `responseBufferLimit=0`),
	e(`name=WebServiceHandlerFactory-ISAPI-2.0`, `path=*.asmx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness32`, `responseBufferLimit=0`),
	e(`name=HttpRemotingHandlerFactory-rem-ISAPI-2.0`, `path=*.rem`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness32`, `responseBufferLimit=0`),
	e(`name=HttpRemotingHandlerFactory-soap-ISAPI-2.0`, `path=*.soap`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness32`, `responseBufferLimit=0`),
	e(`name=svc-Integrated`, `path=*.svc`, `verb=*`, `type=System.ServiceModel.Activation.HttpHandler, System.ServiceModel, Version=3.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=svc-ISAPI-2.0`, `path=*.svc`, `verb=*`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness32`),
	e(`name=xoml-Integrated`, `path=*.xoml`, `verb=*`, `type=System.ServiceModel.Activation.HttpHandler, System.ServiceModel, Version=3.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=xoml-ISAPI-2.0`, `path=*.xoml`, `verb=*`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness32`),
	e(`name=rules-Integrated`, `path=*.rules`, `verb=*`, `type=System.ServiceModel.Activation.HttpHandler, System.ServiceModel, Version=3.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `preCondition=integratedMode,runtimeVersionv2.0`),
	e(`name=rules-ISAPI-2.0`, `path=*.rules`, `verb=*`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness32`),
	e(`name=svc-ISAPI-2.0-64`, `path=*.svc`, `verb=*`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness64`),
	e(`name=AXD-ISAPI-2.0-64`, `path=*.axd`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness64`, `responseBufferLimit=0`),
	e(`name=PageHandlerFactory-ISAPI-2.0-64`, `path=*.aspx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness64`, `responseBufferLimit=0`),
	e(`name=SimpleHandlerFactory-ISAPI-2.0-64`, `path=*.ashx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness64`, `responseBufferLimit=0`),
	e(`name=WebServiceHandlerFactory-ISAPI-2.0-64`, `path=*.asmx`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness64`, `responseBufferLimit=0`),
	e(`name=HttpRemotingHandlerFactory-rem-ISAPI-2.0-64`, `path=*.rem`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness64`, `responseBufferLimit=0`),
	e(`name=HttpRemotingHandlerFactory-soap-ISAPI-2.0-64`, `path=*.soap`, `verb=GET,HEAD,POST,DEBUG`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness64`, `responseBufferLimit=0`),
	e(`name=rules-64-ISAPI-2.0`, `path=*.rules`, `verb=*`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness64`),
	e(`name=xoml-64-ISAPI-2.0`, `path=*.xoml`, `verb=*`, `modules=IsapiModule`, `scriptProcessor=%windir%\Microsoft.NET\Framework64\v2.0.50727\aspnet_isapi.dll`, `preCondition=classicMode,runtimeVersionv2.0,bitness64`),
}

// The WCF 3.0 HTTP activation module of a server with .NET 3.5 (docs/iis-behaviour.md §12,
// imazen/resizer @088e5851; the same line as docs/iis-behaviour.md §7.4).
var appHostModulesNet35 = []Entry{
	e(`name=ServiceModel`, `type=System.ServiceModel.Activation.HttpModule, System.ServiceModel, Version=3.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089`, `preCondition=managedHandler,runtimeVersionv2.0`),
}

// MachineConfigCollection is what the stock .NET 4 machine.config adds to a
// collection, by element path ("connectionStrings",
// "system.web/membership/providers"): entries a web.config must remove
// before adding its own of the same name. Facts from the corpus machine.config
// (ZhangGaoxing/t4-template machine.config); only names and types matter.
func MachineConfigCollection(path string) []Entry {
	return machineConfigCollections[path]
}

var machineConfigCollections = map[string][]Entry{
	"connectionStrings": {
		e(`name=LocalSqlServer`, `connectionString=data source=.\SQLEXPRESS;Integrated Security=SSPI;AttachDBFilename=|DataDirectory|aspnetdb.mdf;User Instance=true`, `providerName=System.Data.SqlClient`),
	},
	"system.web/membership/providers": {
		e("name=AspNetSqlMembershipProvider", "type=System.Web.Security.SqlMembershipProvider, System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"),
	},
	"system.web/roleManager/providers": {
		e("name=AspNetSqlRoleProvider", "type=System.Web.Security.SqlRoleProvider, System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"),
		e("name=AspNetWindowsTokenRoleProvider", "type=System.Web.Security.WindowsTokenRoleProvider, System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"),
	},
}

package config_test

import (
	"testing"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
)

func TestEffectiveChildElementsAndErrors(t *testing.T) {
	// A section shaped like requestFiltering: an attribute, a child element
	// and a child collection.
	limits := &schema.Element{Name: "requestLimits", Attrs: []*schema.Attribute{{Name: "maxUrl", Type: schema.UInt}}}
	exts := &schema.Element{Name: "fileExtensions", Collection: &schema.Collection{Add: []string{"add"}, Remove: "remove", Clear: "clear", MergeAppend: true,
		Item: &schema.Element{Name: "add", Attrs: []*schema.Attribute{{Name: "fileExtension", Type: schema.String, UniqueKey: true}}}}}
	sec := &schema.Section{Path: "system.webServer/security/requestFiltering", Root: &schema.Element{
		Attrs: []*schema.Attribute{{Name: "allowDoubleEscaping", Type: schema.Bool}}, Children: []*schema.Element{limits, exts}}}

	server := config.MustLoad("server", []byte(`<configuration><system.webServer><security><requestFiltering allowDoubleEscaping="false">
<requestLimits maxUrl="4096"/><fileExtensions><add fileExtension=".a"/></fileExtensions></requestFiltering></security></system.webServer></configuration>`))
	app := config.MustLoad("app", []byte(`<configuration><system.webServer><security><requestFiltering>
<requestLimits maxUrl="8192"/><fileExtensions><add fileExtension=".b"/><add fileExtension=".a"/></fileExtensions></requestFiltering></security></system.webServer></configuration>`))
	got := config.Effective([]config.Source{{Doc: server}, {Doc: app, Prefix: "site"}}, sec, "site", nil)
	if len(got) != 3 {
		t.Fatalf("got %d elements, want the root, requestLimits and fileExtensions", len(got))
	}
	if a, ok := got[0].Attr("allowDoubleEscaping"); !ok || a.Value != "false" || a.Doc != server {
		t.Errorf("root attribute: %+v", a)
	}
	if got[1].Path != sec.Path+"/requestLimits" {
		t.Errorf("second element %q", got[1].Path)
	}
	if a, ok := got[1].Attr("maxUrl"); !ok || a.Value != "8192" || a.Doc != app {
		t.Errorf("maxUrl: the last level should win, got %+v", a)
	}
	fe := got[2]
	if len(fe.Items) != 2 || len(fe.Errors) != 1 {
		t.Fatalf("fileExtensions: %d items, %d errors", len(fe.Items), len(fe.Errors))
	}
	want := "Cannot add duplicate collection entry of type 'add' with unique key attribute 'fileExtension' set to '.a'"
	if fe.Errors[0].Msg != want || fe.Errors[0].Doc != app {
		t.Errorf("error %q in %s, want %q in app", fe.Errors[0].Msg, fe.Errors[0].Doc.Path, want)
	}
}

package schema

import "testing"

func TestCheckValue(t *testing.T) {
	boolean := &Attribute{Name: "enabled", Type: Bool}
	u := &Attribute{Name: "max", Type: UInt, Validation: "integerRange", ValidationParam: "1,100"}
	excl := &Attribute{Name: "bw", Type: UInt, Validation: "integerRange", ValidationParam: "0,1023,exclude"}
	i64 := &Attribute{Name: "size", Type: Int64}
	inf := &Attribute{Name: "limit", Type: Int, AllowInfinite: true}
	ts := &Attribute{Name: "idle", Type: TimeSpan, TimeSpanFormat: "string", Validation: "timeSpanRange", ValidationParam: "0,2592000,60"}
	mins := &Attribute{Name: "timeout", Type: TimeSpan, TimeSpanFormat: "minutes", AllowInfinite: true}
	enum := &Attribute{Name: "mode", Type: Enum, Values: []EnumValue{{"RemoteOnly", 0}, {"On", 1}, {"Off", 2}}}
	flags := &Attribute{Name: "show", Type: Flags, Values: []EnumValue{{"None", 0}, {"Date", 2}, {"Time", 4}}}
	nonEmpty := &Attribute{Name: "name", Type: String, Validation: "nonEmptyString"}
	trimmed := &Attribute{Name: "key", Type: String, Validation: "requireTrimmedString"}
	pool := &Attribute{Name: "applicationPool", Type: String, Validation: "applicationPoolName"}
	site := &Attribute{Name: "name", Type: String, Validation: "siteName"}
	app := &Attribute{Name: "path", Type: String, Validation: "applicationPath"}
	vdir := &Attribute{Name: "path", Type: String, Validation: "virtualDirectoryPath"}
	for _, tc := range []struct {
		a             *Attribute
		v             string
		caseSensitive bool
		ok            bool
	}{
		{boolean, "true", false, true}, {boolean, "False", false, true}, {boolean, "yes", false, false}, {boolean, "", false, false},
		{u, "50", false, true}, {u, " 50 ", false, true}, {u, "0", false, false}, {u, "101", false, false}, {u, "-1", false, false}, {u, "4294967296", false, false}, {u, "1e3", false, false},
		{excl, "1024", false, true}, {excl, "0", false, false}, {excl, "4294967295", false, true},
		{i64, "-9000000000", false, true}, {i64, "x", false, false},
		{inf, "Infinite", false, true}, {inf, "infinite", false, true}, {inf, "12", false, true}, {inf, "2147483648", false, false},
		{ts, "00:20:00", false, true}, {ts, "29:00:00", false, true}, {ts, "1.00:00:00", false, true}, {ts, "00:20", false, true},
		{ts, "31.00:00:00", false, false}, {ts, "twenty minutes", false, false}, {ts, "1", false, true},
		{mins, "20", false, true}, {mins, "Infinite", false, true}, {mins, "00:20:00", false, false},
		{enum, "On", true, true}, {enum, "on", false, true}, {enum, "on", true, false}, {enum, "Maybe", false, false},
		{flags, "Date, Time", false, true}, {flags, "date,time", false, true}, {flags, "6", false, true}, {flags, "Date, Colour", false, false}, {flags, "", false, true},
		{nonEmpty, "", false, false}, {nonEmpty, "x", false, true},
		{trimmed, " x", false, false}, {trimmed, "x", false, true},
		{pool, "My Pool", false, true}, {pool, "a/b", false, false}, {pool, "x;y", false, false},
		{site, "Default Web Site", false, true}, {site, "a?b", false, false},
		{app, "/", false, true}, {app, "/app1", false, true}, {app, "app1", false, false}, {app, "/app1/", false, false}, {app, "/a/../b", false, false},
		{vdir, "", false, true}, {vdir, "/images", false, true},
	} {
		msg := tc.a.CheckValue(tc.v, tc.caseSensitive)
		if (msg == "") != tc.ok {
			t.Errorf("%s=%q (case-sensitive %v): got %q, want ok=%v", tc.a.Name, tc.v, tc.caseSensitive, msg, tc.ok)
		}
	}
	if got := enum.CheckValue("off", true); got != `"off" is not a valid value for 'mode': use one of RemoteOnly, On, Off (letter case matters)` {
		t.Errorf("enum message: %s", got)
	}
}

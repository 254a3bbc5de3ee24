package printable

import "testing"

func TestPrintable(t *testing.T) {
	for _, tc := range []struct{ in, path, text string }{
		{`C:\sites\app\web.config`, `C:\sites\app\web.config`, `C:\sites\app\web.config`},
		{"Views/Ünïcode/web.config", "Views/Ünïcode/web.config", "Views/Ünïcode/web.config"},
		{"x\n::error title=INJECTED::pwned/web.config", `"x\n::error title=INJECTED::pwned/web.config"`, `x\n::error title=INJECTED::pwned/web.config`},
		{"a\rb\x1b[2Jc", `"a\rb\x1b[2Jc"`, `a\rb\x1b[2Jc`},
		{"a\u2028b\u0085c", `"a\u2028b\u0085c"`, `a\u2028b\u0085c`},
		{"bad\xffbyte", `"bad\xffbyte"`, `bad\xffbyte`},
		{"tab\there", `"tab\there"`, `tab\there`},
	} {
		if got := Path(tc.in); got != tc.path {
			t.Errorf("Path(%q) = %s, want %s", tc.in, got, tc.path)
		}
		if got := Text(tc.in); got != tc.text {
			t.Errorf("Text(%q) = %s, want %s", tc.in, got, tc.text)
		}
	}
}

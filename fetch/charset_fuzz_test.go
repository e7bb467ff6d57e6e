package fetch

import (
	"testing"
	"unicode/utf8"
)

// FuzzToUTF8 decodes any bytes under any declared type: no panic, and
// what comes back without an error is valid UTF-8.
func FuzzToUTF8(f *testing.F) {
	for _, s := range []struct{ body, contentType string }{
		{"<p>Ação</p>", ""},
		{"<p>A\xe7\xe3o</p>", ""},
		{"caf\xe9", "text/html; charset=ISO-8859-1"},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><t>p` + "\xe3" + `o</t>`, ""},
		{"\n<?xml version='1.0' encoding='windows-1252'?><t>\x80</t>", ""},
		{`<meta charset="iso-8859-15"><p>` + "\xa4", ""},
		{"\xef\xbb\xbfhi", ""},
		{"\xff\xfeh\x00i\x00", ""},
		{"\xfe\xff\x00h\x00i", "text/plain"},
		{"ok\xff", "text/html; charset=utf-8"},
		{"<p>x</p>", "text/html; charset=shift_jis"},
	} {
		f.Add([]byte(s.body), s.contentType)
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		out, err := ToUTF8(body, contentType)
		if err != nil {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("ToUTF8(%q, %q) = %q, not valid UTF-8", body, contentType, out)
		}
	})
}

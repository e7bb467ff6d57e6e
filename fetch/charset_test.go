package fetch

import (
	"testing"
)

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name        string
		body        string
		contentType string
		want        string
	}{
		{"utf-8 kept", "<p>Ação</p>", "", "<p>Ação</p>"},
		{"latin-1 undeclared", "<p>A\xe7\xe3o</p>", "", "<p>Ação</p>"},
		{"windows-1252 quotes", "\x93quoted\x94", "", "\u201cquoted\u201d"},
		{"header charset", "caf\xe9", "text/html; charset=ISO-8859-1", "café"},
		{"header beats content", "caf\xe9", "text/plain; charset=latin1", "café"},
		{"xml declaration rewritten",
			`<?xml version="1.0" encoding="ISO-8859-1"?><t>p` + "\xe3" + `o</t>`, "",
			`<?xml version="1.0" encoding="UTF-8"?><t>pão</t>`},
		{"leading blank line before declaration",
			"\n<?xml version='1.0' encoding='windows-1252'?><t>\x80</t>", "",
			"\n<?xml version='1.0' encoding='UTF-8'?><t>€</t>"},
		{"unknown xml encoding label, utf-8 text", `<?xml version="1.0" encoding="ANSI"?><t>Zürich</t>`, "",
			`<?xml version="1.0" encoding="UTF-8"?><t>Zürich</t>`},
		{"meta charset", `<meta charset="iso-8859-15"><p>` + "\xa4", "", `<meta charset="iso-8859-15"><p>€`},
		{"utf-8 bom stripped", "\xef\xbb\xbfhi", "", "hi"},
		{"utf-16le bom", "\xff\xfeh\x00i\x00", "", "hi"},
		{"declared utf-8 but broken", "ok\xff", "text/html; charset=utf-8", "ok\uFFFD"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToUTF8([]byte(tt.body), tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

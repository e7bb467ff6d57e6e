package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestOutletName(t *testing.T) {
	tests := []struct {
		name string
		a    Article
		want string
	}{
		{"outlet", Article{Outlet: "  BBC   News ", URL: "https://www.bbc.co.uk/news/x", Source: "bbc"}, "BBC News"},
		{"host without www", Article{URL: "https://www.Example.org/a", Source: "feeds"}, "example.org"},
		{"host with port", Article{URL: "http://127.0.0.1:8080/a", Source: "local"}, "127.0.0.1"},
		{"file falls back to the source", Article{URL: "file:///corpus/a.txt", Source: "corpus"}, "corpus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.OutletName(); got != tt.want {
				t.Errorf("OutletName() = %q, want %q", got, tt.want)
			}
			p := Passage{Outlet: tt.a.Outlet, URL: tt.a.URL, Source: tt.a.Source}
			if got := p.OutletName(); got != tt.want {
				t.Errorf("Passage.OutletName() = %q, want %q", got, tt.want)
			}
		})
	}
}

// contentHashBefore is ContentHash as it was first written, allocating a
// normalised copy of each paragraph: stored hashes were made so, and a
// different hash would make every stored article look changed.
func contentHashBefore(title string, paragraphs []string) string {
	normalize := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	h := sha256.New()
	h.Write([]byte(normalize(title)))
	for _, p := range paragraphs {
		h.Write([]byte{0})
		h.Write([]byte(normalize(p)))
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func TestContentHashAsBefore(t *testing.T) {
	// made by the code before it stopped copying, kept to catch the reference drifting too
	if got := ContentHash("  Théâtre  ÉTÉ\u00a0News ", []string{"A  b\tC", "İstanbul \xff ÇA\u0085ok", "", "   "}); got != "3404df17214f827914316776ccdb0945" {
		t.Errorf("got %s, want the hash stored articles carry", got)
	}
	for _, c := range [][]string{{""}, {"", ""}, {"T", "a b"}, {" A\u3000B ", "\u200bx", "ß SS ǅ", "\xc3", "a\xe2\x80"}, {"Ab", "\u2028a\u2029b"}} {
		if got, want := ContentHash(c[0], c[1:]), contentHashBefore(c[0], c[1:]); got != want {
			t.Errorf("ContentHash(%q) = %s, want %s", c, got, want)
		}
	}
}

package extract

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestExtractNoArticle(t *testing.T) {
	links := strings.Repeat(`<li><a href="/x">Another headline about something</a></li>`, 300)
	tests := []struct {
		name string
		page string
	}{
		{"empty", ""},
		{"whitespace", " \n\t "},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + strings.Repeat("\x00\x01\x02\x03", 500)},
		{"no body", "<html><head><title>Nothing here</title></head></html>"},
		{"scripts only", "<html><body>" + strings.Repeat("<script>var a = 'some words that look like text';</script>", 200) + "</body></html>"},
		{"page of links", "<html><body><ul>" + links + "</ul></body></html>"},
		{"plain label", "<p>Advertisement</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract([]byte(tt.page), nil)
			if !errors.Is(err, ErrNoArticle) {
				t.Errorf("Extract() error = %v (paragraphs %q), want ErrNoArticle", err, a.Paragraphs)
			}
		})
	}
}

// TestExtractHostile feeds pages built to cost time or memory; each must
// come back with an error or an article, never hang or crash.
func TestExtractHostile(t *testing.T) {
	prose := "<p>" + strings.Repeat("The council met on Tuesday and agreed the budget for the coming year. ", 8) + "</p>"
	tests := []struct {
		name     string
		page     string
		wantText bool
	}{
		{"nesting past the depth limit", strings.Repeat("<div>", 450) + prose + strings.Repeat("</div>", 450), true},
		{"nesting past the parser's limit", strings.Repeat("<div>", 100_000) + prose + strings.Repeat("</div>", 100_000), false},
		{"deep unclosed inline", strings.Repeat("<span><b><i>", 30_000) + prose, false},
		{"many elements", "<body>" + strings.Repeat("<b></b>", 200_000) + prose + "</body>", false},
		{"long attribute", `<div class="` + strings.Repeat("share ", 200_000) + `">x</div>` + prose, true},
		{"unclosed comment", prose + "<!--" + strings.Repeat("x", 100_000), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract([]byte(tt.page), nil)
			if tt.wantText && (err != nil || !strings.Contains(strings.Join(a.Paragraphs, " "), "agreed the budget")) {
				t.Errorf("Extract() = %d paragraphs, error %v; want the council paragraph", len(a.Paragraphs), err)
			}
			if !tt.wantText && err == nil {
				t.Errorf("Extract() error = nil, want an error for an oversized or over-deep page")
			}
		})
	}
}

func TestExtractCharset(t *testing.T) {
	utf8Body := "<p>" + strings.Repeat("Le café de la gare a rouvert ses portes mardi matin après des travaux. ", 6) + "</p>"
	body := "<p>" + strings.Repeat("Le caf\xe9 de la gare a rouvert ses portes mardi matin apr\xe8s des travaux. ", 6) + "</p>"
	tests := []struct {
		name string
		page string
		want []string
	}{
		{"declared latin-1", `<html><head><meta charset="iso-8859-1"></head><body>` + body + "</body></html>", []string{"café", "après"}},
		{"undeclared, not utf-8", `<html><body>` + body + "</body></html>", []string{"café", "après"}},
		// Sniffed as utf-8 from its first kilobyte, the page is passed
		// through as it is: a stray byte further on must still not reach
		// the text.
		{"utf-8 at the start, a latin-1 byte later", `<html><body><p>` + strings.Repeat("Le café de la gare a rouvert ses portes mardi matin après des travaux. ", 20) +
			"</p><p>Le caf\xe9 voisin restera ferm\xe9 jusqu'en f\xe9vrier, selon la mairie de la ville.</p></body></html>", []string{"café", "caf\uFFFD voisin"}},
		{"utf-8 byte-order mark, a latin-1 byte later", "\xEF\xBB\xBF<html><body>" + utf8Body + "<p>Le caf\xe9 voisin restera ferm\xe9 jusqu'en f\xe9vrier.</p></body></html>", []string{"après", "caf\uFFFD voisin"}},
		{"utf-16 with a byte-order mark", utf16LE("\uFEFF<html><body>" + utf8Body + "</body></html>"), []string{"café", "après"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract([]byte(tt.page), nil)
			if err != nil {
				t.Fatalf("Extract() error = %v", err)
			}
			got := strings.Join(a.Paragraphs, " ")
			if !utf8.ValidString(got) {
				t.Fatalf("Extract() text is not valid UTF-8: %q", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Extract() text = %q, want %q in it", got, w)
				}
			}
		})
	}
}

// utf16LE encodes s as UTF-16, little end first.
func utf16LE(s string) string {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

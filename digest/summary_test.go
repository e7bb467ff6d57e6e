package digest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSummary(t *testing.T) {
	long := strings.Repeat("word ", 60) // 300 characters, one sentence
	tests := []struct {
		name, in, want string
	}{
		{"first of two", "The council apologised. A review follows.", "The council apologised."},
		{"question", "Who knew? Nobody, it seems.", "Who knew?"},
		{"closing quote", `"We are sorry." The leader spoke on Tuesday.`, `"We are sorry."`},
		{"curly quote", "“We are sorry.” The leader spoke.", "“We are sorry.”"},
		{"title abbreviation", "Mr. Smith resigned. He left at once.", "Mr. Smith resigned."},
		{"initials", "J. K. Rowling wrote it. Then more.", "J. K. Rowling wrote it."},
		{"decimal", "Shares fell 2.5 percent on Friday. Traders sold.", "Shares fell 2.5 percent on Friday."},
		{"lower case after stop", "It cost 5 p. per unit today. Then more.", "It cost 5 p. per unit today."},
		{"whitespace collapsed", "  The   council\napologised.  ", "The council apologised."},
		{"no stop", "Breaking news from the council", "Breaking news from the council"},
		{"empty", "", ""},
		{"long cut on a word", long, strings.TrimSpace(strings.Repeat("word ", 40)) + "…"}, // 199 + ellipsis,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Summary(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three", 8, "one two…"}, // space right at the cut keeps "two"
		{"one two three", 7, "one…"},     // mid-word backs up
		{"abcdefghijkl", 5, "abcd…"},     // no space: cut mid-word
		{"éé éé éé éé", 6, "éé éé…"},     // runes, not bytes
		{"one, two three", 6, "one…"},    // trailing punctuation trimmed
	}
	for _, tt := range tests {
		got := truncate(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("truncate(%q, %d): got %q, want %q", tt.in, tt.n, got, tt.want)
		}
		if utf8.RuneCountInString(got) > tt.n {
			t.Errorf("truncate(%q, %d): got %d characters, want at most %d", tt.in, tt.n, utf8.RuneCountInString(got), tt.n)
		}
	}
}

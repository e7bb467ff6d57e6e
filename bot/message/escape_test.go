package message

import (
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Police said nothing", "Police said nothing"},
		{"everyone and here", "hi @everyone and @here", "hi @" + zwsp + "everyone and @" + zwsp + "here"},
		{"user mention", "<@123>", `\<@123\>`},
		{"role and channel", "<@&4> <#5>", `\<@&4\> \<\#5\>`},
		{"masked link", "[x](https://e.example)", `\[x\]\(https:` + zwsp + `//e.example\)`},
		{"bare url", "see http://a.example", "see http:" + zwsp + "//a.example"},
		{"invite", "discord.gg/abc", "discord" + zwsp + ".gg/abc"},
		{"emphasis", "**b** _i_ ~~s~~ `c` ||sp||", `\*\*b\*\* \_i\_ \~\~s\~\~ \` + "`" + `c\` + "`" + ` \|\|sp\|\|`},
		{"heading and quote", "# big\n> quoted\n- item", "\\# big\n\\> quoted\n\\- item"},
		{"ordered list", "1. first\n 22. second", "1\\. first\n 22\\. second"},
		{"backslash", `a\b`, `a\\b`},
		{"controls and bidi", "a\x00b\u202ec\td", "abc d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeLine(t *testing.T) {
	if got, want := EscapeLine("  two\n lines  "), "two lines"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestEmphasize(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		terms []string
		want  string
	}{
		{"one word", "The leak angered police", []string{"leak"}, "The **leak** angered police"},
		{"case and several", "Leak? The LEAK.", []string{"leak"}, "**Leak**? The **LEAK**."},
		{"whole words only", "leaked leak", []string{"leak"}, "leaked **leak**"},
		{"apostrophe inside word", "May's leak", []string{"may's"}, "**May's** leak"},
		{"markup around match is escaped", "**leak**", []string{"leak"}, `\*\***leak**\*\*`},
		{"mention next to match", "@everyone leak", []string{"everyone"}, "@" + zwsp + "**everyone** leak"},
		{"no terms", "a_b", nil, `a\_b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Emphasize(tt.text, tt.terms); got != tt.want {
				t.Errorf("Emphasize(%q, %q) = %q, want %q", tt.text, tt.terms, got, tt.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("filler words here ", 40) + "the leak was reckless " + strings.Repeat("more words after ", 40)
	tests := []struct {
		name      string
		text      string
		terms     []string
		limit     int
		wantIn    string
		wantStart string
		wantEnd   string
	}{
		{"short text unchanged", "a  short\ntext", nil, 50, "a short text", "a short", "text"},
		{"window around the match", long, []string{"leak"}, 100, "the leak was reckless", "…", "…"},
		{"no match starts at the beginning", long, []string{"zebra"}, 60, "filler words", "filler", "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Excerpt(tt.text, tt.terms, tt.limit)
			if !strings.Contains(got, tt.wantIn) || !strings.HasPrefix(got, tt.wantStart) || !strings.HasSuffix(got, tt.wantEnd) {
				t.Errorf("Excerpt = %q, want it to contain %q, start %q, end %q", got, tt.wantIn, tt.wantStart, tt.wantEnd)
			}
			if n := len([]rune(got)); n > tt.limit+2 {
				t.Errorf("Excerpt is %d characters, want at most %d", n, tt.limit+2)
			}
		})
	}
}

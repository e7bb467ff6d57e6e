package index

import (
	"strings"
	"testing"
)

func TestTokensMatchAnalyze(t *testing.T) {
	cases := []string{
		"Trade Minister Mark Vaile has said that the bid may be \"against the national interest\".",
		"Wal-Mart's adverts cost $5.02; 1,000 people criticised O'Neill’s plans.",
		"It's pretty unusual to hear about virus problems with ATMs, he said.",
		"Kenteris's lawyer reacted angrily — “Comments like these only help”.",
	}
	for _, c := range cases {
		t.Run(c, func(t *testing.T) {
			got, want := terms(Tokens(c)), terms(Analyze(c))
			if got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestTokensOffsets(t *testing.T) {
	text := "Bernie Banton welcomed the 5.9 deal"
	for _, tok := range Tokens(text) {
		if w := text[tok.Start:tok.End]; !strings.EqualFold(Stem(w), tok.Term) {
			t.Errorf("got %q at %d:%d for term %q", w, tok.Start, tok.End, tok.Term)
		}
	}
}

func terms(ts []Token) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Term)
	}
	return strings.Join(out, " ")
}

package index

import (
	"strings"
	"testing"
)

func TestTokensMatchAnalyze(t *testing.T) {
	cases := []string{
		"Energy Minister Clara Holt has said that the merger may be \"against the public interest\".",
		"Hewlett-Packard's adverts cost $5.02; 2,500 people criticised O'Neill’s plans.",
		"It's rare to hear about software faults with ATMs, she said.",
		"Petrescu's lawyer reacted angrily — “Remarks like these only help”.",
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
	text := "Nadia Osei welcomed the 5.9 deal"
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

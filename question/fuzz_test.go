package question

import (
	"testing"

	"storybot/internal/sharedtest"
)

// FuzzParse analyses any text as a question: no panic, and every key word
// has itself among its spellings.
func FuzzParse(f *testing.F) {
	for _, q := range []string{"who reacted to the Manchester leak", "how much did Kraft offer for Cadbury?",
		`"+-:^()~*?`, "according to the White House, what happened", "AC", "covid-19 7.0-magnitude quake"} {
		f.Add(q)
	}
	for _, p := range sharedtest.Glob("eval/*.jsonl") {
		for _, q := range sharedtest.Strings(f, p, "question") {
			f.Add(q)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		q := Parse(text)
		for _, term := range q.Terms {
			if term.Word == "" {
				t.Fatalf("Parse(%q): empty key word in %+v", text, q.Terms)
			}
		}
	})
}

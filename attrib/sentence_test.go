package attrib

import (
	"reflect"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "Shares rose. They fell again! Why? Nobody knows.",
			[]string{"Shares rose.", "They fell again!", "Why?", "Nobody knows."}},
		{"dotted abbreviation inside", "The U.S. Embassy in London similarly tweeted Thursday.",
			[]string{"The U.S. Embassy in London similarly tweeted Thursday."}},
		{"dotted abbreviation ends a sentence", "The plot was given to the U.S. by Israel, a secret shared with the U.S. The plot was sensitive.",
			[]string{"The plot was given to the U.S. by Israel, a secret shared with the U.S.", "The plot was sensitive."}},
		{"titles and months", "Mr. Smith met Dr. Jones on Jan. 5 in St. Louis. They talked.",
			[]string{"Mr. Smith met Dr. Jones on Jan. 5 in St. Louis.", "They talked."}},
		{"No. 10", "Officials at No. 10 said nothing. A spokesman declined.",
			[]string{"Officials at No. 10 said nothing.", "A spokesman declined."}},
		{"no as a word", "He said no. Then he left.", []string{"He said no.", "Then he left."}},
		{"initials and decimals", "George W. Bush won 3.5% of the vote. J. K. Rowling did not.",
			[]string{"George W. Bush won 3.5% of the vote.", "J. K. Rowling did not."}},
		{"closing quote stays", "U.K. authorities are “furious.” The leaks must stop.",
			[]string{"U.K. authorities are “furious.”", "The leaks must stop."}},
		{"quote then attribution", `"We will win," he said. "It is certain."`,
			[]string{`"We will win," he said.`, `"It is certain."`}},
		{"question inside quote", `He asked "Why?" and left.`, []string{`He asked "Why?" and left.`}},
		{"company abbreviation", "Shares in Acme Inc. rose. Acme Inc. The firm grew.",
			[]string{"Shares in Acme Inc. rose.", "Acme Inc.", "The firm grew."}},
		{"blank line", "Brussels raps mobile call charges\n\nThe Commission has written.",
			[]string{"Brussels raps mobile call charges", "The Commission has written."}},
		{"ellipsis", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"empty", "  ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Sentences(tc.text)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			for _, s := range got {
				if !strings.Contains(tc.text, s) {
					t.Errorf("sentence %q is not a substring", s)
				}
			}
		})
	}
}

func TestSentencesCorpusVerbatim(t *testing.T) {
	for _, f := range bbcFiles(t) {
		for _, p := range bbcArticle(t, f) {
			for _, s := range Sentences(p) {
				if s == "" || !strings.Contains(p, s) || s != strings.TrimSpace(s) {
					t.Fatalf("%s: sentence %q is not a trimmed substring", f, s)
				}
			}
		}
	}
}

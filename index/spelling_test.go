package index

import (
	"slices"
	"testing"
)

func TestSpellings(t *testing.T) {
	tests := []struct {
		variants, want []string
	}{
		{[]string{"ac", "air conditioning"}, []string{"ac", "air condit"}},
		{[]string{"covid-19"}, []string{"covid", "19"}},
		{[]string{"criticise", "criticize"}, []string{"criticis", "critic"}},
		{[]string{"the"}, nil},
	}
	for _, tt := range tests {
		if got := Spellings(tt.variants); !slices.Equal(got, tt.want) {
			t.Errorf("Spellings(%q) = %q, want %q", tt.variants, got, tt.want)
		}
	}
}

func TestJoinRuns(t *testing.T) {
	runs := []string{"air condit"}
	tests := []struct {
		text string
		want []string // the text each run token spans
	}{
		{"The company cut air conditioning in its stores.", []string{"air conditioning"}},
		{"Air Conditioning, then air-conditioning.", []string{"Air Conditioning", "air-conditioning"}},
		{"Clean air and conditioning of the hall.", nil},
		{"The air was cold; conditioning came later.", nil},
	}
	for _, tt := range tests {
		toks := JoinRuns(Analyze(tt.text), runs)
		var got []string
		for i, tok := range toks {
			if tok.Term == runs[0] {
				got = append(got, tt.text[tok.Start:tok.End])
			}
			if i > 0 && tok.Start < toks[i-1].Start {
				t.Errorf("%q: tokens out of order at %d", tt.text, i)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: runs span %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTermClauses(t *testing.T) {
	got := TermClauses([]string{"ac", "air conditioning", "a/c"}, 0.5)
	want := []Clause{{Text: "ac a/c", Boost: 0.5}, {Text: "air conditioning", AllWords: true, Boost: 0.5}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

package index

import (
	"slices"
	"strings"
)

// Spellings returns the index terms of a word's spellings: a spelling of
// several words ("air conditioning" for "AC") becomes its terms joined by a
// space ("air condit"), which JoinRuns finds only where those words stand
// together, so "air" alone matches nothing; a spelling of one word gives
// each of its terms ("covid-19" gives "covid" and "19").
func Spellings(variants []string) []string {
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, v := range variants {
		var terms []string
		for _, t := range Analyze(v) {
			terms = append(terms, t.Term)
		}
		if strings.Contains(strings.TrimSpace(v), " ") {
			add(strings.Join(terms, " "))
			continue
		}
		for _, t := range terms {
			add(t)
		}
	}
	return out
}

// Runs returns the spellings of several words among terms.
func Runs(terms []string) []string {
	var out []string
	for _, t := range terms {
		if strings.Contains(t, " ") && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// JoinRuns adds, before the first word of each place where a run's terms
// stand at consecutive positions, one token for the whole run spanning its
// words; toks keep their order.
func JoinRuns(toks []Token, runs []string) []Token {
	if len(runs) == 0 {
		return toks
	}
	split := make([][]string, len(runs))
	for i, r := range runs {
		split[i] = strings.Fields(r)
	}
	var out []Token
	for i, t := range toks {
		for ri, words := range split {
			if end, ok := runAt(toks, i, words); ok {
				out = append(out, Token{Term: runs[ri], Start: t.Start, End: toks[end].End, Position: t.Position})
			}
		}
		out = append(out, t)
	}
	return out
}

// runAt reports whether words stand at consecutive positions from toks[i],
// and the index of the last.
func runAt(toks []Token, i int, words []string) (int, bool) {
	for k, w := range words {
		j := i + k
		if j >= len(toks) || toks[j].Term != w || toks[j].Position != toks[i].Position+k {
			return 0, false
		}
	}
	return i + len(words) - 1, true
}

// TermClauses are the query clauses for one word of a question: its
// one-word spellings matched together, each spelling of several words as
// all its words.
func TermClauses(variants []string, boost float64) []Clause {
	var words []string
	var out []Clause
	for _, v := range variants {
		if strings.Contains(strings.TrimSpace(v), " ") {
			out = append(out, Clause{Text: v, AllWords: true, Boost: boost})
		} else {
			words = append(words, v)
		}
	}
	if len(words) > 0 {
		out = append([]Clause{{Text: strings.Join(words, " "), Boost: boost}}, out...)
	}
	return out
}

package emerging

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"storybot/index"
)

// Vector sizes and weights.
const (
	// vectorTerms is how many of a doc's most telling words it is
	// compared by.
	vectorTerms = 25
	// titleWeight counts a word of the headline this many times.
	titleWeight = 2
	// commonShare is the share of docs above which a word is too common
	// to tell stories apart ("said", "year", "government"), and
	// commonFloor the fewest docs that makes a word common: in a small
	// window one story may fill a large share of it.
	commonShare = 0.2
	commonFloor = 10
)

// weighted is one word of a doc's vector.
type weighted struct {
	stem, word string
	weight     float64
}

// vector is a doc's most telling words with tf-idf weights, of unit
// length.
type vector []weighted

func (v vector) weight(stem string) float64 {
	for _, w := range v {
		if w.stem == stem {
			return w.weight
		}
	}
	return 0
}

// vectors weighs each doc's words by tf-idf over docs, keeping words
// at least two docs share and not more than commonShare of them do.
func vectors(docs []Doc) []vector {
	tfs := make([]map[string]float64, len(docs))
	df := map[string]int{}
	forms := map[string]map[string]int{}
	for i, d := range docs {
		tfs[i] = map[string]float64{}
		count(tfs[i], forms, d.Title, titleWeight)
		count(tfs[i], forms, d.Text, 1)
		for s := range tfs[i] {
			df[s]++
		}
	}
	n := float64(len(docs))
	maxDF := max(commonFloor, int(commonShare*n))
	word := map[string]string{}
	for s, fs := range forms {
		word[s] = commonest(fs)
	}
	out := make([]vector, len(docs))
	for i, tf := range tfs {
		var v vector
		for s, f := range tf {
			if df[s] < 2 || df[s] > maxDF {
				continue
			}
			v = append(v, weighted{stem: s, word: word[s], weight: (1 + math.Log(f)) * math.Log(n/float64(df[s]))})
		}
		slices.SortFunc(v, func(a, b weighted) int {
			if c := cmp.Compare(b.weight, a.weight); c != 0 {
				return c
			}
			return cmp.Compare(a.stem, b.stem)
		})
		if len(v) > vectorTerms {
			v = v[:vectorTerms]
		}
		out[i] = normalize(v)
	}
	return out
}

// count adds text's words to tf, each counting weight, and notes the forms
// each stem was written in.
func count(tf map[string]float64, forms map[string]map[string]int, text string, weight float64) {
	for _, t := range index.Analyze(text) {
		if len(t.Term) < 3 || digits(t.Term) {
			continue
		}
		tf[t.Term] += weight
		if forms[t.Term] == nil {
			forms[t.Term] = map[string]int{}
		}
		forms[t.Term][strings.ToLower(text[t.Start:t.End])]++
	}
}

func digits(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' }) < 0
}

// commonest returns the form written most often, the shortest on a tie.
func commonest(forms map[string]int) string {
	best := ""
	for f, n := range forms {
		if best == "" || n > forms[best] || n == forms[best] && (len(f) < len(best) || len(f) == len(best) && f < best) {
			best = f
		}
	}
	return best
}

func normalize(v vector) vector {
	sum := 0.0
	for _, w := range v {
		sum += w.weight * w.weight
	}
	if sum == 0 {
		return v
	}
	norm := math.Sqrt(sum)
	for i := range v {
		v[i].weight /= norm
	}
	return v
}

package extract

import (
	"regexp"
	"strings"
)

// shingleScore mirrors evaluate.py of scrapinghub/article-extraction-benchmark:
// \w+ tokens, word 4-gram shingles counted as multisets, and tp/fp/fn
// normalised by their sum so that long pages weigh no more than short ones.
type shingleScore struct{ tp, fp, fn float64 }

// wordRE matches what Python's re `\w+` matches on str: letters, digits, underscore.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

func shingles(text string) map[string]int {
	tokens := wordRE.FindAllString(text, -1)
	counts := map[string]int{}
	for i := 0; i < max(1, len(tokens)-3); i++ {
		sh := tokens[i:min(i+4, len(tokens))]
		if len(sh) > 0 {
			counts[strings.Join(sh, "\x00")]++
		}
	}
	return counts
}

func scoreText(want, got string) shingleScore {
	w, g := shingles(want), shingles(got)
	var s shingleScore
	for k, wc := range w {
		gc := g[k]
		s.tp += float64(min(wc, gc))
		s.fn += float64(max(0, wc-gc))
	}
	for k, gc := range g {
		s.fp += float64(max(0, gc-w[k]))
	}
	if sum := s.tp + s.fp + s.fn; sum > 0 {
		s.tp, s.fp, s.fn = s.tp/sum, s.fp/sum, s.fn/sum
	}
	return s
}

func (s shingleScore) precision() float64 {
	switch {
	case s.fp == 0 && s.fn == 0:
		return 1
	case s.tp == 0 && s.fp == 0:
		return 0
	}
	return s.tp / (s.tp + s.fp)
}

func (s shingleScore) recall() float64 {
	switch {
	case s.fp == 0 && s.fn == 0:
		return 1
	case s.tp == 0 && s.fn == 0:
		return 0
	}
	return s.tp / (s.tp + s.fn)
}

// aggregate averages precision over pages with tp+fp > 0 and recall over
// pages with tp+fn > 0, then takes F1 of the two averages.
func aggregate(scores []shingleScore) (precision, recall, f1 float64) {
	var np, nr int
	for _, s := range scores {
		if s.tp+s.fp > 0 {
			precision += s.precision()
			np++
		}
		if s.tp+s.fn > 0 {
			recall += s.recall()
			nr++
		}
	}
	if np > 0 {
		precision /= float64(np)
	}
	if nr > 0 {
		recall /= float64(nr)
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

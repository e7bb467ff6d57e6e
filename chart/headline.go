package chart

import (
	"strings"
	"unicode"
)

// representative returns the title that shares the most words (of four
// letters or more) with the other titles, the first on a tie: on a busy
// day the headline of the event most outlets covered.
func representative(titles []string) string {
	words := make([]map[string]bool, len(titles))
	for i, t := range titles {
		words[i] = map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len([]rune(w)) >= 4 {
				words[i][w] = true
			}
		}
	}
	best, bestScore := "", -1
	for i, t := range titles {
		score := 0
		for j := range titles {
			if j == i {
				continue
			}
			for w := range words[i] {
				if words[j][w] {
					score++
				}
			}
		}
		if score > bestScore && strings.TrimSpace(t) != "" {
			best, bestScore = t, score
		}
	}
	return best
}

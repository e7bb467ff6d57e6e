package answer

import (
	"math"
	"sort"
	"strings"

	"storybot/article"
	"storybot/attrib"
	"storybot/index"
	"storybot/question"
)

// nearWords is the distance, in words, at which a candidate answer's
// closeness to the question's asking words has halved.
const nearWords = 4

// evidence is what a passage's sentences say about the answer.
type evidence struct {
	best     string   // the sentence most likely to hold the answer
	expected bool     // the best sentence holds a candidate answer
	share    float64  // the share of the question's weight the best sentence holds
	near     float64  // closeness of the candidate answer nearest the asking words
	keys     []string // the passage's candidate answers
}

// sentenceEvidence reads a passage's sentences: which holds most of the
// question, which candidate answers it offers, and how close one stands to
// the words of the question's asking sentence (the words around an answer
// are those of the question that asks for it). toks are the passage's
// tokens that match the question.
func (s spotter) sentenceEvidence(gs []group, total float64, p article.Passage, toks []index.Token) evidence {
	text := p.Text
	bounds := sentenceBounds(text)
	opens := map[int]bool{}
	for _, b := range bounds {
		opens[b[0]] = true
	}
	ws := index.Words(text)
	spans := s.spans(ws, text, p.Source, func(off int) bool { return opens[off] })
	var ev evidence
	seen := map[string]bool{}
	for _, sp := range spans {
		if !seen[sp.key] {
			seen[sp.key] = true
			ev.keys = append(ev.keys, sp.key)
		}
	}
	bestScore := -1.0
	matched := make([]bool, len(gs))
	for _, b := range bounds {
		clear(matched)
		score := 0.0
		var asking []int // positions of asking words in the sentence
		for _, t := range toks {
			if t.Start < b[0] || t.Start >= b[1] {
				continue
			}
			for gi, g := range gs {
				if g.stems[t.Term] {
					if !matched[gi] {
						matched[gi] = true
						score += g.idf
					}
					if g.ask && !g.reaction {
						asking = append(asking, t.Position)
					}
				}
			}
		}
		has := false
		for _, sp := range spans {
			if sp.start < b[0] || sp.start >= b[1] {
				continue
			}
			has = true
			ev.near = math.Max(ev.near, closeness(sp, asking))
		}
		has = has && score > 0 && s.expect != question.ExpectAny
		share := score
		if has {
			score *= 1.5
		}
		if score > bestScore {
			ev.best, bestScore, ev.expected = text[b[0]:b[1]], score, has
			if total > 0 {
				ev.share = share / total
			}
		}
	}
	return ev
}

// closeness is 1 for a candidate answer next to an asking word, halving
// every nearWords words further, and 0 with no asking word.
func closeness(sp span, asking []int) float64 {
	best := 0.0
	for _, pos := range asking {
		d := 0
		switch {
		case pos < sp.from:
			d = sp.from - pos
		case pos > sp.to:
			d = pos - sp.to
		default:
			continue // an asking word inside the span is part of the name
		}
		best = math.Max(best, 1/(1+float64(d-1)/nearWords))
	}
	return best
}

// sentenceBounds returns the byte ranges of text's sentences.
func sentenceBounds(text string) [][2]int {
	var out [][2]int
	off := 0
	for _, s := range attrib.Sentences(text) {
		i := strings.Index(text[off:], s)
		if i < 0 {
			continue
		}
		out = append(out, [2]int{off + i, off + i + len(s)})
		off += i + len(s)
	}
	return out
}

// redundancy sets Redundant: an answer found in many of the best
// candidates is more likely right than one found once (the answer to a
// question about the news recurs in the coverage). Each candidate answer
// is supported by the BM25 shares of the leading candidates holding it.
func redundancy(cs []candidate, keys [][]string) {
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cs[order[a]].f[PassageBM25] > cs[order[b]].f[PassageBM25] })
	support := map[string]float64{}
	for _, i := range order[:min(len(order), supportPassages)] {
		for _, k := range keys[i] {
			support[k] += cs[i].f[PassageBM25]
		}
	}
	best := 0.0
	for _, v := range support {
		best = math.Max(best, v)
	}
	if best == 0 {
		return
	}
	for i := range cs {
		for _, k := range keys[i] {
			cs[i].f[Redundant] = math.Max(cs[i].f[Redundant], support[k]/best)
		}
	}
}

// supportPassages is how many leading candidates vote for answers.
const supportPassages = 30

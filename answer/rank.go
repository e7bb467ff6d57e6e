package answer

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"storybot/attrib"
	"storybot/index"
	"storybot/question"
)

// weights of the reranking signals; tuned on the dev sets (see README).
var weights = struct {
	bm25, coverage, proximity, pairs, expect, speech, quote, subject, article, articleCoverage, lede float64
	dated, fresh, source                                                                             float64
}{source: 0.8, articleCoverage: 1.0, bm25: 1.0, coverage: 1.5, proximity: 1.0, pairs: 0.5, expect: 0.8, speech: 2.0, quote: 1.0, subject: 0.8, article: 1.0, lede: 1.0,
	dated: 1.0, fresh: 1.0}

// window is the span, in words, within which key terms count as close.
const window = 12

// ranked is a passage with its final score and the sentence that best
// answers the question.
type ranked struct {
	hit     index.Hit
	score   float64
	best    string   // the sentence most likely to hold the answer
	matched []string // words of the passage that match the question
}

// group is one key word of the question in the index's terms: any of its
// spellings matches.
type group struct {
	stems    map[string]bool
	reaction bool
	idf      float64
}

func groups(q question.Question) []group {
	var gs []group
	for _, t := range q.Terms {
		g := group{stems: map[string]bool{}, reaction: t.Reaction}
		for _, s := range index.Spellings(t.Variants) {
			g.stems[s] = true
		}
		if len(g.stems) > 0 {
			gs = append(gs, g)
		}
	}
	return gs
}

// rank rescores the index's candidates with signals BM25 lacks: how many key
// words a passage holds and how close together, whether it holds the kind
// of answer asked for, attributed speech for reaction questions, and how
// strongly its article as a whole matches.
func rank(q question.Question, hits []index.Hit) []ranked {
	if len(hits) == 0 {
		return nil
	}
	gs := groups(q)
	wanted := map[string]bool{}
	for _, g := range gs {
		for st := range g.stems {
			wanted[st] = true
		}
	}
	runs := index.Runs(slices.Collect(maps.Keys(wanted)))
	docs := make([][]index.Token, len(hits))
	for i, h := range hits {
		docs[i] = matching(index.JoinRuns(analyzeText(h.Passage.Text), runs), wanted)
	}
	setIDF(gs, docs)
	qwords := questionWords(q)
	pairs := pairStems(q)
	top := hits[0].Score
	out := make([]ranked, len(hits))
	for i, h := range hits {
		f := measure(gs, docs[i])
		var best string
		var bestHasAnswer bool
		if q.Expect != question.ExpectAny {
			best, bestHasAnswer = bestSentence(q, gs, h.Passage.Text, docs[i], qwords)
		}
		s := weights.bm25*h.Score/top + weights.coverage*f.coverage + weights.proximity*f.proximity +
			weights.pairs*pairShare(pairs, docs[i])
		if bestHasAnswer {
			s += weights.expect
		}
		s += speechScore(q, h) + sourceScore(q, h)
		out[i] = ranked{hit: h, score: s, best: best, matched: f.matched}
	}
	addArticleScore(q, out)
	addArticleCoverage(gs, docs, runs, out)
	addRecency(q, out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].hit.Passage.ID < out[j].hit.Passage.ID // ties the same way after any rebuild
	})
	if q.Expect == question.ExpectAny {
		// no answer kind to look for: only the leading passages need a best sentence
		for i := range out[:min(len(out), bestNeeded)] {
			toks := index.JoinRuns(analyzeText(out[i].hit.Passage.Text), runs)
			out[i].best, _ = bestSentence(q, gs, out[i].hit.Passage.Text, toks, qwords)
		}
	}
	return out
}

// bestNeeded is how many leading passages get a best sentence when the
// question wants no particular kind of answer.
const bestNeeded = 10

// matching keeps the tokens whose term is wanted: the signals below only
// look at words of the question, and a passage holds few of them.
func matching(toks []index.Token, wanted map[string]bool) []index.Token {
	out := toks[:0]
	for _, t := range toks {
		if wanted[t.Term] {
			out = append(out, t)
		}
	}
	return out
}

func setIDF(gs []group, docs [][]index.Token) {
	n := float64(len(docs) + 1)
	for i := range gs {
		df := 0
		for _, d := range docs {
			if hasAny(d, gs[i].stems) {
				df++
			}
		}
		gs[i].idf = math.Log(1 + n/float64(df+1))
		if gs[i].reaction {
			gs[i].idf *= 0.3
		}
	}
}

func hasAny(toks []index.Token, stems map[string]bool) bool {
	for _, t := range toks {
		if stems[t.Term] {
			return true
		}
	}
	return false
}

type features struct {
	coverage, proximity float64
	matched             []string
}

// measure computes the share of the question's weight a passage covers and
// the best share covered within one window of nearby words.
func measure(gs []group, toks []index.Token) features {
	var total, covered float64
	var f features
	hitAt := make([]int, len(toks)) // group index+1 of each token, 0 for none
	for gi, g := range gs {
		total += g.idf
		found := false
		for ti, t := range toks {
			if g.stems[t.Term] {
				hitAt[ti] = gi + 1
				found = true
			}
		}
		if found {
			covered += g.idf
		}
	}
	if total == 0 {
		return f
	}
	f.coverage = covered / total
	for ti, t := range toks {
		if hitAt[ti] > 0 {
			f.matched = append(f.matched, t.Term)
		}
	}
	f.proximity = bestWindow(gs, toks, hitAt) / total
	return f
}

func bestWindow(gs []group, toks []index.Token, hitAt []int) float64 {
	best := 0.0
	for i := range toks {
		if hitAt[i] == 0 {
			continue
		}
		seen := map[int]bool{}
		w := 0.0
		for j := i; j < len(toks) && toks[j].Position-toks[i].Position < window; j++ {
			if g := hitAt[j]; g > 0 && !seen[g] {
				seen[g] = true
				w += gs[g-1].idf
			}
		}
		if len(seen) > 1 && w > best {
			best = w
		}
	}
	return best
}

func pairStems(q question.Question) [][2]string {
	var out [][2]string
	for _, p := range q.Pairs {
		toks := index.Analyze(p)
		if len(toks) == 2 {
			out = append(out, [2]string{toks[0].Term, toks[1].Term})
		}
	}
	return out
}

// pairShare is the share of the question's adjacent key words that stand
// within two words of each other in the passage.
func pairShare(pairs [][2]string, toks []index.Token) float64 {
	if len(pairs) == 0 {
		return 0
	}
	n := 0
	for _, p := range pairs {
		for i, t := range toks {
			if t.Term != p[0] {
				continue
			}
			if i+1 < len(toks) && toks[i+1].Term == p[1] && toks[i+1].Position-t.Position <= 2 {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(pairs))
}

func questionWords(q question.Question) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(q.Text)) {
		m[strings.Trim(w, ".,;:?!\"'“”‘’()")] = true
	}
	return m
}

// bestSentence picks the sentence with the most question weight, counting an
// answer of the expected kind in it; it says whether that sentence has one.
func bestSentence(q question.Question, gs []group, text string, toks []index.Token, qwords map[string]bool) (string, bool) {
	best, bestScore, bestHas := "", -1.0, false
	offset, ti := 0, 0
	seen := make([]bool, len(gs))
	for _, s := range attrib.Sentences(text) {
		start := strings.Index(text[offset:], s) + offset
		end := start + len(s)
		offset = end
		score := 0.0
		clear(seen)
		for ; ti < len(toks) && toks[ti].Start < end; ti++ {
			if toks[ti].Start < start {
				continue
			}
			for gi, g := range gs {
				if !seen[gi] && g.stems[toks[ti].Term] {
					seen[gi] = true
					score += g.idf
				}
			}
		}
		has := score > 0 && q.Expect != question.ExpectAny && hasExpected(q.Expect, s, qwords)
		if has {
			score *= 1.5
		}
		if score > bestScore {
			best, bestScore, bestHas = s, score, has
		}
	}
	return best, bestHas
}

// speechScore favours, for reaction questions, passages with attributed
// speech, direct quotation most, and speech by the one the question asks
// about (by name or role: "the egyptian fa" is its spokesman) most of all.
func speechScore(q question.Question, h index.Hit) float64 {
	if !q.Speech {
		return 0
	}
	var others, subject bool
	for _, sp := range h.Passage.Speakers {
		switch {
		case q.Subject != "" && nameMatches(sp.Name+" "+sp.Role, q.Subject):
			subject = true
		default:
			others = true
		}
	}
	if !others && !subject {
		return 0
	}
	s := weights.speech
	if hasQuotation(h.Passage.Text) {
		s += weights.quote
	}
	if subject {
		s += weights.subject
	}
	return s
}

// sourceScore favours passages in which the one a question cites speaks:
// "according to the White House, how soon …" is answered where the White
// House is quoted.
func sourceScore(q question.Question, h index.Hit) float64 {
	if q.Source == "" {
		return 0
	}
	for _, sp := range h.Passage.Speakers {
		if nameMatches(sp.Name+" "+sp.Role, q.Source) {
			return weights.source
		}
	}
	return 0
}

// nameMatches reports whether a speaker's name and a name asked about share a
// word of four letters or more ("Vodafone" and "vodafone", "Weitz" and
// "chris weitz"), or one such word begins the other and both have five
// letters or more ("Egypt" and "egyptian"), or a shorter word is the
// speaker's acronym ("MTV" and "mtv"); possessives are dropped
// ("kenteris's lawyer").
func nameMatches(name, asked string) bool {
	for _, a := range strings.Fields(strings.ToLower(asked)) {
		a = nameWord(a)
		if len(a) < 2 {
			continue
		}
		for _, orig := range strings.Fields(name) {
			n := strings.ToLower(nameWord(orig))
			if len(a) < 4 && !(n == a && isAcronym(nameWord(orig))) {
				continue // short words match only an acronym: "mtv" and "MTV"
			}
			if n == a || len(n) >= 5 && len(a) >= 5 && (strings.HasPrefix(a, n) || strings.HasPrefix(n, a)) {
				return true
			}
		}
	}
	return false
}

// isAcronym reports whether w is written in capitals: "MTV", "EFF", "CBI".
func isAcronym(w string) bool {
	return len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

func nameWord(w string) string {
	w = strings.Trim(w, "'’.,;:()\"“”")
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

// addArticleScore lifts passages whose article matches the question in
// several places: a story about the topic beats a passing mention.
func addArticleScore(q question.Question, rs []ranked) {
	perArticle := map[string][]float64{}
	for _, r := range rs {
		id := r.hit.Passage.ArticleID
		perArticle[id] = append(perArticle[id], r.score)
	}
	strength := map[string]float64{}
	maxStrength := 0.0
	for id, scores := range perArticle {
		sort.Sort(sort.Reverse(sort.Float64Slice(scores)))
		s := scores[0]
		for i, x := range scores[1:] {
			if i >= 3 {
				break
			}
			s += 0.3 * x
		}
		strength[id] = s
		maxStrength = math.Max(maxStrength, s)
	}
	for i := range rs {
		rel := strength[rs[i].hit.Passage.ArticleID] / maxStrength
		rs[i].score += weights.article*rel + ledeScore(q, rs[i].hit.Passage.Position)*rel*rel
	}
}

// hasQuotation reports whether text quotes someone's words: a run of at
// least three words between quotation marks, straight or curly.
func hasQuotation(text string) bool {
	for _, pair := range [][2]string{{"“", "”"}, {"\"", "\""}} {
		rest := text
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(pair[0]):]
			j := strings.Index(rest, pair[1])
			if j < 0 {
				break
			}
			if len(strings.Fields(rest[:j])) >= 3 {
				return true
			}
			rest = rest[j+len(pair[1]):]
		}
	}
	return false
}

// ledeScore favours, for factual questions, an article's opening passages:
// news is written top down, and the lede says who, what, where and when.
// Reactions come later, so questions about speech get nothing. The caller
// scales it by how well the article matches, so a lede lifts only a story
// that is on topic.
func ledeScore(q question.Question, position int) float64 {
	if q.Speech {
		return 0
	}
	switch position {
	case 0:
		return weights.lede
	case 1:
		return weights.lede / 2
	}
	return 0
}

// addArticleCoverage lifts passages of articles that hold, across their
// found passages and their title, most of the question's weight: a long
// question is answered by the story that covers all of it, not by one
// paragraph elsewhere that shares a few of its words.
func addArticleCoverage(gs []group, docs [][]index.Token, runs []string, rs []ranked) {
	if weights.articleCoverage == 0 || len(gs) == 0 {
		return
	}
	total := 0.0
	for _, g := range gs {
		total += g.idf
	}
	if total == 0 {
		return
	}
	found := map[string][]bool{}
	mark := func(id string, toks []index.Token) {
		f := found[id]
		if f == nil {
			f = make([]bool, len(gs))
			found[id] = f
		}
		for _, t := range toks {
			for gi, g := range gs {
				if g.stems[t.Term] {
					f[gi] = true
				}
			}
		}
	}
	titled := map[string]bool{}
	for i, r := range rs {
		id := r.hit.Passage.ArticleID
		mark(id, docs[i])
		if !titled[id] {
			titled[id] = true
			mark(id, index.JoinRuns(analyzeText(r.hit.Passage.Title), runs))
		}
	}
	cover := map[string]float64{}
	for id, f := range found {
		for gi, ok := range f {
			if ok {
				cover[id] += gs[gi].idf / total
			}
		}
	}
	for i := range rs {
		rs[i].score += weights.articleCoverage * cover[rs[i].hit.Passage.ArticleID]
	}
}

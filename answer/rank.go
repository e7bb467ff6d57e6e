package answer

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"storybot/index"
	"storybot/question"
)

// window is the span, in words, within which key terms count as close.
const window = 12

// candidate is a passage that may answer, with everything about it that
// does not depend on the weights.
type candidate struct {
	hit     index.Hit
	f       Features
	best    string   // the sentence most likely to hold the answer
	matched []string // index terms of the passage that match the question
}

// ranked is a candidate with its score.
type ranked struct {
	*candidate
	score float64
	rel   float64 // its article's relevance, a share of the best article's
}

// group is one key word of the question in the index's terms: any of its
// spellings matches.
type group struct {
	stems    map[string]bool
	reaction bool
	ask      bool // the word stands in the sentence that asks
	idf      float64
}

func groups(q question.Question) []group {
	asking := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(q.Question)) {
		asking[strings.TrimSuffix(w, "'s")] = true
	}
	var gs []group
	for _, t := range q.Terms {
		g := group{stems: map[string]bool{}, reaction: t.Reaction, ask: asking[t.Word]}
		for _, s := range index.Spellings(t.Variants) {
			g.stems[s] = true
		}
		if len(g.stems) > 0 {
			gs = append(gs, g)
		}
	}
	return gs
}

// measure computes every candidate's features: q's words in the passage,
// in its article and its title, the answer it holds and who speaks in it.
// arts are the articles found for q, best first; asOf dates recency (zero:
// the newest candidate's day).
func measure(q question.Question, hits []index.Hit, arts []index.ArticleHit, asOf time.Time) []candidate {
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
		docs[i] = matching(index.JoinRuns(index.Tokens(h.Passage.Text), runs), wanted)
	}
	setIDF(gs, docs)
	total, askTotal := 0.0, 0.0
	for _, g := range gs {
		total += g.idf
		if g.ask {
			askTotal += g.idf
		}
	}
	asking := askingOnly(gs)
	spot := newSpotter(q)
	pairs := pairStems(q)
	topScore := hits[0].Score
	for _, h := range hits {
		topScore = math.Max(topScore, h.Score)
	}
	out := make([]candidate, len(hits))
	keys := make([][]string, len(hits))
	for i, h := range hits {
		c := &out[i]
		c.hit = h
		cov, prox, matched := coverage(gs, docs[i], total)
		c.f[PassageBM25] = h.Score / topScore
		c.f[Coverage], c.f[Proximity], c.matched = cov, prox, matched
		c.f[AskCoverage], _, _ = coverage(asking, docs[i], askTotal)
		c.f[Pairs] = pairShare(pairs, docs[i])
		ev := spot.sentenceEvidence(gs, total, h.Passage, docs[i])
		c.best, keys[i] = ev.best, ev.keys
		c.f[SentenceCoverage] = ev.share
		c.f[Expected], c.f[AnswerNear] = b2f(ev.expected), ev.near
		c.f[AnswerSentence] = b2f(ev.expected) * ev.share
		c.f[Lede] = lede(q, h.Passage.Position)
		c.f[Speech], c.f[Quote], c.f[Subject] = speech(q, h.Passage)
		c.f[Reacts] = reacts(gs, docs[i])
		c.f[Source] = source(q, h.Passage)
	}
	contextCoverage(out, gs, docs, total)
	articleFeaturesOf(out, gs, docs, runs, total, arts)
	redundancy(out, keys)
	recency(q, out, asOf)
	return out
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// rankWith scores candidates with w's column for a question about speech
// or not, best first.
func rankWith(w *Weights, speech bool, cs []candidate) []ranked {
	col := w.column(speech)
	rels := map[string]float64{}
	best := 0.0
	for i := range cs {
		r := relevance(col, &cs[i].f)
		rels[cs[i].hit.Passage.ArticleID] = r
		best = math.Max(best, r)
	}
	out := make([]ranked, len(cs))
	for i := range cs {
		rel := 1.0
		if best > 0 {
			rel = rels[cs[i].hit.Passage.ArticleID] / best
		}
		out[i] = ranked{candidate: &cs[i], score: w.score(col, &cs[i].f, rel), rel: rel}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].hit.Passage.ID < out[j].hit.Passage.ID // ties the same way after any rebuild
	})
	return out
}

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

// setIDF weighs each key word by its rarity among the candidates; reaction
// words, which steer rather than name the topic, count little.
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
			gs[i].idf *= reactionShare
		}
	}
}

// reactionShare is how much a reaction word counts beside a topic word of
// the same rarity.
const reactionShare = 0.3

func hasAny(toks []index.Token, stems map[string]bool) bool {
	for _, t := range toks {
		if stems[t.Term] {
			return true
		}
	}
	return false
}

// coverage returns the share of the question's weight toks cover, the best
// share covered within one window of nearby words, and the matched terms.
func coverage(gs []group, toks []index.Token, total float64) (float64, float64, []string) {
	if total == 0 {
		return 0, 0, nil
	}
	covered := 0.0
	hitAt := make([]int, len(toks)) // group index+1 of each token, 0 for none
	for gi, g := range gs {
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
	var matched []string
	for ti, t := range toks {
		if hitAt[ti] > 0 {
			matched = append(matched, t.Term)
		}
	}
	return covered / total, bestWindow(gs, toks, hitAt) / total, matched
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

// contextCoverage sets ContextCoverage: the question's share held by a
// passage together with its neighbours in its article (those among the
// candidates). A quotation often answers a question its lead-in sets up
// ("X criticised the plan." then the words), and a fact may follow the
// paragraph that names its subject.
func contextCoverage(cs []candidate, gs []group, docs [][]index.Token, total float64) {
	type key struct {
		article string
		pos     int
	}
	at := make(map[key]int, len(cs))
	for i, c := range cs {
		at[key{c.hit.Passage.ArticleID, c.hit.Passage.Position}] = i
	}
	found := make([]bool, len(gs))
	for i, c := range cs {
		clear(found)
		for d := -1; d <= 1; d++ {
			if j, ok := at[key{c.hit.Passage.ArticleID, c.hit.Passage.Position + d}]; ok {
				mark(found, gs, docs[j])
			}
		}
		cs[i].f[ContextCoverage] = share(found, gs, total)
	}
}

// reacts reports whether a passage holds one of the question's reaction
// words, which say what kind of statement is asked for.
func reacts(gs []group, toks []index.Token) float64 {
	for _, g := range gs {
		if g.reaction && hasAny(toks, g.stems) {
			return 1
		}
	}
	return 0
}

// askingOnly keeps the groups of the asking sentence's words, the others
// emptied so that group indexes still agree.
func askingOnly(gs []group) []group {
	out := make([]group, len(gs))
	for i, g := range gs {
		if g.ask {
			out[i] = g
		}
	}
	return out
}

func questionWords(q question.Question) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(q.Text)) {
		m[strings.Trim(w, ".,;:?!\"'“”‘’()")] = true
	}
	return m
}

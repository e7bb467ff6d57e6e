package answer

import (
	"math"
	"sort"

	"storybot/index"
)

// articleFeaturesOf sets the article features of every candidate: how the
// article scored as a whole, its rank, how strongly its found passages
// match together, and how much of the question its found passages and its
// title hold.
func articleFeaturesOf(cs []candidate, gs []group, docs [][]index.Token, runs []string, total float64, arts []index.ArticleHit) {
	rank := map[string]int{}
	bm25 := map[string]float64{}
	top := 0.0
	for i, a := range arts {
		rank[a.ArticleID], bm25[a.ArticleID] = i, a.Score
		top = math.Max(top, a.Score)
	}
	support := articleSupport(cs)
	found := map[string][]bool{}
	title := map[string]float64{}
	for i, c := range cs {
		id := c.hit.Passage.ArticleID
		if found[id] == nil {
			found[id] = make([]bool, len(gs))
			toks := index.JoinRuns(index.Tokens(c.hit.Passage.Title), runs)
			title[id], _, _ = coverage(gs, toks, total)
			mark(found[id], gs, toks)
		}
		mark(found[id], gs, docs[i])
	}
	for i := range cs {
		id := cs[i].hit.Passage.ArticleID
		f := &cs[i].f
		if r, ok := rank[id]; ok {
			f[ArticleBM25] = bm25[id] / top
			f[ArticleRank] = 1 / float64(1+r)
		}
		f[ArticleSupport] = support[id]
		f[TitleCoverage] = title[id]
		f[ArticleCoverage] = share(found[id], gs, total)
	}
}

// articleSupport scores each article by its found passages: the best
// passage's BM25 share plus a third of its next three, over the best
// article's. A story about the topic beats a passing mention.
func articleSupport(cs []candidate) map[string]float64 {
	per := map[string][]float64{}
	for _, c := range cs {
		id := c.hit.Passage.ArticleID
		per[id] = append(per[id], c.f[PassageBM25])
	}
	out := map[string]float64{}
	best := 0.0
	for id, s := range per {
		sort.Sort(sort.Reverse(sort.Float64Slice(s)))
		v := s[0]
		for _, x := range s[1:min(len(s), 4)] {
			v += x / 3
		}
		out[id] = v
		best = math.Max(best, v)
	}
	for id := range out {
		out[id] /= best
	}
	return out
}

// mark sets found[g] for each group g with a term among toks.
func mark(found []bool, gs []group, toks []index.Token) {
	for _, t := range toks {
		for gi, g := range gs {
			if g.stems[t.Term] {
				found[gi] = true
			}
		}
	}
}

// share is the question's weight of the groups found, over the whole.
func share(found []bool, gs []group, total float64) float64 {
	if total == 0 {
		return 0
	}
	s := 0.0
	for gi, ok := range found {
		if ok {
			s += gs[gi].idf
		}
	}
	return s / total
}

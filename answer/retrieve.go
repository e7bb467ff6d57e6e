package answer

import (
	"context"
	"fmt"

	"storybot/index"
	"storybot/question"
)

// How many candidates retrieval gathers: the best passages of the whole
// index, the best articles as wholes, and the best passages inside the
// leading articles (which may answer without repeating the question's
// words often enough to lead the whole index).
const (
	passageCandidates = 100
	articleCandidates = 30
	leadArticles      = 10
	leadPassages      = 60
)

// retrieve finds q's candidate passages and articles: article first, so
// that passages are chosen inside the stories the question is about.
func (s *Service) retrieve(ctx context.Context, q question.Question, r Request) ([]index.Hit, []index.ArticleHit, error) {
	iq := searchQuery(q, r, s.w.Boosts)
	aq := iq
	aq.Size = articleCandidates
	arts, err := s.idx.SearchArticles(ctx, aq)
	if err != nil {
		return nil, nil, fmt.Errorf("answer: %w", err)
	}
	iq.Size = passageCandidates
	hits, err := s.idx.Search(ctx, iq)
	if err != nil {
		return nil, nil, fmt.Errorf("answer: %w", err)
	}
	if len(arts) == 0 {
		return hits, arts, nil
	}
	lq := iq
	lq.Size = leadPassages
	for _, a := range arts[:min(len(arts), leadArticles)] {
		lq.ArticleIDs = append(lq.ArticleIDs, a.ArticleID)
	}
	lead, err := s.idx.Search(ctx, lq)
	if err != nil {
		return nil, nil, fmt.Errorf("answer: %w", err)
	}
	return union(hits, lead), arts, nil
}

// union appends to a the hits of b it lacks.
func union(a, b []index.Hit) []index.Hit {
	seen := make(map[string]bool, len(a))
	for _, h := range a {
		seen[h.Passage.ID] = true
	}
	for _, h := range b {
		if !seen[h.Passage.ID] {
			a = append(a, h)
		}
	}
	return a
}

// searchQuery turns an analysed question into an index query: every key
// word (in all its spellings), names and phrases kept whole, adjacent key
// words as soft phrases, and reaction words only as a weak signal.
func searchQuery(q question.Question, r Request, b Boosts) index.Query {
	iq := index.Query{Source: r.Source, ExcludeSources: r.ExcludeSources, Since: r.Since, Until: r.AsOf}
	for _, t := range q.Terms {
		boost := 1.0
		switch {
		case t.Reaction:
			boost = b.Reaction
		case t.Name:
			boost = b.Name
		}
		iq.Clauses = append(iq.Clauses, index.TermClauses(t.Variants, boost)...)
	}
	for _, p := range q.Phrases {
		iq.Clauses = append(iq.Clauses, index.Clause{Text: p, Phrase: true, Boost: b.Phrase})
	}
	for _, p := range q.Pairs {
		iq.Clauses = append(iq.Clauses, index.Clause{Text: p, Phrase: true, Boost: b.Pair})
	}
	if q.Speech {
		iq.PreferSpeech = b.Speech
	}
	return iq
}

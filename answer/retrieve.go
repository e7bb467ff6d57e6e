package answer

import (
	"context"
	"fmt"

	"storybot/index"
	"storybot/question"
)

// How many candidates retrieval gathers: the best articles as wholes, the
// best passages inside the wideArticles best of them, and the best
// passages inside the leading articles (which may answer without repeating
// the question's words often enough to lead the wider search).
const (
	articleCandidates = 30
	wideArticles      = 100
	passageCandidates = 100
	leadArticles      = 10
	leadPassages      = 60
)

// commonShare leaves a word in more than this share of the articles out of
// the article search: such a word says little about which story a question
// is about, and its postings were most of an ask's time over a large
// index. The passage searches keep every word, and so does the ranking.
const commonShare = 0.1

// retrieve finds q's candidate passages and articles: article first, so
// that passages are chosen inside the stories the question is about. No
// search runs over every passage of the index: over a million passages
// that scan was most of an ask.
func (s *Service) retrieve(ctx context.Context, q question.Question, r Request) ([]index.Hit, []index.ArticleHit, error) {
	iq := searchQuery(q, r, s.w.Boosts)
	aq := iq
	aq.Size, aq.CommonShare = wideArticles, commonShare
	arts, err := s.idx.SearchArticles(ctx, aq)
	if err != nil || len(arts) == 0 {
		return nil, nil, wrapErr(err)
	}
	within := iq
	for _, a := range arts {
		within.ArticleIDs = append(within.ArticleIDs, a.ArticleID)
	}
	wide, lead, err := s.idx.SearchWithin(ctx, within, passageCandidates, leadArticles, leadPassages)
	if err != nil {
		return nil, nil, wrapErr(err)
	}
	return union(wide, lead), arts[:min(len(arts), articleCandidates)], nil
}

func wrapErr(err error) error {
	if err != nil {
		return fmt.Errorf("answer: %w", err)
	}
	return nil
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
// word (in all its spellings), names and phrases with all their words, and
// reaction words only as a weak signal. Adjacent key words are the Pairs
// feature's, measured over the candidates.
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
		iq.Clauses = append(iq.Clauses, index.Clause{Text: p, AllWords: true, Boost: b.Phrase})
	}
	if q.Speech {
		iq.PreferSpeech = b.Speech
	}
	return iq
}

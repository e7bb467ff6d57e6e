package answer

import (
	"storybot/index"
	"storybot/question"
)

// candidates is how many passages the index returns for reranking.
const candidates = 100

// searchQuery turns an analysed question into an index query: every key
// word (in all its spellings), names and phrases kept whole, adjacent key
// words as soft phrases, and reaction words only as a weak signal.
func searchQuery(q question.Question, r Request) index.Query {
	iq := index.Query{Source: r.Source, Since: r.Since, Until: r.AsOf, Size: candidates}
	for _, t := range q.Terms {
		boost := 1.0
		switch {
		case t.Reaction:
			boost = 0.2
		case t.Name:
			boost = 1.3
		}
		iq.Clauses = append(iq.Clauses, index.TermClauses(t.Variants, boost)...)
	}
	for _, p := range q.Phrases {
		iq.Clauses = append(iq.Clauses, index.Clause{Text: p, Phrase: true, Boost: 1.5})
	}
	for _, p := range q.Pairs {
		iq.Clauses = append(iq.Clauses, index.Clause{Text: p, Phrase: true, Boost: 0.6})
	}
	if q.Speech {
		iq.PreferSpeech = 0.5
	}
	return iq
}

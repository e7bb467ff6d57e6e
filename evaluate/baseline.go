package evaluate

import (
	"context"
	"fmt"

	"storybot/answer"
	"storybot/index"
)

// Searcher finds passages; *index.Index is one.
type Searcher interface {
	Search(ctx context.Context, q index.Query) ([]index.Hit, error)
}

// Baseline is plain BM25, the yardstick every table keeps beside storybot:
// the question's words as one match query over passage text, the best
// passages cited as they come, no question analysis and no reranking.
type Baseline struct{ Index Searcher }

// Ask cites the passages BM25 ranks first.
func (b Baseline) Ask(ctx context.Context, r answer.Request) (answer.Answer, error) {
	hits, err := b.Index.Search(ctx, index.Query{
		Clauses: []index.Clause{{Text: r.Question, TextOnly: true}},
		Until:   r.AsOf, Size: top,
	})
	if err != nil {
		return answer.Answer{}, fmt.Errorf("evaluate: baseline: %w", err)
	}
	a := answer.Answer{Question: r.Question}
	for i, h := range hits {
		a.Citations = append(a.Citations, answer.Citation{N: i + 1, Title: h.Passage.Title,
			Passage: h.Passage.Text, ArticleID: h.Passage.ArticleID, PassageID: h.Passage.ID, Score: h.Score})
	}
	return a, nil
}

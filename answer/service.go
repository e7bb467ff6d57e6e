package answer

import (
	"context"
	"fmt"
	"strings"

	"storybot/index"
	"storybot/question"
)

// Searcher finds candidate passages; *index.Index is one.
type Searcher interface {
	Search(ctx context.Context, q index.Query) ([]index.Hit, error)
}

// Service answers questions over an index.
type Service struct {
	idx Searcher
}

// New returns a Service over idx.
func New(idx Searcher) *Service { return &Service{idx: idx} }

// maxQuestion bounds the question text analysed; longer input is cut.
const maxQuestion = 1000

// Ask answers r. An answer with no citations carries a Hint saying what to
// try; that is not an error.
func (s *Service) Ask(ctx context.Context, r Request) (Answer, error) {
	text := strings.TrimSpace(r.Question)
	if len(text) > maxQuestion {
		text = text[:maxQuestion]
	}
	q := question.Parse(text)
	if len(q.Terms) == 0 {
		a := compose(q, nil, r.Limit)
		a.Hint = "Your question has no words to search for. Name the people, places or events you mean, for example: who reacted to the Manchester leak"
		return a, nil
	}
	hits, err := s.idx.Search(ctx, searchQuery(q, r))
	if err != nil {
		return Answer{}, fmt.Errorf("answer: %w", err)
	}
	a := compose(q, rank(q, hits), r.Limit)
	if len(a.Citations) == 0 {
		a.Hint = fmt.Sprintf("Nothing indexed matches %q. Try other or fewer words, check the spelling, or widen the source and date filters.", strings.Join(a.Terms, " "))
	}
	return a, nil
}

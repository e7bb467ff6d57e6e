package answer

import (
	"context"
	"fmt"
	"strings"

	"storybot/index"
	"storybot/question"
)

// Searcher finds candidate passages and articles; *index.Index is one.
type Searcher interface {
	Search(ctx context.Context, q index.Query) ([]index.Hit, error)
	SearchArticles(ctx context.Context, q index.Query) ([]index.ArticleHit, error)
	SearchWithin(ctx context.Context, q index.Query, size, lead, leadSize int) (wide, leading []index.Hit, err error)
}

// Service answers questions over an index.
type Service struct {
	idx Searcher
	w   Weights
}

// New returns a Service over idx ranking with the fitted weights.
func New(idx Searcher) *Service { return &Service{idx: idx, w: DefaultWeights()} }

// NewWith returns a Service over idx ranking with w.
func NewWith(idx Searcher, w Weights) *Service { return &Service{idx: idx, w: w} }

// maxQuestion bounds the question text analysed; longer input is cut.
const maxQuestion = 1000

// Ask answers r. An answer with no citations carries a Hint saying what to
// try; that is not an error.
func (s *Service) Ask(ctx context.Context, r Request) (Answer, error) {
	p, err := s.Prepare(ctx, r)
	if err != nil {
		return Answer{}, err
	}
	return p.Answer(&s.w), nil
}

// Prepared is a question with its candidates measured: everything of an
// answer that does not depend on the weights, so that many weightings can
// be tried on one retrieval.
type Prepared struct {
	q       question.Question
	r       Request
	cands   []candidate
	noWords bool
}

// Prepare analyses r's question and retrieves and measures its candidates.
func (s *Service) Prepare(ctx context.Context, r Request) (*Prepared, error) {
	text := strings.TrimSpace(r.Question)
	if len(text) > maxQuestion {
		text = text[:maxQuestion]
	}
	q := question.Parse(text)
	p := &Prepared{q: q, r: r}
	if len(q.Terms) == 0 {
		p.noWords = true
		return p, nil
	}
	hits, arts, err := s.retrieve(ctx, q, r)
	if err != nil {
		return nil, err
	}
	p.cands = measure(q, hits, arts, r.AsOf)
	return p, nil
}

// Answer ranks the candidates with w and composes the answer.
func (p *Prepared) Answer(w *Weights) Answer {
	rs := rankWith(w, p.q.Speech, p.cands)
	a := compose(p.q, rs, p.r.Limit, w)
	switch {
	case p.noWords:
		a.Hint = "Your question has no words to search for. Name the people, places or events you mean, for example: who reacted to the Manchester leak"
	case len(a.Citations) == 0:
		a.Hint = fmt.Sprintf("Nothing indexed matches %q. Try other or fewer words, check the spelling, or widen the source and date filters.", strings.Join(a.Terms, " "))
	}
	if p.r.Explain {
		explain(w, p.q.Speech, a.Citations, rs)
	}
	return a
}

package evaluate

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"storybot/answer"
)

// Asker answers a question; *answer.Service is one.
type Asker interface {
	Ask(ctx context.Context, r answer.Request) (answer.Answer, error)
}

// Evaluate asks every question of sharedDir's dev sets and scores the
// answers against the articles of c.
func Evaluate(ctx context.Context, c *Corpus, svc Asker, sharedDir string) (Report, error) {
	who, err := readJSONL[WhoCase](filepath.Join(sharedDir, "eval", "who-dev.jsonl"))
	if err != nil {
		return Report{}, err
	}
	quiz, err := readJSONL[QuizCase](filepath.Join(sharedDir, "eval", "news-quiz-dev.jsonl"))
	if err != nil {
		return Report{}, err
	}
	start := time.Now()
	r := Report{Who: SetReport{Name: "who-dev"}, Quiz: SetReport{Name: "news-quiz-dev"}}
	for _, w := range who {
		a, err := svc.Ask(ctx, answer.Request{Question: w.Question})
		if err != nil {
			return Report{}, fmt.Errorf("evaluate: %s: %w", w.ID, err)
		}
		gold := c.ArticleID(ctx, fileURL(filepath.Join(sharedDir, "corpus", "bbc", w.Article+".txt")))
		r.Who.add(w.ID, w.Question, JudgeWho(a, gold, w), true, brief(a))
	}
	for _, q := range quiz {
		a, err := svc.Ask(ctx, answer.Request{Question: q.Question})
		if err != nil {
			return Report{}, fmt.Errorf("evaluate: %s: %w", q.ID, err)
		}
		gold := map[string]bool{}
		for _, g := range q.GoldArticles {
			if id := c.ArticleID(ctx, g.URL); id != "" {
				gold[id] = true
			}
		}
		r.Quiz.add(q.ID, q.Question, JudgeQuiz(a, gold, q.Answers), false, brief(a))
	}
	r.Took = time.Since(start)
	r.Who.finish(true)
	r.Quiz.finish(false)
	return r, nil
}

// JudgeWho scores one who-dev answer: the gold article among the first
// citations, the gold phrase inside their passages, a gold speaker among
// the speakers.
func JudgeWho(a answer.Answer, goldArticle string, c WhoCase) Result {
	cs := first(a.Citations)
	var r Result
	for _, ct := range cs {
		r.Article = r.Article || (goldArticle != "" && ct.ArticleID == goldArticle)
		r.Text = r.Text || containsGold(ct.Passage, c.MustQuote)
	}
	for _, s := range a.Speakers {
		for _, g := range c.Speakers {
			r.Speaker = r.Speaker || speakerMatches(s.Name, g)
		}
	}
	return r
}

// JudgeQuiz scores one quiz answer: a gold article among the first
// citations, one of the answers inside their passages.
func JudgeQuiz(a answer.Answer, goldArticles map[string]bool, answers []string) Result {
	var r Result
	for _, ct := range first(a.Citations) {
		r.Article = r.Article || goldArticles[ct.ArticleID]
		for _, ans := range answers {
			r.Text = r.Text || containsGold(ct.Passage, ans)
		}
	}
	return r
}

func first(cs []answer.Citation) []answer.Citation {
	if len(cs) > top {
		return cs[:top]
	}
	return cs
}

// brief says what an answer cited and whom it named, for a miss report.
func brief(a answer.Answer) string {
	var parts []string
	for _, c := range first(a.Citations) {
		parts = append(parts, fmt.Sprintf("[%d] %s", c.N, clip(c.Title, 50)))
	}
	var names []string
	for _, s := range a.Speakers {
		names = append(names, s.Name)
	}
	out := strings.Join(parts, " ")
	if len(names) > 0 {
		out += " | speakers: " + strings.Join(names, ", ")
	}
	return out
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

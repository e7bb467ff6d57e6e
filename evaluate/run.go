// Package evaluate measures storybot's answers on the shared dev sets: it
// builds a corpus of the BBC articles and the quiz set's CNN articles, asks
// every question through answer.Service and scores the citations, passages
// and speakers that come back.
package evaluate

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"storybot/answer"
	"storybot/article"
)

// top is how many citations and passages a question is judged on.
const top = 3

// Build creates a corpus under dir of sharedDir's BBC corpus and the quiz
// set's gold articles.
func Build(ctx context.Context, sharedDir, dir string) (*Corpus, error) {
	c, err := Open(dir)
	if err != nil {
		return nil, err
	}
	if err := c.AddFolder(ctx, filepath.Join(sharedDir, "corpus", "bbc"), "BBC"); err != nil {
		c.Close()
		return nil, err
	}
	quiz, err := readJSONL[QuizCase](filepath.Join(sharedDir, "eval", "news-quiz-dev.jsonl"))
	if err != nil {
		c.Close()
		return nil, err
	}
	if err := c.AddArticles(ctx, quizArticles(quiz)); err != nil {
		c.Close()
		return nil, err
	}
	if err := c.Reopen(); err != nil {
		c.Store.Close()
		return nil, err
	}
	return c, nil
}

// quizArticles are the quiz set's gold articles, each URL once.
func quizArticles(cases []QuizCase) []article.Article {
	var out []article.Article
	seen := map[string]bool{}
	for _, c := range cases {
		for _, g := range c.GoldArticles {
			u, err := article.CanonicalURL(g.URL)
			if err != nil || seen[u] {
				continue
			}
			seen[u] = true
			out = append(out, cnnArticle(g))
		}
	}
	return out
}

// Run builds the corpus in a temporary folder, runs both dev sets and
// writes the table to w.
func Run(ctx context.Context, sharedDir string, w io.Writer) (Report, error) {
	dir, err := os.MkdirTemp("", "storybot-eval-")
	if err != nil {
		return Report{}, fmt.Errorf("evaluate: %w", err)
	}
	defer os.RemoveAll(dir)
	c, err := Build(ctx, sharedDir, dir)
	if err != nil {
		return Report{}, err
	}
	defer c.Close()
	r, err := Evaluate(ctx, c, answer.New(c.Index), sharedDir)
	if err != nil {
		return Report{}, err
	}
	r.Write(w)
	return r, nil
}

// Package evaluate measures storybot's answers on the shared dev sets: it
// builds a corpus of the BBC articles and the quiz set's CNN articles, and
// another of the 2023 web articles served as pages behind loopback feeds,
// asks every question through answer.Service and a plain BM25 baseline,
// and scores the citations, passages and speakers that come back.
package evaluate

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"storybot/answer"
	"storybot/article"
)

// Build creates a corpus under dir of sharedDir's BBC corpus and the quiz
// set's gold articles, or opens the one built there before.
func Build(ctx context.Context, sharedDir, dir string) (*Corpus, error) {
	c, err := Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	if !c.empty(ctx) {
		return c, nil
	}
	if err := c.AddFolder(ctx, filepath.Join(sharedDir, "corpus", "bbc"), "BBC"); err != nil {
		c.Close()
		return nil, err
	}
	quiz, err := ReadJSONL[QuizCase](filepath.Join(sharedDir, setsFolder, "news-quiz-dev.jsonl"))
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

// BBCCases are who-dev's and news-quiz-dev's questions over a corpus made
// by Build.
func BBCCases(ctx context.Context, c *Corpus, sharedDir string) ([]Case, error) {
	who, err := whoCases(ctx, c, sharedDir)
	if err != nil {
		return nil, err
	}
	quiz, err := ReadJSONL[QuizCase](filepath.Join(sharedDir, setsFolder, "news-quiz-dev.jsonl"))
	if err != nil {
		return nil, err
	}
	return append(who, quizCases(ctx, c, quiz)...), nil
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

// Web is the corpus of the 2023 web articles, with the loopback address
// each article was served at.
type Web struct {
	*Corpus
	local map[string]string // original URL → served URL
	quiz  []WebQuizCase
}

// siteFile keeps, beside a built web corpus, where each article was served.
const siteFile = "site.json"

// BuildWeb serves the articles of news-quiz-web-2023.jsonl.gz as pages
// behind outlet feeds on loopback and ingests them into a corpus under dir,
// or opens the one built there before.
func BuildWeb(ctx context.Context, sharedDir, dir string) (*Web, error) {
	quiz, err := ReadJSONL[WebQuizCase](filepath.Join(sharedDir, setsFolder, "news-quiz-web-2023.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	c, err := Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	w := &Web{Corpus: c, quiz: quiz}
	if b, err := os.ReadFile(filepath.Join(dir, siteFile)); err == nil && !c.empty(ctx) {
		if err := json.Unmarshal(b, &w.local); err == nil {
			return w, nil
		}
	}
	site := NewSite(webArticles(quiz))
	defer site.Close()
	if _, err := c.AddSite(ctx, site); err != nil {
		c.Close()
		return nil, err
	}
	w.local = site.local
	b, err := json.Marshal(w.local)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, siteFile), b, 0o644)
	}
	if err == nil {
		err = c.Reopen()
	}
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	return w, nil
}

// LocalURL returns the loopback URL the article first published at
// original was ingested from.
func (w *Web) LocalURL(original string) string { return w.local[original] }

// Cases are who-web-dev's and the web quiz's answerable questions.
func (w *Web) Cases(ctx context.Context, sharedDir string) ([]Case, error) {
	who, err := whoWebCases(ctx, w, sharedDir)
	if err != nil {
		return nil, err
	}
	return append(who, webCases(ctx, w, w.quiz)...), nil
}

// Systems under test.
const (
	SystemStorybot = "storybot"
	SystemBM25     = "bm25"
)

// Run builds both corpora under dir (a temporary folder when dir is ""),
// asks every dev question of storybot (ranking with w) and of the baseline,
// and writes the table to out. Corpora already built in dir are reused.
func Run(ctx context.Context, sharedDir, dir string, w answer.Weights, out io.Writer) (Report, error) {
	parts, done, err := Parts(ctx, sharedDir, dir)
	if err != nil {
		return Report{}, err
	}
	defer done()
	var r Report
	for _, p := range parts {
		if err := r.add(ctx, p.Corpus, p.Cases, w); err != nil {
			return Report{}, err
		}
	}
	r.Write(out)
	ar, err := Attribution(sharedDir)
	if err != nil {
		return Report{}, err
	}
	fmt.Fprintln(out)
	ar.Write(out)
	return r, nil
}

// workDir is dir, or a new temporary folder (named from prefix) when dir
// is ""; cleanup removes a temporary folder.
func workDir(dir, prefix string) (string, func(), error) {
	if dir != "" {
		return dir, func() {}, nil
	}
	tmp, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", nil, fmt.Errorf("evaluate: %w", err)
	}
	return tmp, func() { os.RemoveAll(tmp) }, nil
}

// Parts builds (or opens) both corpora under dir, a temporary folder when
// dir is "", with their questions; done closes them and removes a
// temporary folder.
func Parts(ctx context.Context, sharedDir, dir string) ([]Part, func(), error) {
	dir, cleanup, err := workDir(dir, "storybot-eval-")
	if err != nil {
		return nil, nil, err
	}
	bbc, err := Build(ctx, sharedDir, filepath.Join(dir, "bbc"))
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	web, err := BuildWeb(ctx, sharedDir, filepath.Join(dir, "web"))
	if err != nil {
		bbc.Close()
		cleanup()
		return nil, nil, err
	}
	done := func() {
		bbc.Close()
		web.Close()
		cleanup()
	}
	bc, err := BBCCases(ctx, bbc, sharedDir)
	if err != nil {
		done()
		return nil, nil, err
	}
	wc, err := web.Cases(ctx, sharedDir)
	if err != nil {
		done()
		return nil, nil, err
	}
	return []Part{{bbc, bc}, {web.Corpus, wc}}, done, nil
}

// add asks cases of storybot (ranking with w) and of the baseline over c.
func (r *Report) add(ctx context.Context, c *Corpus, cases []Case, w answer.Weights) error {
	start := time.Now()
	outs, err := Evaluate(ctx, answer.NewWith(c.Index, w), cases)
	if err != nil {
		return err
	}
	r.Took += time.Since(start)
	r.Asked += len(cases)
	base, err := Evaluate(ctx, Baseline{Index: c.Index}, cases)
	if err != nil {
		return err
	}
	r.Rows = append(r.Rows, Summarize(SystemStorybot, outs)...)
	for _, row := range Summarize(SystemBM25, base) {
		row.Speaker = -1 // the baseline names no one
		r.Rows = append(r.Rows, row)
	}
	r.Misses = append(r.Misses, misses(outs)...)
	return nil
}

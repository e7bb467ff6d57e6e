package evaluate

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WhoCase is one question of who-dev.jsonl.
type WhoCase struct {
	ID        string   `json:"id"`
	Question  string   `json:"question"`
	Article   string   `json:"article"` // BBC file without extension: "business/113"
	Speakers  []string `json:"speakers"`
	MustQuote string   `json:"must_quote"`
	Kind      string   `json:"kind"`
}

// QuizCase is one question of news-quiz-dev.jsonl.
type QuizCase struct {
	ID           string        `json:"id"`
	Question     string        `json:"question"`
	Answers      []string      `json:"answers"`
	GoldArticles []GoldArticle `json:"gold_articles"`
}

// Set names.
const (
	SetWho     = "who-dev"
	SetQuiz    = "news-quiz-dev"
	SetWeb     = "web-2023"
	SetWhoWeb  = "who-web-dev"
	setsFolder = "eval"
)

// whoCases are who-dev's questions over the BBC corpus, split by article.
func whoCases(ctx context.Context, c *Corpus, shared string) ([]Case, error) {
	who, err := ReadJSONL[WhoCase](filepath.Join(shared, setsFolder, "who-dev.jsonl"))
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, w := range who {
		gold := c.ArticleID(ctx, fileURL(filepath.Join(shared, "corpus", "bbc", w.Article+".txt")))
		out = append(out, Case{Set: SetWho, ID: w.ID, Question: w.Question, Split: splitOf(w.Article),
			Gold: ids(gold), Texts: []string{w.MustQuote}, Speakers: w.Speakers})
	}
	return out, nil
}

// quizCases are news-quiz-dev's questions over its CNN articles, split by
// week and asked as on the day the quiz ran.
func quizCases(ctx context.Context, c *Corpus, quiz []QuizCase) []Case {
	var qids []string
	for _, q := range quiz {
		qids = append(qids, q.ID)
	}
	split := weekSplits(qids)
	var out []Case
	for _, q := range quiz {
		var gold []string
		for _, g := range q.GoldArticles {
			gold = append(gold, c.ArticleID(ctx, g.URL))
		}
		week := weekOf(q.ID)
		out = append(out, Case{Set: SetQuiz, ID: q.ID, Question: q.Question, Split: split[week],
			AsOf: asOf(week, "20060102"), Gold: ids(gold...), Texts: q.Answers})
	}
	return out
}

// webCases are the web quiz's answerable questions over the web corpus,
// split by week and asked as on the day the quiz ran.
func webCases(ctx context.Context, w *Web, quiz []WebQuizCase) []Case {
	var qids []string
	for _, q := range quiz {
		qids = append(qids, q.ID)
	}
	split := weekSplits(qids)
	var out []Case
	for _, q := range quiz {
		if !q.Reach {
			continue
		}
		var gold []string
		for _, g := range q.GoldArticles {
			gold = append(gold, w.ArticleID(ctx, w.LocalURL(g.URL)))
		}
		out = append(out, Case{Set: SetWeb, ID: q.ID, Question: q.Question, Split: split[weekOf(q.ID)],
			AsOf: asOf(q.Date, "2006/01/02"), Gold: ids(gold...), Texts: q.Answers})
	}
	return out
}

// whoWebCases are who-web-dev's questions over the web corpus, split by
// article.
func whoWebCases(ctx context.Context, w *Web, shared string) ([]Case, error) {
	who, err := ReadJSONL[WhoWebCase](filepath.Join(shared, setsFolder, "who-web-dev.jsonl"))
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, c := range who {
		gold := w.ArticleID(ctx, w.LocalURL(c.ArticleURL))
		out = append(out, Case{Set: SetWhoWeb, ID: c.ID, Question: c.Question, Split: splitOf(c.ArticleURL),
			Gold: ids(gold), Texts: []string{c.MustQuote}, Speakers: c.Speakers})
	}
	return out, nil
}

// weekOf is the quiz week of a question ID: "20230106_0" → "20230106".
func weekOf(id string) string {
	week, _, _ := strings.Cut(id, "_")
	return week
}

// asOf is the end of the day after date: a quiz question is asked the week
// its stories ran, and a story dated a day later (time zones, late
// editions) was already news.
func asOf(date, layout string) time.Time {
	t, err := time.Parse(layout, date)
	if err != nil {
		return time.Time{}
	}
	return t.AddDate(0, 0, 2).Add(-time.Second)
}

// ids is a set of article IDs; "" (an article not stored) is left out.
func ids(list ...string) map[string]bool {
	m := map[string]bool{}
	for _, id := range list {
		if id != "" {
			m[id] = true
		}
	}
	return m
}

// ReadJSONL decodes one T per non-empty line of path, gunzipped when its
// name ends in .gz.
func ReadJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("evaluate: %s: %w", path, err)
		}
		r = zr
	}
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("evaluate: %s line %d: %w", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("evaluate: %s: %w", path, err)
	}
	return out, nil
}

// Package story finds the articles of a tracked story: which new articles
// match its query (for digests) and its timeline (for /story).
package story

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"time"

	"storybot/index"
	"storybot/question"
)

// Searcher finds passages; *index.Index is one.
type Searcher interface {
	Search(ctx context.Context, q index.Query) ([]index.Hit, error)
}

// Finder matches story queries against the index.
type Finder struct {
	idx    Searcher
	hidden []string // sources never matched
}

// New returns a Finder over idx.
func New(idx Searcher) *Finder { return &Finder{idx: idx} }

// Hiding returns a Finder like f that never matches the given sources'
// articles: other Discord servers' own sources.
func (f *Finder) Hiding(sources []string) *Finder {
	return &Finder{idx: f.idx, hidden: sources}
}

// Match is one article that matches a story, with its best passage.
type Match struct {
	ArticleID string
	Title     string
	Source    string // configured source name
	Outlet    string // the outlet's name, as shown
	URL       string
	Published time.Time
	Passage   string
	Score     float64
}

// minCoverage is the share of a story query's key words an article's best
// passage must exceed to belong to the story: a digest is no place for
// passing mentions.
const minCoverage = 0.5

// Match returns which of articleIDs (all articles when nil) match query,
// best first, one entry per article.
func (f *Finder) Match(ctx context.Context, query string, articleIDs []string, limit int) ([]Match, error) {
	q := question.Parse(query)
	if len(q.Terms) == 0 {
		return nil, fmt.Errorf("story: query %q has no words to search for", query)
	}
	iq := index.Query{Size: 500, ArticleIDs: articleIDs, ExcludeSources: f.hidden}
	for _, t := range q.Terms {
		iq.Clauses = append(iq.Clauses, index.TermClauses(t.Variants, 1)...)
	}
	for _, p := range q.Phrases {
		iq.Clauses = append(iq.Clauses, index.Clause{Text: p, AllWords: true, Boost: 1.5})
	}
	hits, err := f.idx.Search(ctx, iq)
	if err != nil {
		return nil, fmt.Errorf("story: %w", err)
	}
	want := termStems(q)
	var out []Match
	seen := map[string]bool{}
	for _, h := range hits {
		p := h.Passage
		if seen[p.ArticleID] || coverage(want, p.Title+" "+p.Text) <= minCoverage {
			continue
		}
		seen[p.ArticleID] = true
		out = append(out, Match{ArticleID: p.ArticleID, Title: p.Title, Source: p.Source, Outlet: p.OutletName(), URL: p.URL,
			Published: p.Published, Passage: p.Text, Score: h.Score})
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out, nil
}

// Timeline returns up to limit articles matching query, newest first.
func (f *Finder) Timeline(ctx context.Context, query string, limit int) ([]Match, error) {
	ms, err := f.Match(ctx, query, nil, 0)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Published.After(ms[j].Published) })
	if limit > 0 && len(ms) > limit {
		ms = ms[:limit]
	}
	return ms, nil
}

// Covers reports whether text holds more than half of query's key words,
// the rule a story's articles meet.
func Covers(query, text string) bool {
	return coverage(termStems(question.Parse(query)), text) > minCoverage
}

// termStems lists, for each key word of q, the index terms of its
// spellings.
func termStems(q question.Question) []map[string]bool {
	var out []map[string]bool
	for _, t := range q.Terms {
		m := map[string]bool{}
		for _, s := range index.Spellings(t.Variants) {
			m[s] = true
		}
		if len(m) > 0 {
			out = append(out, m)
		}
	}
	return out
}

func coverage(want []map[string]bool, text string) float64 {
	if len(want) == 0 {
		return 0
	}
	var runs []string
	for _, w := range want {
		runs = append(runs, index.Runs(slices.Collect(maps.Keys(w)))...)
	}
	have := map[string]bool{}
	for _, t := range index.JoinRuns(index.Analyze(text), runs) {
		have[t.Term] = true
	}
	n := 0
	for _, w := range want {
		for s := range w {
			if have[s] {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(want))
}

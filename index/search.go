package index

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"storybot/article"
)

// Clause is one part of a query: words, matched after English analysis, any
// of them or, with AllWords, all of them in the same field. Text is never
// parsed as query syntax.
type Clause struct {
	Text string
	// AllWords matches only where every word of Text is (a name, a
	// multi-word spelling). The index keeps no word positions, so order and
	// adjacency are the ranking's to weigh, over the candidates found.
	AllWords bool
	Boost    float64 // 0 means 1
	Must     bool    // the passage must match this clause
	// TextOnly matches the passage text alone, not its title and speakers:
	// plain BM25 over passages, the baseline evaluations compare against.
	TextOnly bool
}

// Query asks for passages. Clauses score; the other fields filter.
type Query struct {
	Clauses      []Clause
	Source       string    // only this source (its configured name, or its outlet's)
	Since        time.Time // only passages of articles published since then
	Until        time.Time // no passages of articles published after then (undated ones stay)
	ArticleIDs   []string  // only these articles
	PreferSpeech float64   // boost for passages with attributed speech
	// Speaker keeps passages quoting someone whose name or role has a
	// word of it; with SpeakerPrefix its last word may be a word's start
	// (for autocomplete). Callers check the passages' Speakers for who
	// exactly it is.
	Speaker       string
	SpeakerPrefix bool
	Size          int // hits wanted; 0 means 50

	// ExcludeSources are sources whose passages are never returned (other
	// Discord servers' own sources).
	ExcludeSources []string

	// CommonShare, when set, leaves out the word clauses whose words are
	// all in more than this share of the documents searched (passages or
	// articles), keeping the keepRarest rarest clauses whatever their
	// share. Such words say little about which documents a question is
	// about (their BM25 weight is low), yet their postings are most of a
	// search's work over a large index.
	CommonShare float64
}

// Hit is one passage found, with its BM25-based score.
type Hit struct {
	Passage article.Passage
	Score   float64
}

// storedFields are the fields a passage stores.
var storedFields = []string{fieldText, fieldSpeakerJS}

// Search returns the passages that best match q, best first. A query with
// no clause returns nothing.
func (ix *Index) Search(ctx context.Context, q Query) ([]Hit, error) {
	bq := buildQuery(ix.withoutCommon(q, false), passageFields)
	if bq == nil {
		return nil, nil
	}
	size := q.Size
	if size <= 0 {
		size = 50
	}
	res, err := ix.top(ctx, bq, size, storedFields)
	if err != nil {
		return nil, fmt.Errorf("index: search: %w", err)
	}
	hits := make([]Hit, 0, len(res))
	arts := ix.articles()
	for _, h := range res {
		p, ok, err := arts.fill(passageFrom(h.ID, h.Fields))
		if err != nil {
			return nil, fmt.Errorf("index: search: %w", err)
		}
		if ok {
			hits = append(hits, Hit{Passage: p, Score: h.Score})
		}
	}
	return hits, nil
}

// ArticleHit is one article found, scored by BM25 over its title and its
// whole text.
type ArticleHit struct {
	ArticleID string
	Score     float64
}

// articleFields are where an article-level query looks, with their weights.
var articleFields = []field{{fieldArticleTitle, 1}, {fieldArticleBody, 1}}

// SearchArticles returns the articles that best match q's clauses as a
// whole, title and body, best first; q's filters apply as for passages.
func (ix *Index) SearchArticles(ctx context.Context, q Query) ([]ArticleHit, error) {
	q.PreferSpeech = 0 // speech is a passage's
	bq := buildQuery(ix.withoutCommon(q, true), articleFields)
	if bq == nil {
		return nil, nil
	}
	size := q.Size
	if size <= 0 {
		size = 50
	}
	res, err := ix.top(ctx, bq, size, nil)
	if err != nil {
		return nil, fmt.Errorf("index: search articles: %w", err)
	}
	hits := make([]ArticleHit, len(res))
	for i, h := range res {
		hits[i] = ArticleHit{ArticleID: h.ID, Score: h.Score}
	}
	return hits, nil
}

// byScoreThenID orders hits best first and equal scores by document ID, so
// which of several equal hits make the cut does not depend on the order
// documents were written in: a rebuilt index answers as the one it
// replaces.
var byScoreThenID = []string{"-_score", "_id"}

// tieMargin is how many hits past the size wanted top fetches, so that
// ties at the cut are seen whole.
const tieMargin = 16

// top returns the size best matches of q ordered by byScoreThenID, with
// fields loaded. Asking bleve to sort by ID makes it load the ID of every
// match, hundreds of thousands for a question over a large index, so top
// sorts by score alone and fetches tieMargin more: when the last of those
// scores less than the size-th, every match that may make the cut is
// among them, and sorting them by score and ID gives the same cut. Only a
// tie reaching past the margin pays for the full sort.
func (ix *Index) top(ctx context.Context, q query.Query, size int, fields []string) (search.DocumentMatchCollection, error) {
	ctx, err := ix.scoring(ctx)
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(q, size+tieMargin, 0, false)
	req.Fields = fields
	res, err := ix.alias.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	hits := res.Hits
	if uint64(len(hits)) < res.Total && hits[len(hits)-1].Score >= hits[size-1].Score {
		req = bleve.NewSearchRequestOptions(q, size, 0, false)
		req.SortBy(byScoreThenID)
		req.Fields = fields
		if res, err = ix.alias.SearchInContext(ctx, req); err != nil {
			return nil, err
		}
		return res.Hits, nil
	}
	sortHits(hits)
	return hits[:min(size, len(hits))], nil
}

// field is a field a clause is matched in, with its weight.
type field struct {
	name   string
	weight float64
}

// passageFields are where a passage query looks: the passage text, its
// article's title, and its speakers' names and roles.
var passageFields = []field{{fieldText, 1}, {fieldTitle, 0.4}, {fieldSpeakers, 0.6}}

func buildQuery(q Query, fields []field) query.Query {
	var must, should []query.Query
	for _, c := range q.Clauses {
		if c.Text == "" {
			continue
		}
		cq := clauseQuery(c, fields)
		if c.Must {
			must = append(must, cq)
		} else {
			should = append(should, cq)
		}
	}
	if q.Speaker != "" {
		must = append(must, speakerQuery(q.Speaker, q.SpeakerPrefix))
	}
	if len(must) == 0 && len(should) == 0 {
		return nil
	}
	if q.PreferSpeech > 0 && len(should) > 0 {
		sp := bleve.NewBoolFieldQuery(true)
		sp.SetField(fieldSpeech)
		sp.SetBoost(q.PreferSpeech)
		should = append(should, sp)
	}
	b := bleve.NewBooleanQuery()
	if len(should) > 0 {
		b.AddShould(should...)
		if len(must) == 0 {
			b.SetMinShould(1)
		}
	}
	if must = append(must, filters(q)...); len(must) > 0 {
		b.AddMust(must...)
	}
	if !q.Until.IsZero() {
		d := bleve.NewDateRangeQuery(q.Until.Add(time.Nanosecond), time.Time{})
		d.SetField(fieldPublished)
		b.AddMustNot(d)
	}
	for _, src := range q.ExcludeSources {
		t := bleve.NewTermQuery(src)
		t.SetField(fieldSource)
		b.AddMustNot(t)
	}
	return b
}

// clauseQuery matches a clause in fields (the first of them alone when the
// clause is TextOnly).
func clauseQuery(c Clause, fields []field) query.Query {
	boost := c.Boost
	if boost == 0 {
		boost = 1
	}
	if c.TextOnly {
		fields = fields[:1]
	}
	var qs []query.Query
	for _, f := range fields {
		m := bleve.NewMatchQuery(c.Text)
		if c.AllWords {
			m.SetOperator(query.MatchQueryOperatorAnd)
		}
		m.SetField(f.name)
		m.SetBoost(boost * f.weight)
		qs = append(qs, m)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// speakerQuery matches any word of name in the speakers' names and roles,
// and with prefix the start of its last word too.
func speakerQuery(name string, prefix bool) query.Query {
	m := bleve.NewMatchQuery(name)
	m.SetField(fieldSpeakers)
	words := strings.Fields(strings.ToLower(name))
	if !prefix || len(words) == 0 {
		return m
	}
	p := bleve.NewPrefixQuery(words[len(words)-1])
	p.SetField(fieldSpeakers)
	return bleve.NewDisjunctionQuery(m, p)
}

func filters(q Query) []query.Query {
	var fs []query.Query
	if q.Source != "" {
		var either []query.Query
		for _, f := range []string{fieldSource, fieldOutlet} {
			t := bleve.NewTermQuery(q.Source)
			t.SetField(f)
			t.SetBoost(0)
			either = append(either, t)
		}
		fs = append(fs, bleve.NewDisjunctionQuery(either...))
	}
	if !q.Since.IsZero() {
		d := bleve.NewDateRangeQuery(q.Since, time.Time{})
		d.SetField(fieldPublished)
		d.SetBoost(0)
		fs = append(fs, d)
	}
	if len(q.ArticleIDs) > 0 {
		ids := make([]query.Query, len(q.ArticleIDs))
		for i, id := range q.ArticleIDs {
			t := bleve.NewTermQuery(id)
			t.SetField(fieldArticle)
			t.SetBoost(0)
			ids[i] = t
		}
		fs = append(fs, bleve.NewDisjunctionQuery(ids...))
	}
	return fs
}

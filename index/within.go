package index

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"
)

// withinCap bounds the matches SearchWithin gathers in one walk: the
// passages of a hundred articles are a few thousand at most. When more
// match, it falls back to one search per list asked for.
var withinCap = 8192

// SearchWithin returns the size best passages for q inside q.ArticleIDs
// and the leadSize best inside the first lead of those articles, each list
// as Search would return it. Over a large index a search inside a few
// articles still walks all the postings of its words, so both lists come
// from one walk: every match is scored once, and only the passages
// returned have their fields loaded.
func (ix *Index) SearchWithin(ctx context.Context, q Query, size, lead, leadSize int) (wide, leading []Hit, err error) {
	bq := buildQuery(ix.withoutCommon(q, false), passageFields)
	if bq == nil || len(q.ArticleIDs) == 0 {
		return nil, nil, nil
	}
	sctx, err := ix.scoring(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("index: search within: %w", err)
	}
	res, err := ix.alias.SearchInContext(sctx, bleve.NewSearchRequestOptions(bq, withinCap, 0, false))
	if err != nil {
		return nil, nil, fmt.Errorf("index: search within: %w", err)
	}
	if res.Total > uint64(len(res.Hits)) {
		return ix.searchEach(ctx, q, size, lead, leadSize)
	}
	sortHits(res.Hits)
	leadIDs := make(map[string]bool, lead)
	for _, id := range q.ArticleIDs[:min(lead, len(q.ArticleIDs))] {
		leadIDs[id] = true
	}
	var w, l []*search.DocumentMatch
	for _, h := range res.Hits {
		if len(w) < size {
			w = append(w, h)
		}
		if len(l) < leadSize && leadIDs[articleOf(h.ID)] {
			l = append(l, h)
		}
	}
	loaded, arts := map[string]Hit{}, ix.articles()
	if wide, err = ix.load(w, loaded, arts); err != nil {
		return nil, nil, err
	}
	if leading, err = ix.load(l, loaded, arts); err != nil {
		return nil, nil, err
	}
	return wide, leading, nil
}

// searchEach is SearchWithin as two searches, for when the articles hold
// more matches than one walk gathers.
func (ix *Index) searchEach(ctx context.Context, q Query, size, lead, leadSize int) ([]Hit, []Hit, error) {
	q.Size = size
	wide, err := ix.Search(ctx, q)
	if err != nil || lead <= 0 {
		return wide, nil, err
	}
	q.Size, q.ArticleIDs = leadSize, q.ArticleIDs[:min(lead, len(q.ArticleIDs))]
	leading, err := ix.Search(ctx, q)
	return wide, leading, err
}

// sortHits orders hits best first and equal scores by ID, as top does.
func sortHits(hits search.DocumentMatchCollection) {
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
}

// articleOf is the article of a passage ID (ArticleID + "/" + Position).
func articleOf(passageID string) string {
	i := strings.LastIndexByte(passageID, '/')
	if i < 0 {
		return passageID
	}
	return passageID[:i]
}

// load returns ms as hits with their passages' stored fields and their
// articles' fields, reading each passage once across calls sharing seen
// (and each article once across calls sharing arts). A passage or article
// gone since the search (a rebuild swapped in) is left out.
func (ix *Index) load(ms []*search.DocumentMatch, seen map[string]Hit, arts *articles) ([]Hit, error) {
	var hits []Hit
	for _, m := range ms {
		h, ok := seen[m.ID]
		if !ok {
			doc, err := ix.alias.Document(m.ID)
			if err != nil {
				return nil, fmt.Errorf("index: load %s: %w", m.ID, err)
			}
			if doc == nil {
				continue
			}
			p, ok, err := arts.fill(passageFrom(m.ID, storedValues(doc)))
			if err != nil {
				return nil, fmt.Errorf("index: load %s: %w", m.ID, err)
			}
			if !ok {
				continue
			}
			h = Hit{Passage: p, Score: m.Score}
			seen[m.ID] = h
		}
		hits = append(hits, h)
	}
	return hits, nil
}

// storedValues are doc's stored fields as a search hit would carry them
// (a passage stores text fields only).
func storedValues(doc bindex.Document) map[string]any {
	f := make(map[string]any, len(storedFields))
	doc.VisitFields(func(fd bindex.Field) {
		if v, ok := fd.(bindex.TextField); ok {
			f[fd.Name()] = v.Text()
		}
	})
	return f
}

package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"
)

// SearchWithin returns the size best passages for q inside q.ArticleIDs
// and the leadSize best inside the first lead of those articles, each list
// as Search would return it. Over a large index a search inside a few
// articles still walks all the postings of its words, so both lists come
// from one walk: every match is scored once, and only the passages
// returned have their IDs and fields read.
func (ix *Index) SearchWithin(ctx context.Context, q Query, size, lead, leadSize int) (wide, leading []Hit, err error) {
	bq := buildQuery(ix.withoutCommon(q, false), passageFields)
	if bq == nil || len(q.ArticleIDs) == 0 {
		return nil, nil, nil
	}
	sctx, err := ix.scoring(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("index: search within: %w", err)
	}
	w := &walk{ctx: ctx, lead: q.ArticleIDs[:min(max(lead, 0), len(q.ArticleIDs))], size: size, leadSize: leadSize}
	sctx = context.WithValue(sctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(w.handler))
	if _, err := ix.alias.SearchInContext(sctx, bleve.NewSearchRequestOptions(bq, 0, 0, false)); err != nil {
		return nil, nil, fmt.Errorf("index: search within: %w", err)
	}
	loaded, arts := map[string]Hit{}, ix.articles()
	if wide, err = ix.load(w.wide, loaded, arts); err != nil {
		return nil, nil, err
	}
	if leading, err = ix.load(w.leading, loaded, arts); err != nil {
		return nil, nil, err
	}
	return wide, leading, nil
}

// match is one passage a walk found: its document number in the index
// searched and its score.
type match struct {
	doc   uint64
	score float64
}

// walk gathers a search's matches as bleve hands them over, without
// bleve's collector, which reads the ID of every match to order ties; at
// the end it picks the best and reads the IDs of those alone.
type walk struct {
	ctx            context.Context
	lead           []string
	size, leadSize int
	all            []match
	wide, leading  []*search.DocumentMatch
}

// handler is a search.MakeDocumentMatchHandler: it keeps each match's
// document number and score, and at the end (a nil match) picks both lists
// from the same index snapshot.
func (w *walk) handler(sc *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
	return func(d *search.DocumentMatch) error {
		if d != nil {
			w.all = append(w.all, match{doc: d.IndexInternalID.Value(), score: d.Score})
			sc.DocumentMatchPool.Put(d)
			return nil
		}
		inLead, err := docsOf(w.ctx, sc.IndexReader, w.lead)
		if err != nil {
			return err
		}
		var leadMatches []match
		for _, m := range w.all {
			if inLead[m.doc] {
				leadMatches = append(leadMatches, m)
			}
		}
		if w.wide, err = named(sc.IndexReader, best(w.all, w.size), w.size); err != nil {
			return err
		}
		w.leading, err = named(sc.IndexReader, best(leadMatches, w.leadSize), w.leadSize)
		return err
	}, false, nil
}

// docsOf is the set of document numbers of the articles ids: their
// passages (and their own documents).
func docsOf(ctx context.Context, r bindex.IndexReader, ids []string) (map[uint64]bool, error) {
	docs := map[uint64]bool{}
	var d bindex.TermFieldDoc
	for _, id := range ids {
		tfr, err := r.TermFieldReader(ctx, []byte(id), fieldArticle, false, false, false)
		if err != nil {
			return nil, err
		}
		next, err := tfr.Next(&d)
		for ; err == nil && next != nil; next, err = tfr.Next(&d) {
			docs[next.ID.Value()] = true
		}
		tfr.Close()
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// best returns the n best-scoring matches and every match tying with the
// n-th: the ones that may make the cut once ties are ordered by ID. It
// reorders ms.
func best(ms []match, n int) []match {
	if n <= 0 || len(ms) == 0 {
		return nil
	}
	slices.SortFunc(ms, func(a, b match) int { return cmp.Compare(b.score, a.score) })
	if n >= len(ms) {
		return ms
	}
	end := n
	for end < len(ms) && ms[end].score == ms[n-1].score {
		end++
	}
	return ms[:end]
}

// named reads the IDs of ms, orders them best first and equal scores by
// ID, as top does, and returns the first n as search hits.
func named(r bindex.IndexReader, ms []match, n int) ([]*search.DocumentMatch, error) {
	hits := make(search.DocumentMatchCollection, len(ms))
	buf := make([]byte, 8)
	for i, m := range ms {
		id, err := r.ExternalID(bindex.NewIndexInternalID(buf, m.doc))
		if err != nil {
			return nil, err
		}
		hits[i] = &search.DocumentMatch{ID: id, Score: m.score}
	}
	sortHits(hits)
	return hits[:min(n, len(hits))], nil
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

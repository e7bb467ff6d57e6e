package index

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"

	"storybot/article"
)

// Passages returns every indexed passage of articleID in position order:
// what the index holds for one article, to check it against the store.
func (ix *Index) Passages(ctx context.Context, articleID string) ([]article.Passage, error) {
	of := bleve.NewTermQuery(articleID)
	of.SetField(fieldArticle)
	whole := bleve.NewTermQuery(kindArticle) // the article's own document
	whole.SetField(fieldKind)
	q := bleve.NewBooleanQuery()
	q.AddMust(of)
	q.AddMustNot(whole)
	var out []article.Passage
	for size := 256; ; {
		req := bleve.NewSearchRequestOptions(q, size, 0, false)
		req.Fields = storedFields
		res, err := ix.alias.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("index: passages of %s: %w", articleID, err)
		}
		if res.Total > uint64(len(res.Hits)) {
			size = int(res.Total)
			continue
		}
		arts := ix.articles()
		for _, h := range res.Hits {
			p, ok, err := arts.fill(passageFrom(h.ID, h.Fields))
			if err != nil {
				return nil, fmt.Errorf("index: passages of %s: %w", articleID, err)
			}
			if ok {
				out = append(out, p)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Position < out[j].Position })
		return out, nil
	}
}

// Sources returns the distinct source names of the indexed passages, for
// telling a mistyped source filter from one that matches nothing.
func (ix *Index) Sources() ([]string, error) {
	d, err := ix.alias.FieldDict(fieldSource)
	if err != nil {
		return nil, fmt.Errorf("index: sources: %w", err)
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("index: sources: %w", err)
		}
		if e == nil {
			return out, nil
		}
		out = append(out, e.Term)
	}
}

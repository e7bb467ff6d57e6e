package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/search"
)

// bm25Length is the length, in words, that BM25 takes as every field's
// average. Left to itself, bleve derives it from the size of the field's
// dictionary summed over the index's segments (ceil(terms / documents)), so
// a passage's score depended on how the index happened to be cut into
// segments and merged: a fresh index and the same documents rebuilt ranked
// differently, and a serving index drifted as it merged. Pinned, scores are
// a function of the documents alone. 3 lies within the 2 to 4 that bleve's
// figure took on the indexes the ranking was fitted on.
const bm25Length = 3

// scoredFields are every indexed field a query may touch: bleve refuses to
// score a field the stats leave out.
var scoredFields = []string{fieldText, fieldTitle, fieldSpeakers, fieldSpeech, fieldSource, fieldOutlet,
	fieldArticle, fieldPublished, fieldKind, fieldArticleTitle, fieldArticleBody}

// bm25Stats are the statistics every search scores with, for an index of
// docs documents.
func bm25Stats(docs uint64) *search.BM25Stats {
	st := &search.BM25Stats{DocCount: float64(docs), FieldCardinality: make(map[string]int, len(scoredFields))}
	for _, f := range scoredFields {
		st.FieldCardinality[f] = bm25Length * int(docs)
	}
	return st
}

// scoring returns ctx carrying the statistics a search of ix scores with.
func (ix *Index) scoring(ctx context.Context) (context.Context, error) {
	n, err := ix.alias.DocCount()
	if err != nil {
		return nil, err
	}
	return context.WithValue(ctx, search.BM25StatsKey, bm25Stats(n)), nil
}

package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/search"
)

// averageLength is the length, in analysed words, that BM25 takes as a
// field's average. Left to itself, bleve derives it from the size of the
// field's dictionary summed over the index's segments (ceil(terms /
// documents), 2 to 4 here), so a passage's score depended on how the index
// happened to be cut into segments and merged: a fresh index and the same
// documents rebuilt ranked differently, and a serving index drifted as it
// merged. These are the averages measured over the BBC and web-2023
// corpora (passages 35 and 26 words, titles 5 and 7.5, articles 7 to 36
// passages), so scores are a function of the documents alone and long
// passages are normalised as BM25 means them to be. Short fields (speakers,
// keywords) take averageShort.
var averageLength = map[string]int{fieldText: 30, fieldTitle: 6, fieldArticleTitle: 6, fieldArticleBody: 300}

const averageShort = 3

// scoredFields are every indexed field a query may touch: bleve refuses to
// score a field the statistics leave out.
var scoredFields = []string{fieldText, fieldTitle, fieldSpeakers, fieldSpeech, fieldSource, fieldOutlet,
	fieldArticle, fieldPublished, fieldKind, fieldArticleTitle, fieldArticleBody}

// bm25Stats are the statistics every search scores with, for an index of
// docs documents. Bleve takes a field's average length as its "cardinality"
// over the documents.
func bm25Stats(docs uint64) *search.BM25Stats {
	st := &search.BM25Stats{DocCount: float64(docs), FieldCardinality: make(map[string]int, len(scoredFields))}
	for _, f := range scoredFields {
		avg, ok := averageLength[f]
		if !ok {
			avg = averageShort
		}
		st.FieldCardinality[f] = avg * int(docs)
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

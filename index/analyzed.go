package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"

	"storybot/article"
	"storybot/internal/parallel"
)

// analyzedField is a text field analysed before its batch is written:
// scorch's own analysis of it does nothing. Passages of one article share
// their title's.
type analyzedField struct{ *bdoc.TextField }

func (analyzedField) Analyze() {}

// bodyField is an article document's whole text, analysed as the sum of
// its passages' analysed text: the same terms, counts and length as
// analysing the text again, which took as long as analysing the passages.
type bodyField struct {
	options bindex.FieldIndexingOptions
	length  int
	freqs   bindex.TokenFrequencies
	bytes   uint64
}

func (f *bodyField) Name() string                                      { return fieldArticleBody }
func (f *bodyField) ArrayPositions() []uint64                          { return nil }
func (f *bodyField) Options() bindex.FieldIndexingOptions              { return f.options }
func (f *bodyField) Analyze()                                          {}
func (f *bodyField) Value() []byte                                     { return nil }
func (f *bodyField) NumPlainTextBytes() uint64                         { return f.bytes }
func (f *bodyField) Size() int                                         { return f.freqs.Size() }
func (f *bodyField) EncodedFieldType() byte                            { return 't' }
func (f *bodyField) AnalyzedLength() int                               { return f.length }
func (f *bodyField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

// addAll adds the passages of arts, each one article's, and their article
// documents to b, mapped and analysed on all cores.
func addAll(b *bleve.Batch, m mapping.IndexMapping, arts [][]article.Passage) error {
	docs := make([][]*bdoc.Document, len(arts))
	errs := make([]error, len(arts))
	parallel.For(len(arts), func(k int) { docs[k], errs[k] = analyzed(m, arts[k]) })
	for k, ds := range docs {
		if errs[k] != nil {
			return errs[k]
		}
		for _, d := range ds {
			if err := b.IndexAdvanced(d); err != nil {
				return fmt.Errorf("index: %s: %w", d.ID(), err)
			}
		}
	}
	return nil
}

// analyzed maps one article's passages and its article document with m
// and analyses their text: every word of the article once.
func analyzed(m mapping.IndexMapping, ps []article.Passage) ([]*bdoc.Document, error) {
	if len(ps) == 0 {
		return nil, nil
	}
	if err := checkPassages(ps); err != nil {
		return nil, err
	}
	docs := make([]*bdoc.Document, 0, len(ps)+1)
	var title *bdoc.TextField
	body := &bodyField{freqs: bindex.TokenFrequencies{}}
	for _, p := range ps {
		d := bdoc.NewDocument(p.ID)
		if err := m.MapDocument(d, document(p)); err != nil {
			return nil, fmt.Errorf("index: passage %s: %w", p.ID, err)
		}
		for k, f := range d.Fields {
			t, ok := f.(*bdoc.TextField)
			if !ok {
				continue
			}
			switch t.Name() {
			case fieldTitle:
				if title == nil {
					title = t
					t.Analyze()
				}
				d.Fields[k] = analyzedField{title}
			case fieldText:
				t.Analyze()
				d.Fields[k] = analyzedField{t}
				body.freqs.MergeAll(fieldArticleBody, t.AnalyzedTokenFrequencies())
				body.length += t.AnalyzedLength()
				body.bytes += t.NumPlainTextBytes()
			}
		}
		docs = append(docs, d)
	}
	a := bdoc.NewDocument(ps[0].ArticleID)
	if err := m.MapDocument(a, articleDocument(ps)); err != nil {
		return nil, fmt.Errorf("index: article %s: %w", ps[0].ArticleID, err)
	}
	for k, f := range a.Fields {
		if f.Name() == fieldArticleBody {
			body.options = f.Options()
			a.Fields[k] = body
		}
	}
	return append(docs, a), nil
}

package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"

	"storybot/attrib"
	"storybot/passage"
)

// mappingVersion changes whenever the mapping or the stored fields change.
const mappingVersion = "9"

// SchemaVersion names what an index holds: its mapping, and the versions of
// the passage cutting and the attribution that made its documents, so that
// a change to either can never ship with a stale index. An index built
// with another version is rebuilt from the store at start-up.
const SchemaVersion = "storybot-passages-" + mappingVersion + "-passage" + passage.Version + "-attrib" + attrib.Version

// Field names of a passage document. A passage stores only what is its
// own, its text and speakers; its article's fields are indexed on it, for
// scoring and filters, but stored once, on the article document. Its
// article ID and position are those of its ID.
const (
	fieldText      = "text"
	fieldTitle     = "title"
	fieldSpeakers  = "speakers"
	fieldSpeech    = "has_speech"
	fieldSource    = "source"
	fieldOutlet    = "outlet"
	fieldArticle   = "article_id"
	fieldPublished = "published"
	fieldSpeakerJS = "speakers_json"

	// An article document, one per article beside its passages, holds the
	// whole text for article-level scoring and stores the article's fields
	// that its passages' citations show; its indexed fields are its own, so
	// passage queries never match it.
	fieldKind             = "kind" // "article" on article documents only
	fieldArticleTitle     = "atitle"
	fieldArticleBody      = "abody"
	fieldArticleSource    = "asource"
	fieldArticleOutlet    = "aoutlet"
	fieldArticleURL       = "url"
	fieldArticlePublished = "apublished" // RFC 3339
	kindArticle           = "article"
)

func newMapping() mapping.IndexMapping {
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = store
		f.IncludeTermVectors = false // no phrase queries (see Clause): positions made the index half again as large
		f.IncludeInAll = false       // every query names its field; _all would double the indexing work
		f.DocValues = false
		return f
	}
	term := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	published := bleve.NewDateTimeFieldMapping()
	published.Store = false
	published.IncludeInAll = false
	published.DocValues = false
	speech := bleve.NewBooleanFieldMapping()
	speech.Store = false
	speech.IncludeInAll = false
	speech.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, text(true))
	doc.AddFieldMappingsAt(fieldTitle, text(false))
	doc.AddFieldMappingsAt(fieldSpeakers, text(false))
	doc.AddFieldMappingsAt(fieldSpeech, speech)
	doc.AddFieldMappingsAt(fieldSource, term())
	doc.AddFieldMappingsAt(fieldOutlet, term())
	doc.AddFieldMappingsAt(fieldArticle, term())
	doc.AddFieldMappingsAt(fieldSpeakerJS, stored())
	doc.AddFieldMappingsAt(fieldPublished, published)
	doc.AddFieldMappingsAt(fieldKind, term())
	doc.AddFieldMappingsAt(fieldArticleTitle, text(true))
	doc.AddFieldMappingsAt(fieldArticleBody, text(false))
	for _, f := range []string{fieldArticleSource, fieldArticleOutlet, fieldArticleURL, fieldArticlePublished} {
		doc.AddFieldMappingsAt(f, stored())
	}

	im := bleve.NewIndexMapping()
	im.DefaultMapping = doc
	im.DefaultAnalyzer = en.AnalyzerName
	im.ScoringModel = bindex.BM25Scoring
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im
}

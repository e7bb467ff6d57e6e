package index

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	bindex "github.com/blevesearch/bleve_index_api"

	"storybot/article"
)

// document is the bleve form of a passage. Its article's fields are
// indexed, not stored: articleDocument stores them once for all its
// passages.
func document(p article.Passage) map[string]any {
	d := map[string]any{
		fieldText:    p.Text,
		fieldTitle:   p.Title,
		fieldSource:  p.Source,
		fieldOutlet:  p.Outlet,
		fieldArticle: p.ArticleID,
		fieldSpeech:  len(p.Speakers) > 0,
	}
	if !p.Published.IsZero() {
		d[fieldPublished] = p.Published.UTC().Format(time.RFC3339)
	}
	if len(p.Speakers) > 0 {
		names := make([]string, 0, len(p.Speakers))
		for _, s := range p.Speakers {
			names = append(names, s.Name+" "+s.Role)
		}
		d[fieldSpeakers] = strings.Join(names, " ; ")
		if b, err := json.Marshal(p.Speakers); err == nil {
			d[fieldSpeakerJS] = string(b)
		}
	}
	return d
}

// articleDocument is the bleve form of the article whose passages are ps,
// all of one article: its title and its whole text, indexed, and the
// fields its passages' citations show, stored. Its text is left empty
// here: analyzed fills it in from its passages'.
func articleDocument(ps []article.Passage) map[string]any {
	p := ps[0]
	d := map[string]any{
		fieldKind:          kindArticle,
		fieldArticleTitle:  p.Title,
		fieldArticleBody:   "",
		fieldSource:        p.Source,
		fieldArticle:       p.ArticleID,
		fieldArticleSource: p.Source,
		fieldArticleOutlet: p.Outlet,
		fieldArticleURL:    p.URL,
	}
	if !p.Published.IsZero() {
		d[fieldPublished] = p.Published.UTC().Format(time.RFC3339)
		d[fieldArticlePublished] = p.Published.UTC().Format(time.RFC3339)
	}
	return d
}

// passageID is the ID of the passage at pos of articleID, as package
// passage makes it; the index relies on it to store neither.
func passageID(articleID string, pos int) string {
	return articleID + "/" + strconv.Itoa(pos)
}

// checkPassages reports passages that articleDocument and passageFrom
// would not give back as they are: all must be of one article, with the
// same article fields, and have the ID of their article and position.
func checkPassages(ps []article.Passage) error {
	a := ps[0]
	for _, p := range ps {
		if p.ID != passageID(p.ArticleID, p.Position) {
			return fmt.Errorf("index: passage %s: its ID is not article ID/position (%s/%d)", p.ID, p.ArticleID, p.Position)
		}
		if p.ArticleID != a.ArticleID || p.Title != a.Title || p.Source != a.Source || p.Outlet != a.Outlet ||
			p.URL != a.URL || !p.Published.Equal(a.Published) {
			return fmt.Errorf("index: passage %s: article fields differ from those of %s", p.ID, a.ID)
		}
	}
	return nil
}

// passageFrom rebuilds a passage from the stored fields of a passage hit;
// its article's fields are filled in by articles.fill.
func passageFrom(id string, f map[string]any) article.Passage {
	p := article.Passage{ID: id, ArticleID: articleOf(id)}
	p.Position, _ = strconv.Atoi(strings.TrimPrefix(id, p.ArticleID+"/")) // checkPassages let only such IDs in
	p.Text, _ = f[fieldText].(string)
	if js, _ := f[fieldSpeakerJS].(string); js != "" {
		_ = json.Unmarshal([]byte(js), &p.Speakers) // written by document; a bad value only loses speakers
	}
	return p
}

// articleMeta are the article fields a passage shows, as the article
// document stores them.
type articleMeta struct {
	title, source, outlet, url string
	published                  time.Time
}

// withArticle returns p with its article's fields.
func (a articleMeta) withArticle(p article.Passage) article.Passage {
	p.Title, p.Source, p.Outlet, p.URL, p.Published = a.title, a.source, a.outlet, a.url, a.published
	return p
}

// articles gives passages their article's fields, read from the article
// documents once per article.
type articles struct {
	ix   *Index
	seen map[string]*articleMeta // nil: no article document
}

func (ix *Index) articles() *articles {
	return &articles{ix: ix, seen: map[string]*articleMeta{}}
}

// fill returns p with its article's fields; false when its article
// document is gone (deleted since p was found).
func (as *articles) fill(p article.Passage) (article.Passage, bool, error) {
	a, ok := as.seen[p.ArticleID]
	if !ok {
		var err error
		if a, err = as.ix.readArticle(p.ArticleID); err != nil {
			return p, false, err
		}
		as.seen[p.ArticleID] = a
	}
	if a == nil {
		return p, false, nil
	}
	return a.withArticle(p), true, nil
}

// readArticle reads the stored fields of an article document, nil when
// there is none.
func (ix *Index) readArticle(id string) (*articleMeta, error) {
	doc, err := ix.alias.Document(id)
	if err != nil {
		return nil, fmt.Errorf("index: article %s: %w", id, err)
	}
	if doc == nil {
		return nil, nil
	}
	var a articleMeta
	doc.VisitFields(func(f bindex.Field) {
		switch v := string(f.Value()); f.Name() {
		case fieldArticleTitle:
			a.title = v
		case fieldArticleSource:
			a.source = v
		case fieldArticleOutlet:
			a.outlet = v
		case fieldArticleURL:
			a.url = v
		case fieldArticlePublished:
			a.published, _ = time.Parse(time.RFC3339, v) // written by articleDocument
		}
	})
	return &a, nil
}

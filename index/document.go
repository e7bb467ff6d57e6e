package index

import (
	"encoding/json"
	"strings"
	"time"

	"storybot/article"
)

// document is the bleve form of a passage.
func document(p article.Passage) map[string]any {
	d := map[string]any{
		fieldText:     p.Text,
		fieldTitle:    p.Title,
		fieldSource:   p.Source,
		fieldOutlet:   p.Outlet,
		fieldArticle:  p.ArticleID,
		fieldURL:      p.URL,
		fieldPosition: float64(p.Position),
		fieldSpeech:   len(p.Speakers) > 0,
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
// all of one article: its title and its whole text.
func articleDocument(ps []article.Passage) map[string]any {
	p := ps[0]
	texts := make([]string, len(ps))
	for i, x := range ps {
		texts[i] = x.Text
	}
	d := map[string]any{
		fieldKind:         kindArticle,
		fieldArticleTitle: p.Title,
		fieldArticleBody:  strings.Join(texts, "\n\n"),
		fieldSource:       p.Source,
		fieldArticle:      p.ArticleID,
	}
	if !p.Published.IsZero() {
		d[fieldPublished] = p.Published.UTC().Format(time.RFC3339)
	}
	return d
}

// passageFrom rebuilds a passage from the stored fields of a hit.
func passageFrom(id string, f map[string]any) article.Passage {
	str := func(k string) string { s, _ := f[k].(string); return s }
	p := article.Passage{
		ID: id, ArticleID: str(fieldArticle), Text: str(fieldText), Title: str(fieldTitle),
		Source: str(fieldSource), Outlet: str(fieldOutlet), URL: str(fieldURL),
	}
	if n, ok := f[fieldPosition].(float64); ok {
		p.Position = int(n)
	}
	if t, err := time.Parse(time.RFC3339, str(fieldPublished)); err == nil {
		p.Published = t
	}
	if js := str(fieldSpeakerJS); js != "" {
		_ = json.Unmarshal([]byte(js), &p.Speakers) // written by document; a bad value only loses speakers
	}
	return p
}

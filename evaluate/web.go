package evaluate

import (
	"strings"

	"storybot/article"
)

// WebArticle is one article a web search returned for a quiz question of
// news-quiz-web-2023.jsonl.gz: the whole text, paragraphs parted by blank
// lines.
type WebArticle struct {
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Published string   `json:"published"` // YYYY/MM/DD, or empty
	Authors   []string `json:"authors"`
	Text      string   `json:"text"`
}

// WebQuizCase is one question of news-quiz-web-2023.jsonl.gz. Reach marks
// the questions whose answer stands word for word in their articles.
type WebQuizCase struct {
	ID           string       `json:"id"`
	Question     string       `json:"question"`
	Date         string       `json:"date"` // YYYY/MM/DD: the week the quiz ran
	Answers      []string     `json:"answers"`
	Reach        bool         `json:"reach"`
	GoldArticles []WebArticle `json:"gold_articles"`
}

// WhoWebCase is one question of who-web-dev.jsonl: a reaction question over
// one of the web articles.
type WhoWebCase struct {
	ID         string   `json:"id"`
	Question   string   `json:"question"`
	ArticleURL string   `json:"article_url"`
	Speakers   []string `json:"speakers"`
	MustQuote  string   `json:"must_quote"`
	Kind       string   `json:"kind"`
}

// AttribCase is one gold statement of attrib-dev.jsonl: a paragraph of a web
// article, the words said and who said them.
type AttribCase struct {
	ID         string `json:"id"`
	ArticleURL string `json:"article_url"`
	Paragraph  string `json:"paragraph"`
	Quote      string `json:"quote"`
	Speaker    string `json:"speaker"`
	Kind       string `json:"kind"` // direct or reported
	Cue        string `json:"cue"`  // what names the speaker: after-quote, pronoun, surname…
}

// webArticles returns the distinct articles of the cases, each canonical URL
// once, in the order first met.
func webArticles(cases []WebQuizCase) []WebArticle {
	var out []WebArticle
	seen := map[string]bool{}
	for _, c := range cases {
		for _, a := range c.GoldArticles {
			u, err := article.CanonicalURL(a.URL)
			if err != nil || seen[u] {
				continue
			}
			seen[u] = true
			out = append(out, a)
		}
	}
	return out
}

// paragraphs splits a set's article text at blank lines, white space folded.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

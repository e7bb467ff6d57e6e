// Package passage cuts an article into the passages the index holds: a
// paragraph, several short paragraphs joined, or a window of sentences from
// a long one. It is pure: no I/O.
package passage

import (
	"fmt"
	"strings"

	"storybot/article"
	"storybot/attrib"
)

// Sizes in words. A passage aims at a paragraph; short paragraphs are joined
// up to minWords, long ones are cut into windows of about targetWords.
const (
	minWords    = 18
	maxWords    = 120
	targetWords = 70
)

// Split cuts a into passages and attaches speakers: speakers[i] are those
// found in a.Paragraphs[i] (may be nil). Each speaker goes to the passage
// that holds its quote.
func Split(a article.Article, speakers [][]article.Speaker) []article.Passage {
	var out []article.Passage
	for _, c := range chunks(a.Paragraphs) {
		p := article.Passage{
			ID: fmt.Sprintf("%s/%d", a.ID, len(out)), ArticleID: a.ID, Position: len(out),
			Text: c.text, Title: a.Title, Source: a.Source, Outlet: a.OutletName(), URL: a.URL, Published: a.Published,
		}
		for _, i := range c.paras {
			if i < len(speakers) {
				p.Speakers = append(p.Speakers, within(speakers[i], c.text, len(c.paras) == 1 && c.whole)...)
			}
		}
		out = append(out, p)
	}
	return out
}

// within keeps the speakers whose quote lies in text; when text is the whole
// paragraph every speaker belongs.
func within(sp []article.Speaker, text string, whole bool) []article.Speaker {
	if whole {
		return sp
	}
	var out []article.Speaker
	for _, s := range sp {
		if s.Quote == "" || strings.Contains(text, s.Quote) || strings.Contains(text, prefix(s.Quote, 40)) {
			out = append(out, s)
		}
	}
	return out
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// chunk is one passage's text and the paragraphs it came from.
type chunk struct {
	text  string
	paras []int
	whole bool // text holds its paragraphs entirely
}

func chunks(paragraphs []string) []chunk {
	var out []chunk
	var cur chunk
	curWords := 0
	flush := func() {
		if cur.text != "" {
			out = append(out, cur)
		}
		cur, curWords = chunk{}, 0
	}
	for i, p := range paragraphs {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		n := article.Words(p) // 0 for a line of punctuation, which joins the next
		if n > maxWords {
			flush()
			for _, w := range windows(p) {
				out = append(out, chunk{text: w, paras: []int{i}})
			}
			continue
		}
		if curWords > 0 && curWords+n > maxWords {
			flush()
		}
		if cur.text != "" {
			cur.text += "\n\n"
		}
		cur.text += p
		cur.paras = append(cur.paras, i)
		cur.whole = true
		curWords += n
		if curWords >= minWords {
			flush()
		}
	}
	flush()
	return out
}

// windows cuts a long paragraph into runs of whole sentences of about
// targetWords each; a single sentence longer than maxWords stands alone.
func windows(p string) []string {
	var out []string
	start, words := -1, 0
	rest := p
	offset := 0
	for _, s := range attrib.Sentences(p) {
		i := strings.Index(rest, s)
		if i < 0 {
			continue
		}
		begin := offset + i
		end := begin + len(s)
		rest, offset = p[end:], end
		n := article.Words(s)
		if start >= 0 && words+n > targetWords {
			out = append(out, strings.TrimSpace(p[start:begin]))
			start, words = -1, 0
		}
		if start < 0 {
			start = begin
		}
		words += n
		if words >= targetWords {
			out = append(out, strings.TrimSpace(p[start:end]))
			start, words = -1, 0
		}
	}
	if start >= 0 {
		out = append(out, strings.TrimSpace(p[start:]))
	}
	return out
}

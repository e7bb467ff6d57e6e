package evaluate

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"storybot/article"
	"storybot/attrib"
	"storybot/extract"
)

// attribCues are the cues of attrib-dev.jsonl, in the order reported.
var attribCues = []string{"after-quote", "surname", "named-here", "pronoun", "organisation", "previous-paragraph", "role"}

// AttribFigures counts one group of attrib-dev's gold statements.
type AttribFigures struct {
	Gold     int // gold statements
	Recalled int // gold statements found with a right speaker
	Found    int // found statements with a speaker whose quote overlaps a gold quote
	Right    int // of those, the ones whose speaker is right
	KindOK   int // of the right ones, those whose kind (direct, reported) is the gold kind
}

// Precision is the share of found statements whose speaker is right; 1 when
// nothing was found.
func (f AttribFigures) Precision() float64 {
	if f.Found == 0 {
		return 1
	}
	return float64(f.Right) / float64(f.Found)
}

// Recall is the share of gold statements found with a right speaker.
func (f AttribFigures) Recall() float64 {
	if f.Gold == 0 {
		return 0
	}
	return float64(f.Recalled) / float64(f.Gold)
}

func (f *AttribFigures) add(v attribVerdict) {
	f.Gold++
	f.Found += v.found
	f.Right += v.right
	f.KindOK += v.kindOK
	if v.right > 0 {
		f.Recalled++
	}
}

// AttribReport is attribution measured on attrib-dev through the extractor:
// overall, on the tuning and validation halves (split by article, as
// splitOf splits every set) and per cue.
type AttribReport struct {
	All, Tuning, Validation AttribFigures
	Cues                    map[string]AttribFigures
	Misses                  []AttribMiss
}

// AttribMiss is a gold statement not found with a right speaker, or found
// with a wrong one too.
type AttribMiss struct {
	Case  AttribCase
	Found []article.Speaker // the statements overlapping the gold quote
	Note  string            // why nothing could be judged, if so
}

// Attribution measures attribution on sharedDir's attrib-dev.jsonl: each
// gold statement's article (from news-quiz-web-2023.jsonl.gz) is rendered
// as the page storybot ingests, extracted, and attributed.
func Attribution(sharedDir string) (AttribReport, error) {
	gold, err := ReadJSONL[AttribCase](filepath.Join(sharedDir, setsFolder, "attrib-dev.jsonl"))
	if err != nil {
		return AttribReport{}, err
	}
	quiz, err := ReadJSONL[WebQuizCase](filepath.Join(sharedDir, setsFolder, "news-quiz-web-2023.jsonl.gz"))
	if err != nil {
		return AttribReport{}, err
	}
	byURL := map[string]WebArticle{}
	for _, a := range webArticles(quiz) {
		u, _ := article.CanonicalURL(a.URL)
		byURL[u] = a
	}
	r := AttribReport{Cues: map[string]AttribFigures{}}
	done := map[string][][]article.Speaker{}
	paras := map[string][]string{}
	for _, g := range gold {
		u, err := article.CanonicalURL(g.ArticleURL)
		if err != nil {
			return AttribReport{}, fmt.Errorf("evaluate: attrib-dev %s: %w", g.ID, err)
		}
		a, ok := byURL[u]
		if !ok {
			return AttribReport{}, fmt.Errorf("evaluate: attrib-dev %s: article %s is not in the web quiz set", g.ID, g.ArticleURL)
		}
		if _, ok := done[u]; !ok {
			paras[u], done[u], err = attributePage(a)
			if err != nil {
				return AttribReport{}, fmt.Errorf("evaluate: attrib-dev %s: %w", g.ID, err)
			}
		}
		r.add(g, judgeStatement(g, paras[u], done[u]))
	}
	return r, nil
}

// attributePage renders a as the page storybot would fetch, extracts it and
// attributes its paragraphs.
func attributePage(a WebArticle) ([]string, [][]article.Speaker, error) {
	base, _ := url.Parse(a.URL)
	x, err := extract.Extract([]byte(webPage(a)), base)
	if err != nil {
		return nil, nil, err
	}
	return x.Paragraphs, attrib.Attribute(x.SiteName, x.Paragraphs), nil
}

func (r *AttribReport) add(g AttribCase, v attribVerdict) {
	r.All.add(v)
	if splitOf(g.ArticleURL) == Tuning {
		r.Tuning.add(v)
	} else {
		r.Validation.add(v)
	}
	c := r.Cues[g.Cue]
	c.add(v)
	r.Cues[g.Cue] = c
	if v.right == 0 || v.right < v.found || v.note != "" {
		r.Misses = append(r.Misses, AttribMiss{Case: g, Found: v.statements, Note: v.note})
	}
}

// attribVerdict is the judgement of one gold statement.
type attribVerdict struct {
	found, right, kindOK int
	statements           []article.Speaker
	note                 string
}

// judgeStatement finds the extracted paragraph holding g's paragraph and the
// statements found there whose quote overlaps g's, and counts those with a
// speaker and those whose speaker is right.
func judgeStatement(g AttribCase, paras []string, found [][]article.Speaker) attribVerdict {
	i := goldParagraph(g, paras)
	if i < 0 {
		return attribVerdict{note: "the extractor lost the paragraph"}
	}
	var v attribVerdict
	for _, s := range found[i] {
		if s.Name == "" || !quotesOverlap(s.Quote, g.Quote) {
			continue
		}
		v.statements = append(v.statements, s)
		v.found++
		if speakerMatches(s.Name, g.Speaker) {
			v.right++
			if s.Kind == g.Kind {
				v.kindOK++
			}
		}
	}
	return v
}

// goldParagraph finds the extracted paragraph holding the gold paragraph,
// else the one holding the gold quote; -1 when none does.
func goldParagraph(g AttribCase, paras []string) int {
	gp, gq := normalize(g.Paragraph), normalize(g.Quote)
	for i, p := range paras {
		if strings.Contains(normalize(p), gp) {
			return i
		}
	}
	for i, p := range paras {
		if strings.Contains(normalize(p), gq) {
			return i
		}
	}
	return -1
}

// quotesOverlap reports whether two quotes are readings of one statement:
// one holds the other, or they share a run of five words (the whole of
// the shorter when it is shorter than that).
func quotesOverlap(a, b string) bool {
	wa, wb := quoteWords(a), quoteWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	run := min(5, len(wa), len(wb))
	seen := map[string]bool{}
	for i := 0; i+run <= len(wa); i++ {
		seen[strings.Join(wa[i:i+run], " ")] = true
	}
	for i := 0; i+run <= len(wb); i++ {
		if seen[strings.Join(wb[i:i+run], " ")] {
			return true
		}
	}
	return false
}

// quoteWords are a quote's words, normalised, without punctuation.
func quoteWords(s string) []string {
	return strings.FieldsFunc(normalize(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'' || r > 127)
	})
}

// Write prints the precision and recall table: overall, per split, per cue.
func (r AttribReport) Write(w io.Writer) {
	fmt.Fprintf(w, "%-20s %4s %6s %6s %9s %7s %6s\n", "attrib-dev", "gold", "found", "right", "precision", "recall", "kind")
	row := func(name string, f AttribFigures) {
		kind := 0.0
		if f.Right > 0 {
			kind = float64(f.KindOK) / float64(f.Right)
		}
		fmt.Fprintf(w, "%-20s %4d %6d %6d %9.3f %7.3f %6.3f\n", name, f.Gold, f.Found, f.Right, f.Precision(), f.Recall(), kind)
	}
	row("all", r.All)
	row("tuning", r.Tuning)
	row("validation", r.Validation)
	for _, c := range attribCues {
		row("cue "+c, r.Cues[c])
	}
}

// WriteMisses prints each gold statement missed or also given to a wrong
// speaker, with what was found.
func (r AttribReport) WriteMisses(w io.Writer) {
	for _, m := range r.Misses {
		var got []string
		for _, s := range m.Found {
			got = append(got, fmt.Sprintf("%s (%s) %q", s.Name, s.Kind, clip(s.Quote, 60)))
		}
		if m.Note != "" {
			got = append(got, m.Note)
		}
		fmt.Fprintf(w, "%s %s [%s] want %q %q\n    got: %s\n", m.Case.ID, splitOf(m.Case.ArticleURL), m.Case.Cue, m.Case.Speaker, clip(m.Case.Quote, 60), strings.Join(got, "; "))
	}
}

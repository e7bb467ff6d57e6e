package quotes

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"storybot/article"
	"storybot/evaluate"
	"storybot/internal/sharedtest"
)

// goldQuote is one line of ../shared/eval/attrib-dev.jsonl: who said a
// quote in a paragraph of a web article.
type goldQuote struct {
	URL     string `json:"article_url"`
	Quote   string `json:"quote"`
	Speaker string `json:"speaker"`
}

// TestQuotesAgainstAttributionGold asks /quotes for every speaker of the
// attribution gold set over the gold set's 69 web articles, and checks
// each returned quote that is a gold quote against the gold speaker: the
// share that are truly the speaker's (no statement by anyone else) and the
// share of the speakers' gold quotes found. The floors are today's
// figures; attribution improving raises them. Three gold quotes are a
// newspaper's words in a press review, given to the newspaper; since news
// outlets cited as sources are no one (attrib.Version 21) they are not
// found.
func TestQuotesAgainstAttributionGold(t *testing.T) {
	const precisionFloor, recallFloor = 1.0, 132.0 / 200
	gold := readGold(t)
	c, err := evaluate.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.AddArticles(context.Background(), goldArticles(t, gold)); err != nil {
		t.Fatal(err)
	}
	f := New(c.Index)
	speakers := map[string]bool{}
	for _, g := range gold {
		speakers[g.Speaker] = true
	}
	right, wrong, found := 0, 0, map[int]bool{}
	for s := range speakers {
		r, err := f.Find(context.Background(), Request{Speaker: s})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range r.Stories {
			for _, q := range st.Quotes {
				for i, g := range gold {
					if !sameArticle(st.URL, g.URL) || !overlaps(q.Text, g.Quote) {
						continue
					}
					if samePerson(s, g.Speaker) {
						right++
						found[i] = true
					} else {
						wrong++
						t.Logf("quotes %q returned %q, said by %s", s, q.Text, g.Speaker)
					}
				}
			}
		}
	}
	precision := float64(right) / float64(max(1, right+wrong))
	recall := float64(len(found)) / float64(len(gold))
	t.Logf("precision %.3f (%d of %d gold quotes returned are the speaker's), recall %.3f (%d of %d)",
		precision, right, right+wrong, recall, len(found), len(gold))
	if precision < precisionFloor || recall < recallFloor {
		t.Errorf("precision %.3f, recall %.3f; want at least %.3f and %.3f", precision, recall, precisionFloor, recallFloor)
	}
}

func readGold(t *testing.T) []goldQuote {
	t.Helper()
	b, err := os.ReadFile(sharedtest.Path(t, "eval", "attrib-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out []goldQuote
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var g goldQuote
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
	return out
}

// goldArticles reads the gold set's articles from the web quiz set.
func goldArticles(t *testing.T, gold []goldQuote) []article.Article {
	t.Helper()
	want := map[string]bool{}
	for _, g := range gold {
		want[g.URL] = true
	}
	f, err := os.Open(sharedtest.Path(t, "eval", "news-quiz-web-2023.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 64<<20)
	var out []article.Article
	for sc.Scan() {
		var line struct {
			Gold []struct{ URL, Title, Published, Text string } `json:"gold_articles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		for _, g := range line.Gold {
			if !want[g.URL] {
				continue
			}
			want[g.URL] = false
			u, _ := url.Parse(g.URL)
			a := article.Article{URL: g.URL, Source: "web", Outlet: u.Hostname(), Title: g.Title}
			a.Published, _ = time.Parse("2006/01/02", g.Published)
			for _, p := range strings.Split(g.Text, "\n") {
				if p = strings.TrimSpace(p); p != "" {
					a.Paragraphs = append(a.Paragraphs, p)
				}
			}
			out = append(out, a)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func sameArticle(a, b string) bool {
	ca, _ := article.CanonicalURL(a)
	cb, _ := article.CanonicalURL(b)
	return ca == cb
}

// overlaps reports whether a returned quote and a gold quote are the same
// words, one holding the other once quotation marks and case are set aside.
func overlaps(a, b string) bool {
	norm := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !strings.ContainsRune("abcdefghijklmnopqrstuvwxyz0123456789'", r)
		}), " ")
	}
	a, b = norm(a), norm(b)
	if len(a) < 12 || len(b) < 12 {
		return a == b
	}
	return strings.Contains(a, b) || strings.Contains(b, a) || strings.Contains(b, a[:len(a)/2]) || strings.Contains(a, b[:len(b)/2])
}

// samePerson reports whether two names are one speaker's by /quotes' own
// folding.
func samePerson(a, b string) bool {
	wa, wb := words(a), words(b)
	return len(wa) > 0 && len(wb) > 0 && (subset(wa, wb) || subset(wb, wa))
}

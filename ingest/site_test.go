package ingest

import (
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is a loopback news site: a feed and its article pages, with hit
// counts, switchable failures and optional conditional GET.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	pages    map[string]string // path → HTML
	status   map[string]int    // path → forced status
	feed     []feedItem
	etag     string // when set, the feed carries it and honours If-None-Match
	hits     map[string]int
	notModed int
}

// feedItem is one item of the site's RSS feed.
type feedItem struct {
	Path, GUID, Title, Content string
	Published                  time.Time
}

func newSite(t *testing.T) *site {
	s := &site{pages: map[string]string{}, status: map[string]int{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.Path]++
	if code := s.status[r.URL.Path]; code != 0 {
		http.Error(w, "forced failure", code)
		return
	}
	if r.URL.Path == "/feed.xml" {
		if s.etag != "" {
			if r.Header.Get("If-None-Match") == s.etag {
				s.notModed++
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", s.etag)
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, s.rss())
		return
	}
	page, ok := s.pages[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, page)
}

func (s *site) rss() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Loopback News</title><link>` + s.URL + `/</link>`)
	for _, it := range s.feed {
		fmt.Fprintf(&b, "\n<item><title>%s</title><link>%s%s</link><guid>%s</guid>", html.EscapeString(it.Title), s.URL, it.Path, html.EscapeString(it.GUID))
		if !it.Published.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.Published.Format(time.RFC1123Z))
		}
		if it.Content != "" {
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>", it.Content)
		}
		b.WriteString("</item>")
	}
	b.WriteString("\n</channel></rss>")
	return b.String()
}

// set changes the site under its lock.
func (s *site) set(fn func(s *site)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s)
}

// hit returns how often path was requested.
func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// pageHits sums the hits on article pages.
func (s *site) pageHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, h := range s.hits {
		if strings.HasPrefix(p, "/news/") {
			n += h
		}
	}
	return n
}

// addArticle adds an article page at /news/{slug} and its feed item.
func (s *site) addArticle(slug, title string, paras []string, published time.Time) {
	s.set(func(s *site) {
		path := "/news/" + slug
		s.pages[path] = articlePage(title, paras)
		s.feed = append(s.feed, feedItem{Path: path, GUID: "guid-" + slug, Title: title, Published: published})
	})
}

// articlePage renders a plain news page with navigation and a footer.
func articlePage(title string, paras []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title></head><body>"+
		"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav><article><h1>%s</h1>\n",
		html.EscapeString(title), html.EscapeString(title))
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString("</article><footer>Loopback News, 1 Test Street</footer></body></html>")
	return b.String()
}

var (
	vocabNames  = []string{"Ada Moor", "Bela Ruiz", "Cato Lind", "Dara Voss", "Eli Park", "Fen Osei", "Gus Hale", "Hana Ito"}
	vocabPlaces = []string{"the harbour", "the old mill", "the north bank", "the county hall", "the rail depot", "the market square"}
	vocabNouns  = []string{"budget", "bridge", "school", "clinic", "ferry", "library", "tram line", "housing plan", "flood wall", "park"}
	vocabVerbs  = []string{"approved", "delayed", "criticised", "funded", "inspected", "reopened", "rejected", "expanded"}
)

// story makes n paragraphs of distinct news prose for article k: the same
// k always gives the same text, different k different text.
func story(k, n int) []string {
	r := rand.New(rand.NewPCG(uint64(k), 7))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	out := make([]string, n)
	for i := range out {
		var sents []string
		for j := range 3 {
			sents = append(sents, fmt.Sprintf("%s said the council %s the %s near %s on day %d of item %d, part %d.",
				pick(vocabNames), pick(vocabVerbs), pick(vocabNouns), pick(vocabPlaces), r.IntN(300), k, i*3+j))
		}
		out[i] = strings.Join(sents, " ")
	}
	return out
}

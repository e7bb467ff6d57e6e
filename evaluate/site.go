package evaluate

import (
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Site serves web articles on loopback as a news site would: one HTML page
// per article and one RSS feed per outlet linking to them, so they enter
// storybot through its real feed reader, fetcher and extractor.
type Site struct {
	srv     *httptest.Server
	pages   []WebArticle
	outlets map[string][]int // outlet host → page numbers
	local   map[string]string
}

// outletNames are the names the set's outlets give themselves
// (og:site_name); an outlet not listed is named by its host.
var outletNames = map[string]string{"usatoday.com": "USA TODAY", "cnn.com": "CNN", "theweek.co.uk": "The Week"}

// NewSite starts serving as on 127.0.0.1.
func NewSite(as []WebArticle) *Site {
	s := &Site{pages: as, outlets: map[string][]int{}, local: map[string]string{}}
	for i, a := range as {
		h := outletHost(a.URL)
		s.outlets[h] = append(s.outlets[h], i)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /a/{n}", s.page)
	mux.HandleFunc("GET /feed/{host}", s.feed)
	s.srv = httptest.NewUnstartedServer(mux)
	if l, err := net.Listen("tcp", siteAddr); err == nil {
		s.srv.Listener.Close()
		s.srv.Listener = l
	}
	s.srv.Start()
	for i, a := range as {
		s.local[a.URL] = s.pageURL(i)
	}
	return s
}

// siteAddr is where a Site listens when it can. Article IDs derive from
// URLs, and equal scores are ordered by ID, so a fixed address makes every
// build of a corpus answer alike, down to which of two equal passages is
// cited first. When the port is taken any free one serves, and a figure
// may move by a tie.
const siteAddr = "127.0.0.1:38517"

// Close stops serving.
func (s *Site) Close() { s.srv.Close() }

// Feeds returns each outlet's feed URL, keyed by the outlet's host.
func (s *Site) Feeds() map[string]string {
	out := map[string]string{}
	for h := range s.outlets {
		out[h] = s.srv.URL + "/feed/" + h
	}
	return out
}

// LocalURL returns the loopback URL serving the article first published at
// original, or "" when the site has none.
func (s *Site) LocalURL(original string) string { return s.local[original] }

func (s *Site) pageURL(i int) string { return s.srv.URL + "/a/" + strconv.Itoa(i) }

func (s *Site) page(w http.ResponseWriter, r *http.Request) {
	i, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || i < 0 || i >= len(s.pages) {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, webPage(s.pages[i]))
}

func (s *Site) feed(w http.ResponseWriter, r *http.Request) {
	h := r.PathValue("host")
	ids, ok := s.outlets[h]
	if !ok {
		http.NotFound(w, r)
		return
	}
	ids = append([]int(nil), ids...)
	sort.SliceStable(ids, func(a, b int) bool { return s.pages[ids[a]].Published > s.pages[ids[b]].Published })
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<rss version="2.0"><channel><title>%s</title><link>https://%s/</link><description>News from %s</description>`+"\n",
		html.EscapeString(outletName(h)), h, html.EscapeString(outletName(h)))
	for _, i := range ids {
		a := s.pages[i]
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid>", html.EscapeString(a.Title), s.pageURL(i), s.pageURL(i))
		if t, ok := published(a); ok {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", t.Format(time.RFC1123Z))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	fmt.Fprint(w, b.String())
}

// webPage renders a as a news page: head metadata, site chrome and the
// article's paragraphs.
func webPage(a WebArticle) string {
	esc := html.EscapeString
	site := outletName(outletHost(a.URL))
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | %s</title>\n", esc(a.Title), esc(site))
	fmt.Fprintf(&b, "<meta property=\"og:title\" content=\"%s\"><meta property=\"og:site_name\" content=\"%s\">\n", esc(a.Title), esc(site))
	if len(a.Authors) > 0 {
		fmt.Fprintf(&b, "<meta name=\"author\" content=\"%s\">\n", esc(strings.Join(a.Authors, ", ")))
	}
	if t, ok := published(a); ok {
		fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", t.Format(time.RFC3339))
	}
	fmt.Fprintf(&b, "</head><body><header><nav><a href=\"/\">%s</a> <a href=\"/news\">News</a> <a href=\"/sports\">Sports</a></nav></header>\n", esc(site))
	fmt.Fprintf(&b, "<main><article><h1>%s</h1>\n", esc(a.Title))
	if len(a.Authors) > 0 {
		fmt.Fprintf(&b, "<p class=\"byline\">By %s</p>\n", esc(strings.Join(a.Authors, ", ")))
	}
	for _, p := range paragraphs(a.Text) {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
	}
	fmt.Fprintf(&b, "</article></main><footer><p>© %s</p></footer></body></html>\n", esc(site))
	return b.String()
}

// outletHost is the host of an article's URL without "www.".
func outletHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "unknown"
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

func outletName(host string) string {
	if n, ok := outletNames[host]; ok {
		return n
	}
	return host
}

// published reads an article's YYYY/MM/DD date as noon UTC that day.
func published(a WebArticle) (time.Time, bool) {
	t, err := time.Parse("2006/01/02", a.Published)
	if err != nil {
		return time.Time{}, false
	}
	return t.Add(12 * time.Hour), true
}

package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"storybot/article"
	"storybot/fetch"
)

// hostile serves one misbehaving endpoint per path and counts hits.
type hostile struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

const (
	hostileMaxBytes = 1 << 20
	hostileTimeout  = 1500 * time.Millisecond
)

func newHostile(t *testing.T) *hostile {
	h := &hostile{hits: map[string]int{}}
	bomb := gzipZeros(t, 256<<20)
	if len(bomb) >= hostileMaxBytes {
		t.Fatalf("gzip bomb is %d bytes compressed, want it under the %d byte limit", len(bomb), hostileMaxBytes)
	}
	mux := http.NewServeMux()
	handle := func(path string, fn http.HandlerFunc) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			h.mu.Lock()
			h.hits[r.URL.RequestURI()]++
			h.mu.Unlock()
			fn(w, r)
		})
	}
	handle("/404", http.NotFound)
	handle("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		for i := 0; ; i++ {
			if _, err := w.Write([]byte{"<rss>"[i%5]}); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(time.Second):
			case <-r.Context().Done():
				return
			}
		}
	})
	handle("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	handle("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	handle("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`))
		chunk := bytes.Repeat([]byte("never ending "), 1000)
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	handle("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	handle("/laughs", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, billionLaughs()) })
	handle("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		b := make([]byte, 4096)
		for i := range b {
			b[i] = byte(i * 7919 >> 3)
		}
		w.Write(b)
	})
	handle("/empty", func(w http.ResponseWriter, r *http.Request) {})
	handle("/html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome to our site.</p></body></html>")
	})
	h.Server = httptest.NewServer(mux)
	t.Cleanup(h.Close)
	return h
}

func (h *hostile) hit(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hits[path]
}

// gzipZeros returns a gzip stream that inflates to n zero bytes (n a
// multiple of 1 MiB): one compressed MiB repeated as gzip members, which a
// reader reads as one stream.
func gzipZeros(t *testing.T, n int) []byte {
	t.Helper()
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	if _, err := zw.Write(make([]byte, 1<<20)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return bytes.Repeat(member.Bytes(), n>>20)
}

// billionLaughs is an RSS document whose DOCTYPE nests entities that would
// expand to about 3 GB.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>` + "\n" + `<!DOCTYPE rss [<!ENTITY lol "lol">`)
	prev := "lol"
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, `<!ENTITY lol%d "%s">`, i, strings.Repeat("&"+prev+";", 10))
		prev = fmt.Sprintf("lol%d", i)
	}
	b.WriteString(`]><rss version="2.0"><channel><title>&lol9;</title>` +
		`<item><title>laughs &lol9;</title><guid>1</guid><description>&lol9;</description></item></channel></rss>`)
	return b.String()
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// TestBadSources runs every kind of bad source in one Run beside a good
// feed: each bad one fails with its own clear error, the good one is
// stored, and an article stored before the run is still there and indexed.
func TestBadSources(t *testing.T) {
	h := newHostile(t)
	good := newSite(t)
	good.addArticle("fine", "A Fine Story", story(40, 3), past)
	e := newEnv(t, fetch.Options{Timeout: hostileTimeout, MaxBytes: hostileMaxBytes}, Options{Retries: 2, Concurrency: 4})

	ctx := context.Background()
	kept := article.Article{URL: "https://kept.example/story", Source: "earlier", Title: "Stored Before The Run",
		Paragraphs: story(41, 3)}
	if s := e.in.saveMany(ctx, []article.Article{kept}); s.New != 1 {
		t.Fatalf("storing the earlier article: %+v", s)
	}

	tests := []struct {
		name, path string
		kind       Kind
		want       string // in the source's LastError
		hits       int    // server hits; 0 means not checked
	}{
		{"unreachable", "", KindFeed, "connection refused", 0},
		{"not found", "/404", KindFeed, "status 404", 1},
		{"server error retried", "/500", KindFeed, "status 500", 3},
		{"one byte a second", "/slow", KindFeed, "timed out", 3},
		{"redirect loop", "/loop-a", KindFeed, "redirect loop", 1},
		{"endless body", "/endless", KindFeed, "exceeds size limit", 1},
		{"gzip bomb", "/bomb", KindFeed, "exceeds size limit", 1},
		{"billion laughs", "/laughs", KindFeed, "no link", 1}, // entities left unexpanded: an item with no link
		{"binary body", "/binary", KindFeed, "binary data", 1},
		{"empty body", "/empty", KindFeed, "empty body", 1},
		{"html where a feed was expected", "/html", KindFeed, "HTML page", 1},
		{"binary page", "/binary?as=page", KindPage, "binary content", 1},
		{"empty page", "/empty?as=page", KindPage, "no article text", 1},
	}
	sources := []Source{feedSource(good)}
	for _, tt := range tests {
		target := h.URL + tt.path
		if tt.path == "" {
			target = "http://" + closedPort(t) + "/feed.xml"
		}
		sources = append(sources, Source{Name: tt.name, Kind: tt.kind, Target: target})
	}
	sum := e.run(t, sources...)

	if sum.New != 1 {
		t.Errorf("got %s, want the good feed's 1 new article", sum)
	}
	if sum.Failed < len(tests) {
		t.Errorf("got %d failed, want at least %d", sum.Failed, len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := e.store.SourceState(ctx, tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if st.LastError == "" || !strings.Contains(st.LastError, tt.want) {
				t.Errorf("got last error %q, want one containing %q", st.LastError, tt.want)
			}
			if st.ConsecutiveFailures != 1 {
				t.Errorf("got %d consecutive failures, want 1", st.ConsecutiveFailures)
			}
			if tt.hits > 0 {
				if got := h.hit(tt.path); got != tt.hits {
					t.Errorf("got %d hits on %s, want %d", got, tt.path, tt.hits)
				}
			}
			t.Logf("error: %s", st.LastError)
		})
	}
	if _, err := e.store.ArticleByURL(ctx, kept.URL); err != nil {
		t.Errorf("article stored before the run: %v", err)
	}
	if _, err := e.store.ArticleByURL(ctx, good.URL+"/news/fine"); err != nil {
		t.Errorf("good feed's article: %v", err)
	}
	if n := e.articles(t); n != 2 {
		t.Errorf("got %d articles, want 2 (the earlier one and the good feed's)", n)
	}
	checkConsistent(t, e)
}

// TestOversizedBodiesStayBounded checks that a gzip bomb and an endless body
// cost memory on the order of the size limit, not of what they would send.
func TestOversizedBodiesStayBounded(t *testing.T) {
	h := newHostile(t)
	e := newEnv(t, fetch.Options{Timeout: 10 * time.Second, MaxBytes: hostileMaxBytes}, Options{})
	for _, path := range []string{"/bomb", "/endless"} {
		t.Run(path, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			sum := e.run(t, Source{Name: path, Kind: KindFeed, Target: h.URL + path})
			runtime.ReadMemStats(&after)
			if sum.Failed != 1 {
				t.Errorf("got %s, want 1 failed", sum)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
				t.Errorf("got %d MiB allocated, want under 32 MiB for a %d MiB limit", alloc>>20, hostileMaxBytes>>20)
			}
		})
	}
}

// TestFeedOfTenThousandItems serves a feed with 10,000 items, GUIDs
// repeating and dates invalid: the run stores what it can, fetches no more
// pages than PagesPerFeed, and stays within bounded memory.
func TestFeedOfTenThousandItems(t *testing.T) {
	s := newSite(t)
	s.set(func(s *site) {
		for i := range 10000 {
			k := i % 2500
			path := fmt.Sprintf("/news/bulk-%d", k)
			s.pages[path] = articlePage(fmt.Sprintf("Bulk Story %d", k), story(5000+k, 2))
			s.feed = append(s.feed, feedItem{Path: path, GUID: fmt.Sprintf("g-%d", k%1000), Title: fmt.Sprintf("Bulk %d", i)})
		}
	})
	// Invalid dates: gofeed leaves Published zero; serve them as text.
	invalid := strings.NewReplacer("</guid>", "</guid><pubDate>the 32nd of Smarch</pubDate>")
	s.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			s.mu.Lock()
			body := s.rss()
			s.mu.Unlock()
			fmt.Fprint(w, invalid.Replace(body))
			return
		}
		s.serve(w, r)
	})
	const pages = 40
	e := newEnv(t, fetch.Options{MaxBytes: 16 << 20}, Options{PagesPerFeed: pages})
	var sum Summary
	peak := peakHeap(func() { sum = e.run(t, feedSource(s)) })
	if sum.New != pages || sum.Failed != 0 {
		t.Errorf("got %s %v, want %d new", sum, sum.Errors, pages)
	}
	if h := s.pageHits(); h != pages {
		t.Errorf("got %d page fetches, want %d (PagesPerFeed)", h, pages)
	}
	t.Logf("peak heap growth %d MiB", peak>>20)
	if peak > 64<<20 {
		t.Errorf("got the heap growing by %d MiB, want under 64 MiB", peak>>20)
	}
	checkConsistent(t, e)
}

// peakHeap runs fn and returns how far the live heap grew above where it
// stood before, sampled every millisecond.
func peakHeap(fn func()) uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	base, peak := m.HeapAlloc, m.HeapAlloc
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	<-sampled
	return peak - base
}

// TestNonUTF8Feed serves a Latin-1 feed with no encoding declared.
func TestNonUTF8Feed(t *testing.T) {
	s := newSite(t)
	s.addArticle("cafe", "placeholder", story(60, 2), past)
	latin1 := []byte("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf\xe9 News</title>" +
		"<item><title>Caf\xe9 prices reach \xa35</title><link>" + s.URL + "/news/cafe</link><guid>cafe</guid></item></channel></rss>")
	s.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(latin1)
			return
		}
		s.serve(w, r)
	})
	e := newEnv(t, fetch.Options{}, Options{})
	sum := e.run(t, feedSource(s))
	if sum.New != 1 {
		t.Fatalf("got %s %v, want 1 new", sum, sum.Errors)
	}
	a, err := e.store.ArticleByURL(context.Background(), s.URL+"/news/cafe")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café prices reach £5" {
		t.Errorf("got title %q, want %q", a.Title, "Café prices reach £5")
	}
}

func TestGzipZerosInflates(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(gzipZeros(t, 8<<20)))
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil || n != 8<<20 {
		t.Errorf("got %d bytes (%v), want %d", n, err, 8<<20)
	}
}

package ingest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"storybot/fetch"
)

// TestAutoAndPageSources reads a command-line URL as a feed when it parses
// as one and as a page otherwise; a configured page is always a page.
func TestAutoAndPageSources(t *testing.T) {
	s := newSite(t)
	s.addArticle("one", "Auto Feed Story", story(90, 3), past)
	s.set(func(s *site) { s.pages["/standalone"] = articlePage("A Standalone Page", story(91, 3)) })
	e := newEnv(t, fetch.Options{}, Options{})
	sum := e.run(t,
		Source{Name: "auto-feed", Kind: KindAuto, Target: s.URL + "/feed.xml"},
		Source{Name: "auto-page", Kind: KindAuto, Target: s.URL + "/standalone"},
		Source{Name: "page", Kind: KindPage, Target: s.URL + "/news/one"})
	if sum.New != 2 || sum.Unchanged+sum.Duplicate != 1 || sum.Failed != 0 {
		t.Fatalf("got %s %v, want 2 new and the feed's page seen twice", sum, sum.Errors)
	}
	ctx := context.Background()
	a, err := e.store.ArticleByURL(ctx, s.URL+"/standalone")
	if err != nil || a.Title != "A Standalone Page" || a.Source != "auto-page" {
		t.Errorf("got %q from %q (%v), want the standalone page from auto-page", a.Title, a.Source, err)
	}
	if _, err := e.store.ArticleByURL(ctx, s.URL+"/news/one"); err != nil {
		t.Errorf("feed item: %v", err)
	}
	checkConsistent(t, e)
}

// TestConfiguredFeedThatIsAPage fails a configured feed that serves a page,
// rather than storing the page.
func TestConfiguredFeedThatIsAPage(t *testing.T) {
	s := newSite(t)
	s.set(func(s *site) { s.pages["/standalone"] = articlePage("Not A Feed", story(92, 3)) })
	e := newEnv(t, fetch.Options{}, Options{})
	sum := e.run(t, Source{Name: "feed", Kind: KindFeed, Target: s.URL + "/standalone"})
	if sum.Failed != 1 || sum.New != 0 || len(sum.Errors) != 1 {
		t.Fatalf("got %s, want 1 failed", sum)
	}
	var se *SourceError
	if !errors.As(sum.Errors[0], &se) || se.Source != "feed" || !strings.Contains(se.Error(), "HTML page") {
		t.Errorf("got %v, want a SourceError for feed saying it is an HTML page", sum.Errors[0])
	}
}

// tally is a Progress that adds up what it hears.
type tally struct {
	mu         sync.Mutex
	grown, did int
}

func (p *tally) Grow(n int) { p.mu.Lock(); p.grown += n; p.mu.Unlock() }
func (p *tally) Done(n int) { p.mu.Lock(); p.did += n; p.mu.Unlock() }

func TestProgressBalances(t *testing.T) {
	s := newSite(t)
	for k := range 30 {
		s.addArticle(strings.Repeat("x", k+1), "Progress", story(200+k, 2), past.Add(time.Duration(k)*time.Second))
	}
	s.set(func(s *site) { s.status["/news/xxx"] = 404 })
	dir := copyFiles(t, map[string]string{"a.txt": "testdata/parse/crlf.txt", "b.txt": "testdata/parse/empty.txt"})
	e := newEnv(t, fetch.Options{}, Options{})
	p := &tally{}
	sum := e.in.Run(context.Background(), []Source{feedSource(s), {Name: "dir", Kind: KindPath, Target: dir}}, p)
	if sum.Failed != 2 {
		t.Errorf("got %s, want 2 failed (the 404 page, the empty file)", sum)
	}
	if p.grown != 32 || p.did != 32 {
		t.Errorf("got %d grown and %d done, want 32 and 32", p.grown, p.did)
	}
}

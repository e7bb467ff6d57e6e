package ingest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"storybot/fetch"
)

var past = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func feedSource(s *site) Source {
	return Source{Name: "loopback", Kind: KindFeed, Target: s.URL + "/feed.xml"}
}

func TestFeedPagesFetchedAndExtracted(t *testing.T) {
	s := newSite(t)
	for k := range 3 {
		s.addArticle(fmt.Sprintf("story-%d", k), fmt.Sprintf("Council Story Number %d", k), story(k, 4), past.Add(time.Duration(k)*time.Hour))
	}
	e := newEnv(t, fetch.Options{}, Options{})
	sum := e.run(t, feedSource(s))
	if sum.New != 3 || sum.Failed != 0 {
		t.Fatalf("got %s %v, want 3 new", sum, sum.Errors)
	}
	for k := range 3 {
		path := fmt.Sprintf("/news/story-%d", k)
		if h := s.hit(path); h != 1 {
			t.Errorf("%s: got %d hits, want 1", path, h)
		}
		a, err := e.store.ArticleByURL(context.Background(), s.URL+path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		want := story(k, 4)
		if strings.Join(a.Paragraphs, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: got paragraphs %q, want the page's %q", path, a.Paragraphs, want)
		}
		if a.Source != "loopback" || !a.Published.Equal(past.Add(time.Duration(k)*time.Hour)) {
			t.Errorf("%s: got source %q published %v, want loopback and the feed's date", path, a.Source, a.Published)
		}
	}
	checkConsistent(t, e)
}

func TestFeedPageFailureFallsBackToFeedText(t *testing.T) {
	s := newSite(t)
	s.addArticle("ok", "A Page That Works", story(1, 3), past)
	s.addArticle("broken", "A Page That Fails", story(2, 3), past.Add(time.Hour))
	s.set(func(s *site) {
		s.status["/news/broken"] = 500
		s.feed[1].Content = "<p>The feed carries its own copy of the story, which the council approved on Monday.</p>" +
			"<p>A second paragraph from the feed says the work starts in June.</p>"
	})
	e := newEnv(t, fetch.Options{}, Options{Retries: 1})
	sum := e.run(t, feedSource(s))
	if sum.New != 2 || sum.Failed != 0 {
		t.Fatalf("got %s %v, want 2 new and no failure", sum, sum.Errors)
	}
	if h := s.hit("/news/broken"); h != 2 {
		t.Errorf("got %d hits on the failing page, want 2 (1 + Retries)", h)
	}
	a, err := e.store.ArticleByURL(context.Background(), s.URL+"/news/broken")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"The feed carries its own copy of the story, which the council approved on Monday.",
		"A second paragraph from the feed says the work starts in June."}
	if strings.Join(a.Paragraphs, "\n") != strings.Join(want, "\n") || a.Title != "A Page That Fails" {
		t.Errorf("got %q %q, want the feed's title and text %q", a.Title, a.Paragraphs, want)
	}
	checkConsistent(t, e)
}

func TestFeedPageFailureWithoutFeedText(t *testing.T) {
	s := newSite(t)
	s.addArticle("gone", "Page Gone", story(3, 3), past)
	s.set(func(s *site) { s.status["/news/gone"] = 404 })
	e := newEnv(t, fetch.Options{}, Options{Retries: 3})
	sum := e.run(t, feedSource(s))
	if sum.Failed != 1 || sum.New != 0 || len(sum.Errors) != 1 {
		t.Fatalf("got %s %v, want 1 failed", sum, sum.Errors)
	}
	if msg := sum.Errors[0].Error(); !strings.Contains(msg, "404") || !strings.Contains(msg, "/news/gone") {
		t.Errorf("got %q, want the URL and the 404", msg)
	}
	if h := s.hit("/news/gone"); h != 1 {
		t.Errorf("got %d hits, want 1: a 404 is not retried", h)
	}
}

func TestFeedConditionalGet(t *testing.T) {
	s := newSite(t)
	for k := range 4 {
		s.addArticle(fmt.Sprintf("c-%d", k), fmt.Sprintf("Conditional %d", k), story(10+k, 3), past)
	}
	s.set(func(s *site) { s.etag = `"v1"` })
	e := newEnv(t, fetch.Options{}, Options{})
	first := e.run(t, feedSource(s))
	if first.New != 4 {
		t.Fatalf("first run: got %s %v, want 4 new", first, first.Errors)
	}
	before, pages, arts := e.count(t), s.pageHits(), e.articles(t)
	second := e.run(t, feedSource(s))
	if second.New+second.Updated+second.Unchanged+second.Duplicate+second.Failed != 0 {
		t.Errorf("second run: got %s, want nothing done after a 304", second)
	}
	s.mu.Lock()
	notModified := s.notModed
	s.mu.Unlock()
	if notModified != 1 {
		t.Errorf("got %d 304 answers, want 1", notModified)
	}
	if s.pageHits() != pages || e.count(t) != before || e.articles(t) != arts {
		t.Errorf("second run: got %d page hits, %d passages, %d articles; want %d, %d, %d",
			s.pageHits(), e.count(t), e.articles(t), pages, before, arts)
	}
	st, err := e.store.SourceState(context.Background(), "loopback")
	if err != nil || st.ETag != `"v1"` || st.LastError != "" {
		t.Errorf("got state %+v (%v), want the ETag kept and no error", st, err)
	}
}

func TestFeedOfHundredsOfPages(t *testing.T) {
	const n = 300
	s := newSite(t)
	for k := range n {
		s.addArticle(fmt.Sprintf("p-%03d", k), fmt.Sprintf("Loopback Report %d", k), story(1000+k, 3+k%4), past.Add(time.Duration(k)*time.Minute))
	}
	e := newEnv(t, fetch.Options{}, Options{PagesPerFeed: 1000})
	first := e.run(t, feedSource(s))
	if first.New != n || first.Failed != 0 {
		t.Fatalf("first run: got %s %v, want %d new", first, first.Errors, n)
	}
	before := e.count(t)
	if first.Passages != int(before) {
		t.Errorf("first run: got %d passages reported, %d indexed; want them equal", first.Passages, before)
	}
	second := e.run(t, feedSource(s))
	if second.Unchanged != n || second.New+second.Updated+second.Duplicate+second.Failed+second.Passages != 0 {
		t.Errorf("second run: got %s, want %d unchanged and nothing else", second, n)
	}
	if after := e.count(t); after != before {
		t.Errorf("second run: got %d passages, want %d: no document added", after, before)
	}
	if h := s.pageHits(); h != n {
		t.Errorf("got %d page fetches over two runs, want %d: unchanged items are not fetched again", h, n)
	}
	checkConsistent(t, e)
}

func TestFeedArticleUpdatedNotDuplicated(t *testing.T) {
	s := newSite(t)
	s.addArticle("changing", "Changing Story", story(20, 2), past)
	s.addArticle("steady", "Steady Story", story(21, 3), past)
	e := newEnv(t, fetch.Options{}, Options{})
	if first := e.run(t, feedSource(s)); first.New != 2 {
		t.Fatalf("first run: got %s %v, want 2 new", first, first.Errors)
	}
	ctx := context.Background()
	old, err := e.store.ArticleByURL(ctx, s.URL+"/news/changing")
	if err != nil {
		t.Fatal(err)
	}
	s.set(func(s *site) {
		s.pages["/news/changing"] = articlePage("Changing Story", story(22, 7))
		s.feed[0].Published = time.Now().Add(time.Hour)
	})
	second := e.run(t, feedSource(s))
	if second.Updated != 1 || second.Unchanged != 1 || second.New != 0 {
		t.Fatalf("second run: got %s %v, want 1 updated and 1 unchanged", second, second.Errors)
	}
	now, err := e.store.ArticleByURL(ctx, s.URL+"/news/changing")
	if err != nil {
		t.Fatal(err)
	}
	steady, err := e.store.ArticleByURL(ctx, s.URL+"/news/steady")
	if err != nil {
		t.Fatal(err)
	}
	if now.ID != old.ID || len(now.Paragraphs) != 7 {
		t.Errorf("got id %s with %d paragraphs, want id %s kept and the 7 new paragraphs", now.ID, len(now.Paragraphs), old.ID)
	}
	if e.articles(t) != 2 {
		t.Errorf("got %d articles, want 2", e.articles(t))
	}
	oldN, newN := len(Passages(old)), len(Passages(now))
	if oldN == newN {
		t.Fatalf("test needs a different passage count, got %d both times", oldN)
	}
	if got, want := e.count(t), uint64(newN+len(Passages(steady))); got != want {
		t.Errorf("got %d passages, want %d (%d of the new version, none of the old %d)", got, want, newN, oldN)
	}
}

func TestFeedSameBodyTwoURLs(t *testing.T) {
	s := newSite(t)
	body := story(30, 4)
	s.addArticle("original", "Wire Story", body, past)
	s.addArticle("syndicated", "Wire Story As Republished", body, past.Add(time.Hour))
	e := newEnv(t, fetch.Options{}, Options{})
	sum := e.run(t, feedSource(s))
	if sum.New != 1 || sum.Duplicate != 1 {
		t.Fatalf("got %s %v, want 1 new and 1 duplicate", sum, sum.Errors)
	}
	if e.articles(t) != 1 {
		t.Errorf("got %d articles, want 1", e.articles(t))
	}
	ctx := context.Background()
	a, errA := e.store.ArticleByURL(ctx, s.URL+"/news/original")
	b, errB := e.store.ArticleByURL(ctx, s.URL+"/news/syndicated")
	if errA != nil || errB != nil || a.ID != b.ID {
		t.Errorf("got ids %s (%v) and %s (%v), want one article under both URLs", a.ID, errA, b.ID, errB)
	}
	if got, want := e.count(t), uint64(len(Passages(a))); got != want {
		t.Errorf("got %d passages, want %d: indexed once", got, want)
	}
}

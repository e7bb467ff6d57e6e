package ingest

import (
	"context"
	"strings"
	"testing"

	"storybot/fetch"
	"storybot/index"
)

// TestOutletNames checks the name citations show for each kind of source:
// the page's og:site_name, else the feed's title, unless the source sets a
// display name; the configured source name is kept for filters and health.
func TestOutletNames(t *testing.T) {
	s := newSite(t)
	s.addArticle("plain", "A Page Without A Site Name", story(40, 3), past)
	s.addArticle("named", "A Page With A Site Name", story(41, 3), past)
	s.set(func(s *site) {
		s.pages["/news/named"] = strings.Replace(s.pages["/news/named"], "<head>",
			`<head><meta property="og:site_name" content="The Loopback Herald">`, 1)
	})
	ctx := context.Background()
	outlet := func(e *env, path string) string {
		t.Helper()
		a, err := e.store.ArticleByURL(ctx, s.URL+path)
		if err != nil {
			t.Fatal(err)
		}
		if a.Source != "loopback" {
			t.Errorf("%s: source %q, want the configured name loopback", path, a.Source)
		}
		return a.OutletName()
	}

	e := newEnv(t, fetch.Options{}, Options{})
	e.run(t, feedSource(s))
	if got := outlet(e, "/news/plain"); got != "Loopback News" {
		t.Errorf("feed item without a site name: outlet %q, want the feed's title", got)
	}
	if got := outlet(e, "/news/named"); got != "The Loopback Herald" {
		t.Errorf("feed item with og:site_name: outlet %q, want the page's site name", got)
	}

	e = newEnv(t, fetch.Options{}, Options{})
	e.run(t, Source{Name: "loopback", Kind: KindPage, Target: s.URL + "/news/named"})
	if got := outlet(e, "/news/named"); got != "The Loopback Herald" {
		t.Errorf("page: outlet %q, want its site name", got)
	}

	e = newEnv(t, fetch.Options{}, Options{})
	src := feedSource(s)
	src.Outlet = "Loopback Radio"
	e.run(t, src)
	for _, path := range []string{"/news/plain", "/news/named"} {
		if got := outlet(e, path); got != "Loopback Radio" {
			t.Errorf("%s with a display name: outlet %q, want Loopback Radio", path, got)
		}
	}
	hits, err := e.index.Search(ctx, index.Query{Clauses: []index.Clause{{Text: "council"}}, Source: "Loopback Radio"})
	if err != nil || len(hits) == 0 || hits[0].Passage.OutletName() != "Loopback Radio" {
		t.Errorf("search by outlet: %d hits, %v; want the display name's passages", len(hits), err)
	}
}

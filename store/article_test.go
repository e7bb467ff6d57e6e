package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"storybot/article"
)

// openTemp opens a store in a test directory with a clock that advances a
// second on every read, so stored times are distinct and predictable.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "data", "storybot.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	s.db.NoSync = true // fsync proves nothing here and costs milliseconds a put
	clock := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	s.now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return s
}

// body returns n paragraphs long enough together to count as a body.
func body(seed string, n int) []string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = fmt.Sprintf("%s paragraph %d says something about the council meeting and its vote on the new budget.", seed, i)
	}
	return ps
}

func TestPutArticleStatus(t *testing.T) {
	const url = "https://news.example.com/2025/03/council-vote"
	steps := []struct {
		name       string
		url, title string
		paragraphs []string
		want       PutStatus
		wantURL    string // URL of the returned article
		wantCount  int
	}{
		{"first put is new", url, "Council votes", body("a", 3), New, url, 1},
		{"same content is unchanged", url, "Council votes", body("a", 3), Unchanged, url, 1},
		{"whitespace and case do not change the hash", url + "#top", "council  VOTES", body("a", 3), Unchanged, url, 1},
		{"tracking parameters give the same URL", url + "?utm_source=rss&fbclid=x", "Council votes", body("a", 3), Unchanged, url, 1},
		{"new body is updated", url, "Council votes", body("b", 4), Updated, url, 1},
		{"same body under another URL is a duplicate", "https://wire.example.org/story/991", "Vote passes", body("b", 4), Duplicate, url, 1},
		{"the alias again is a duplicate", "https://wire.example.org/story/991?utm_medium=social", "Vote passes", body("b", 4), Duplicate, url, 1},
		{"the old body under a new URL is new", "https://other.example.net/a", "Council votes", body("a", 3), New, "https://other.example.net/a", 2},
		{"the alias with new content is its own article", "https://wire.example.org/story/991", "Vote passes", body("c", 2), New, "https://wire.example.org/story/991", 3},
		{"short bodies never deduplicate", "https://x.example/1", "Brief", []string{"Read more."}, New, "https://x.example/1", 4},
		{"a second short body is new too", "https://x.example/2", "Brief", []string{"Read more."}, New, "https://x.example/2", 5},
	}
	ctx := context.Background()
	s := openTemp(t)
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			a := article.Article{URL: st.url, Source: "test", Title: st.title, Paragraphs: st.paragraphs}
			got, status, err := s.PutArticle(ctx, a)
			if err != nil {
				t.Fatalf("PutArticle: %v", err)
			}
			if status != st.want {
				t.Errorf("status: got %v, want %v", status, st.want)
			}
			if got.URL != st.wantURL || got.ID != article.IDFor(st.wantURL) {
				t.Errorf("returned article: got %s (%s), want %s (%s)", got.URL, got.ID, st.wantURL, article.IDFor(st.wantURL))
			}
			if got.Hash == "" {
				t.Errorf("returned article has no hash")
			}
			n, err := s.CountArticles(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n != st.wantCount {
				t.Errorf("count: got %d, want %d", n, st.wantCount)
			}
			byURL, err := s.ArticleByURL(ctx, st.url)
			if err != nil {
				t.Fatalf("ArticleByURL(%s): %v", st.url, err)
			}
			if byURL.ID != got.ID {
				t.Errorf("ArticleByURL(%s): got %s, want %s", st.url, byURL.ID, got.ID)
			}
		})
	}
}

func TestPutArticleUpdateKeepsContent(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	pub := time.Date(2025, 2, 28, 9, 0, 0, 0, time.UTC)
	a := article.Article{URL: "https://n.example/x", Title: "One", Published: pub, Paragraphs: body("a", 3)}
	first, _, err := s.PutArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	a.Published, a.Paragraphs = time.Time{}, body("b", 3)
	if _, st, err := s.PutArticle(ctx, a); err != nil || st != Updated {
		t.Fatalf("second put: got %v, %v, want updated", st, err)
	}
	got, err := s.Article(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Paragraphs[0] != a.Paragraphs[0] {
		t.Errorf("paragraph 0: got %q, want %q", got.Paragraphs[0], a.Paragraphs[0])
	}
	if !got.Published.Equal(pub) {
		t.Errorf("published: got %v, want the first put's %v", got.Published, pub)
	}
	if got.Hash == first.Hash {
		t.Errorf("hash did not change on update")
	}
}

func TestPutArticleRejectsEmptyURL(t *testing.T) {
	s := openTemp(t)
	if _, _, err := s.PutArticle(context.Background(), article.Article{Title: "x"}); err == nil {
		t.Errorf("PutArticle with no URL: got nil error, want one")
	}
}

func TestArticlesAddedSince(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var times []time.Time
	for i := range 5 {
		a := article.Article{URL: fmt.Sprintf("https://n.example/%d", i), Paragraphs: body(fmt.Sprint(i), 3)}
		if _, _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		times = append(times, s.now()) // the put used the previous tick
	}
	// Updating article 1 moves it after article 4.
	if _, st, err := s.PutArticle(ctx, article.Article{URL: "https://n.example/1", Paragraphs: body("1b", 3)}); err != nil || st != Updated {
		t.Fatalf("update: got %v, %v", st, err)
	}
	tests := []struct {
		since time.Time
		want  string
	}{
		{time.Time{}, "0 2 3 4 1"},
		{times[2], "3 4 1"},
		{times[4], "1"},
		{times[4].Add(time.Hour), ""},
	}
	for _, tt := range tests {
		t.Run(tt.since.Format(time.TimeOnly), func(t *testing.T) {
			var got []string
			err := s.ArticlesAddedSince(ctx, tt.since, func(a article.Article) error {
				got = append(got, strings.TrimPrefix(a.URL, "https://n.example/"))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got %q, want %q", strings.Join(got, " "), tt.want)
			}
		})
	}
}

func TestEachArticleStreamsAllInIDOrder(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const n = scanBatch*2 + 7 // crosses batch boundaries
	for i := range n {
		a := article.Article{URL: fmt.Sprintf("https://n.example/%d", i), Paragraphs: body(fmt.Sprint(i), 3)}
		if _, _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	err := s.EachArticle(ctx, func(a article.Article) error {
		ids = append(ids, a.ID)
		// Writing from inside the callback must not deadlock.
		_, _, err := s.PutArticle(ctx, article.Article{URL: a.URL, Paragraphs: body(a.URL, 3)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != n {
		t.Fatalf("visited %d articles, want %d", len(ids), n)
	}
	for i := 1; i < len(ids); i++ {
		if ids[i-1] >= ids[i] {
			t.Fatalf("ids out of order at %d: %s then %s", i, ids[i-1], ids[i])
		}
	}
	stop := errors.New("stop")
	count := 0
	err = s.EachArticle(ctx, func(article.Article) error { count++; return stop })
	if !errors.Is(err, stop) || count != 1 {
		t.Errorf("callback error: got %v after %d calls, want stop after 1", err, count)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.EachArticle(cctx, func(article.Article) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v, want context.Canceled", err)
	}
}

func TestDeleteArticle(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a, _, err := s.PutArticle(ctx, article.Article{URL: "https://n.example/a", Paragraphs: body("a", 3)})
	if err != nil {
		t.Fatal(err)
	}
	if _, st, _ := s.PutArticle(ctx, article.Article{URL: "https://m.example/a", Paragraphs: body("a", 3)}); st != Duplicate {
		t.Fatalf("alias put: got %v, want duplicate", st)
	}
	if err := s.DeleteArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"https://n.example/a", "https://m.example/a"} {
		if _, err := s.ArticleByURL(ctx, u); !errors.Is(err, ErrNotFound) {
			t.Errorf("ArticleByURL(%s) after delete: got %v, want ErrNotFound", u, err)
		}
	}
	if err := s.DeleteArticle(ctx, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: got %v, want ErrNotFound", err)
	}
	if err := s.ArticlesAddedSince(ctx, time.Time{}, func(article.Article) error {
		return errors.New("deleted article still listed")
	}); err != nil {
		t.Error(err)
	}
	// The body is free again: the same body under the alias is new.
	if _, st, _ := s.PutArticle(ctx, article.Article{URL: "https://m.example/a", Paragraphs: body("a", 3)}); st != New {
		t.Errorf("put after delete: got %v, want new", st)
	}
}

func TestPutArticles(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, _, err := s.PutArticle(ctx, article.Article{URL: "https://n.example/old", Paragraphs: body("old", 3)}); err != nil {
		t.Fatal(err)
	}
	batch := []article.Article{
		{URL: "https://n.example/a", Paragraphs: body("a", 3)},
		{URL: "https://m.example/a", Paragraphs: body("a", 3)},              // same body earlier in the batch
		{URL: "https://n.example/a?utm_source=x", Paragraphs: body("a", 3)}, // same URL earlier in the batch
		{URL: "https://n.example/old", Paragraphs: body("old", 3)},
	}
	got, err := s.PutArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []PutStatus{New, Duplicate, Unchanged, Unchanged}
	for i := range want {
		if got[i].Status != want[i] {
			t.Errorf("article %d: got %v, want %v", i, got[i].Status, want[i])
		}
	}
	if got[1].Article.ID != got[0].Article.ID {
		t.Errorf("duplicate: got article %s, want %s", got[1].Article.ID, got[0].Article.ID)
	}
	// A bad article fails the whole batch.
	_, err = s.PutArticles(ctx, []article.Article{{URL: "https://n.example/b", Paragraphs: body("b", 3)}, {URL: ""}})
	if err == nil {
		t.Fatal("batch with an empty URL: got nil error, want one")
	}
	if _, err := s.ArticleByURL(ctx, "https://n.example/b"); !errors.Is(err, ErrNotFound) {
		t.Errorf("article of a failed batch: got %v, want ErrNotFound", err)
	}
}

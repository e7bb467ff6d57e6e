package ingest

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"storybot/fetch"
)

// TestStoredButNotIndexedFile simulates a crash between the store write and
// the index write: the next run finds the article unchanged and indexes it.
func TestStoredButNotIndexedFile(t *testing.T) {
	dir := copyFiles(t, map[string]string{"pier.txt": "testdata/parse/boilerplate.txt", "cafe.txt": "testdata/parse/latin1.txt"})
	e := newEnv(t, fetch.Options{}, Options{})
	a, err := e.in.readFile(filepath.Join(dir, "pier.txt"), "local")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.store.PutArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if n := e.count(t); n != 0 {
		t.Fatalf("got %d passages before the run, want 0", n)
	}
	sum := e.run(t, Source{Name: "local", Kind: KindPath, Target: dir})
	if sum.Unchanged != 1 || sum.New != 1 || sum.Passages == 0 {
		t.Errorf("got %s, want 1 unchanged (re-indexed), 1 new", sum)
	}
	checkConsistent(t, e)
}

func TestStoredButNotIndexedFeedItem(t *testing.T) {
	s := newSite(t)
	s.addArticle("lost", "Indexed Later", story(80, 3), past)
	e := newEnv(t, fetch.Options{}, Options{})
	a, err := e.in.pageArticle(&fetch.Response{URL: s.URL + "/news/lost", Body: []byte(articlePage("Indexed Later", story(80, 3)))}, "loopback")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.store.PutArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	sum := e.run(t, feedSource(s))
	if sum.Unchanged != 1 || sum.Passages == 0 {
		t.Errorf("got %s, want 1 unchanged, re-indexed", sum)
	}
	if h := s.pageHits(); h != 0 {
		t.Errorf("got %d page fetches, want 0: the stored copy is current", h)
	}
	checkConsistent(t, e)
}

// runCancelled runs sources with a context that cancel may end, failing if
// Run does not return soon after.
func runCancelled(t *testing.T, in *Ingester, ctx context.Context, sources ...Source) Summary {
	t.Helper()
	done := make(chan Summary, 1)
	go func() { done <- in.Run(ctx, sources, nil) }()
	<-ctx.Done()
	select {
	case s := <-done:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return within 10s of cancellation")
		return Summary{}
	}
}

// TestCancelDuringFeed cancels while a page is being fetched: Run returns,
// the store and index agree, and the next run finishes the job.
func TestCancelDuringFeed(t *testing.T) {
	const n = 80
	s := newSite(t)
	for k := range n {
		s.addArticle(fmt.Sprintf("c-%02d", k), fmt.Sprintf("Cancel Story %d", k), story(100+k, 3), past.Add(time.Duration(k)*time.Minute))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var pages atomic.Int64
	s.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/news/") && pages.Add(1) == 31 {
			cancel()
			<-r.Context().Done()
			return
		}
		s.serve(w, r)
	})
	e := newEnv(t, fetch.Options{}, Options{PagesPerFeed: n})
	sum := runCancelled(t, e.in, ctx, feedSource(s))
	if len(sum.Errors) == 0 {
		t.Errorf("got %s with no error, want the cancellation reported", sum)
	}
	stored := e.articles(t)
	if stored == 0 || stored >= n {
		t.Errorf("got %d articles stored, want some but not all %d", stored, n)
	}
	checkConsistent(t, e)

	again := e.run(t, feedSource(s))
	if again.New != n-stored || e.articles(t) != n {
		t.Errorf("second run: got %s and %d articles, want %d new and %d in all", again, e.articles(t), n-stored, n)
	}
	checkConsistent(t, e)
}

// cancelAfter is a Progress that cancels once some work is done.
type cancelAfter struct {
	after  int64
	done   atomic.Int64
	cancel context.CancelFunc
}

func (c *cancelAfter) Grow(int) {}
func (c *cancelAfter) Done(n int) {
	if c.done.Add(int64(n)) >= c.after {
		c.cancel()
	}
}

// TestCancelDuringFolder cancels after the first chunk of a large folder.
func TestCancelDuringFolder(t *testing.T) {
	const n = 3*chunk + 17
	dir := t.TempDir()
	for k := range n {
		text := fmt.Sprintf("Folder Story %d\n\n%s\n", k, strings.Join(story(2000+k, 2), "\n\n"))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", k)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := newEnv(t, fetch.Options{}, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &cancelAfter{after: 1, cancel: cancel}
	done := make(chan Summary, 1)
	go func() { done <- e.in.Run(ctx, []Source{{Name: "folder", Kind: KindPath, Target: dir}}, p) }()
	var sum Summary
	select {
	case sum = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("Run did not return")
	}
	if stored := e.articles(t); stored == 0 || stored >= n || len(sum.Errors) == 0 {
		t.Errorf("got %d articles stored and %s %v, want some but not all %d, and the cancellation reported", stored, sum, sum.Errors, n)
	}
	checkConsistent(t, e)
	again := e.run(t, Source{Name: "folder", Kind: KindPath, Target: dir})
	if e.articles(t) != n || again.Failed != 0 {
		t.Errorf("second run: got %s and %d articles, want all %d", again, e.articles(t), n)
	}
	checkConsistent(t, e)
}

func TestRebuild(t *testing.T) {
	dir := copyFiles(t, map[string]string{"a.txt": "testdata/parse/boilerplate.txt", "b.txt": "testdata/parse/latin1.txt", "c.md": "testdata/parse/front-matter.md"})
	e := newEnv(t, fetch.Options{}, Options{})
	first := e.run(t, Source{Name: "local", Kind: KindPath, Target: dir})
	var calls int
	n, err := Rebuild(context.Background(), e.store, e.index, func(done, total int) {
		calls++
		if total != 3 || done > total {
			t.Errorf("progress: got %d of %d, want at most 3 of 3", done, total)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != first.Passages || calls != 3 {
		t.Errorf("got %d passages and %d progress calls, want %d and 3", n, calls, first.Passages)
	}
	checkConsistent(t, e)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Rebuild(ctx, e.store, e.index, nil); err == nil {
		t.Error("cancelled rebuild: got nil error, want one")
	}
	checkConsistent(t, e)
}

package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"storybot/extract"
	"storybot/fetch"
)

// panicky is an extractor that panics, as extract.IsBoilerplate once did,
// on pages whose URL contains "boom", and extracts the others.
func panicky(page []byte, u *url.URL) (extract.Article, error) {
	if u != nil && strings.Contains(u.String(), "boom") {
		words := strings.Fields("Correspondent")
		_ = words[:2][1] // slice bounds out of range, as in issue 10
	}
	return extract.Extract(page, u)
}

// TestPanicFailsOnlyItsItem ingests a feed with one page that panics the
// extractor and a folder with one such file, alongside each other: the
// panicking items fail with the panic logged (URL and stack), every other
// item is stored, and the sources' health records the failure.
func TestPanicFailsOnlyItsItem(t *testing.T) {
	s := newSite(t)
	for k := range 5 {
		slug := fmt.Sprintf("calm-%d", k)
		if k == 2 {
			slug = "boom-2"
		}
		s.addArticle(slug, fmt.Sprintf("Story %d", k), story(300+k, 3), past.Add(time.Duration(k)*time.Minute))
	}
	dir := t.TempDir()
	for i, name := range []string{"a.html", "boom.html", "c.html"} {
		page := articlePage("File "+name, story(400+i, 3))
		if err := os.WriteFile(filepath.Join(dir, name), []byte(page), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	e := newEnv(t, fetch.Options{}, Options{})
	var logs bytes.Buffer
	e.in.log = slog.New(slog.NewTextHandler(&logs, nil))
	e.in.extract = panicky
	sum := e.run(t, feedSource(s), Source{Name: "folder", Kind: KindPath, Target: dir})
	if sum.New != 6 || sum.Failed != 2 {
		t.Fatalf("got %s, want 6 new and the 2 panicking items failed; errors %v", sum, sum.Errors)
	}
	var panics int
	for _, err := range sum.Errors {
		var pe *PanicError
		if errors.As(err, &pe) {
			panics++
			if !strings.Contains(pe.Where, "boom") {
				t.Errorf("panic recorded at %q, want the boom item", pe.Where)
			}
		}
	}
	if panics != 2 {
		t.Errorf("got %d panics among the errors %v, want 2", panics, sum.Errors)
	}
	for _, want := range []string{"recovered from a panic", "boom-2", "boom.html", "slice bounds out of range", "goroutine"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%.2000s", want, logs.String())
		}
	}
	for _, name := range []string{"loopback", "folder"} {
		st, err := e.store.SourceState(context.Background(), name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(st.LastError, "panic") || st.LastSuccess.IsZero() {
			t.Errorf("source %s: got last error %q, last success %v; want the panic noted on a successful run", name, st.LastError, st.LastSuccess)
		}
	}
	checkConsistent(t, e)
}

// growPanics is a Progress that panics when told of exactly n items of
// work: a fault outside any one item of a source.
type growPanics struct{ n int }

func (g growPanics) Grow(n int) {
	if n == g.n {
		panic(fmt.Sprintf("growPanics: %d", n))
	}
}
func (growPanics) Done(int) {}

// TestPanicInSourceFailsOnlyThatSource panics outside any one item (while
// a folder is being listed): that source fails, the feed carries on.
func TestPanicInSourceFailsOnlyThatSource(t *testing.T) {
	s := newSite(t)
	s.addArticle("calm", "Calm Story", story(500, 3), past)
	dir := copyFiles(t, map[string]string{"a.txt": "testdata/parse/boilerplate.txt", "b.txt": "testdata/parse/latin1.txt", "c.md": "testdata/parse/front-matter.md"})
	e := newEnv(t, fetch.Options{}, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sum := e.in.Run(ctx, []Source{{Name: "folder", Kind: KindPath, Target: dir}, feedSource(s)}, growPanics{n: 3})
	var pe *PanicError
	if sum.New != 1 || sum.Failed != 1 || len(sum.Errors) != 1 || !errors.As(sum.Errors[0], &pe) {
		t.Errorf("got %s %v, want the feed's article stored and the folder failed by a panic", sum, sum.Errors)
	}
	st, err := e.store.SourceState(ctx, "folder")
	if err != nil || st.ConsecutiveFailures != 1 || !strings.Contains(st.LastError, "growPanics") {
		t.Errorf("folder health: got %+v (%v), want one failure naming the panic", st, err)
	}
}

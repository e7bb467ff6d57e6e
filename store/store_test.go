package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"storybot/article"
)

func TestPersistsAcrossReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "storybot.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := s.PutArticle(ctx, article.Article{URL: "https://n.example/a", Title: "A", Paragraphs: body("a", 3)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutSourceState(ctx, "bbc", SourceState{ETag: `"abc"`, ConsecutiveFailures: 2}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "A" || got.Hash != a.Hash {
		t.Errorf("reopened article: got %q %s, want %q %s", got.Title, got.Hash, "A", a.Hash)
	}
	if _, st, _ := s.PutArticle(ctx, article.Article{URL: "https://n.example/a", Title: "A", Paragraphs: body("a", 3)}); st != Unchanged {
		t.Errorf("re-put after reopen: got %v, want unchanged", st)
	}
	ss, err := s.SourceState(ctx, "bbc")
	if err != nil {
		t.Fatal(err)
	}
	if ss.ETag != `"abc"` || ss.ConsecutiveFailures != 2 {
		t.Errorf("reopened source state: got %+v", ss)
	}
}

func TestOpenLockedInProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storybot.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = Open(path)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: got %v, want ErrLocked", err)
	}
}

// TestOpenLockedAcrossProcesses runs this test binary as a second process
// that tries to open a file the first one holds.
func TestOpenLockedAcrossProcesses(t *testing.T) {
	if path := os.Getenv("STORYBOT_STORE_LOCK_CHILD"); path != "" {
		_, err := Open(path)
		if errors.Is(err, ErrLocked) {
			fmt.Print("locked")
		} else {
			fmt.Printf("not locked: %v", err)
		}
		return
	}
	path := filepath.Join(t.TempDir(), "storybot.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpenLockedAcrossProcesses$")
	cmd.Env = append(os.Environ(), "STORYBOT_STORE_LOCK_CHILD="+path)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.HasPrefix(string(out), "locked") {
		t.Errorf("child output: got %q, want it to report locked", out)
	}
}

func TestConcurrentPuts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	s.now = func() time.Time { return time.Now() } // the test clock is not goroutine-safe
	const workers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				// Every worker puts the same shared URL too: one record must result.
				for _, u := range []string{fmt.Sprintf("https://n.example/%d/%d", w, i), "https://n.example/shared"} {
					_, _, err := s.PutArticle(ctx, article.Article{URL: u, Paragraphs: body(u, 3)})
					if err != nil {
						errs <- err
					}
				}
				if _, err := s.CountArticles(ctx); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	n, err := s.CountArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := workers*each + 1; n != want {
		t.Errorf("count: got %d, want %d", n, want)
	}
}

func BenchmarkPutArticle(b *testing.B) {
	ctx := context.Background()
	s, err := Open(filepath.Join(b.TempDir(), "storybot.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	paras := body("bench", 8)
	b.Run("new", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			a := article.Article{URL: fmt.Sprintf("https://n.example/new/%d", i), Paragraphs: append([]string{fmt.Sprint(i)}, paras...)}
			if _, _, err := s.PutArticle(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		a := article.Article{URL: "https://n.example/same", Paragraphs: paras}
		if _, _, err := s.PutArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, _, err := s.PutArticle(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("batch of 100", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			batch := make([]article.Article, 100)
			for j := range batch {
				batch[j] = article.Article{URL: fmt.Sprintf("https://n.example/batch/%d/%d", i, j), Paragraphs: append([]string{fmt.Sprint(i, j)}, paras...)}
			}
			if _, err := s.PutArticles(ctx, batch); err != nil {
				b.Fatal(err)
			}
		}
	})
}

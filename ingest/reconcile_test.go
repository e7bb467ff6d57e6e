package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"storybot/article"
	"storybot/fetch"
)

// TestUpdateStoredButNotIndexed is issue 10's stale index: an update is
// written to the store and the process dies before the index write. The
// next run must index the new version, though the store now calls the
// article unchanged; and so must start-up (Reconcile alone).
func TestUpdateStoredButNotIndexed(t *testing.T) {
	for _, via := range []string{"run", "start-up"} {
		t.Run(via, func(t *testing.T) {
			dir := copyFiles(t, map[string]string{"a.txt": "testdata/parse/boilerplate.txt", "b.txt": "testdata/parse/latin1.txt"})
			e := newEnv(t, fetch.Options{}, Options{})
			src := Source{Name: "local", Kind: KindPath, Target: dir}
			if sum := e.run(t, src); sum.New != 2 {
				t.Fatalf("first run: got %s, want 2 new", sum)
			}
			path := filepath.Join(dir, "a.txt")
			f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("\n\nA paragraph appended later says the pier reopens in zebrafinch season.\n")
			f.Close()
			a, err := e.in.readFile(path, "local")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.store.PutArticles(context.Background(), []article.Article{a}); err != nil {
				t.Fatal(err)
			}
			if err := Check(context.Background(), e.store, e.index); !errors.Is(err, ErrMismatch) {
				t.Fatalf("after the store write alone: got %v, want the index found stale", err)
			}
			var sum Summary
			if via == "run" {
				sum = e.run(t, src)
				if sum.Unchanged != 2 || sum.Repaired != 1 {
					t.Errorf("got %s, want 2 unchanged and 1 re-indexed", sum)
				}
			} else if sum, err = Reconcile(context.Background(), e.store, e.index); err != nil || sum.Repaired != 1 {
				t.Errorf("Reconcile: got %s, %v; want 1 re-indexed", sum, err)
			}
			checkConsistent(t, e)
			if again := e.run(t, src); again.Repaired != 0 || again.Unchanged != 2 || again.Passages != 0 {
				t.Errorf("next run: got %s, want nothing to do", again)
			}
		})
	}
}

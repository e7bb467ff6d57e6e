package store

import (
	"context"
	"maps"
	"testing"

	"storybot/article"
)

// TestPendingMarks follows an article's index mark through a write, a
// clear, an unchanged re-put, an update racing a clear, and a deletion.
func TestPendingMarks(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	pending := func() map[string]string {
		t.Helper()
		m, err := s.PendingIndex(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	v1 := article.Article{URL: "https://news.example/a", Title: "A", Paragraphs: []string{"First version."}}
	a, _, err := s.PutArticle(ctx, v1)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pending(), map[string]string{a.ID: a.Hash}; !maps.Equal(got, want) {
		t.Fatalf("after a new article: got %v, want %v", got, want)
	}
	if err := s.ClearPending(ctx, map[string]string{a.ID: a.Hash}); err != nil {
		t.Fatal(err)
	}
	if _, st, _ := s.PutArticle(ctx, v1); st != Unchanged || len(pending()) != 0 {
		t.Fatalf("unchanged re-put: got %v and marks %v, want Unchanged and none", st, pending())
	}
	v2 := v1
	v2.Paragraphs = []string{"Second version."}
	b, _, err := s.PutArticle(ctx, v2)
	if err != nil {
		t.Fatal(err)
	}
	// A clear for the old version (an indexer that read v1) keeps v2's mark.
	if err := s.ClearPending(ctx, map[string]string{a.ID: a.Hash}); err != nil {
		t.Fatal(err)
	}
	if got, want := pending(), map[string]string{b.ID: b.Hash}; !maps.Equal(got, want) {
		t.Fatalf("after a stale clear: got %v, want %v", got, want)
	}
	if err := s.DeleteArticle(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if got, want := pending(), map[string]string{b.ID: ""}; !maps.Equal(got, want) {
		t.Fatalf("after delete: got %v, want %v (remove from the index)", got, want)
	}
	if err := s.ClearPending(ctx, map[string]string{b.ID: ""}); err != nil || len(pending()) != 0 {
		t.Fatalf("clearing the deletion: got %v and marks %v", err, pending())
	}
}

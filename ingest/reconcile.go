package ingest

import (
	"context"
	"errors"
	"fmt"

	"storybot/article"
	"storybot/index"
	"storybot/store"
)

// reconcileBatch is how many pending articles are indexed per batch.
const reconcileBatch = 200

// Reconcile brings the index in line with the store after a run that was
// cut short (a kill, a crash, an index write that failed): every article
// the store marks pending is indexed again from the store (unless the
// index already holds it as stored), or removed from the index when it was
// deleted. Start-up and every Run call it. The summary counts the articles
// repaired and their passages.
func Reconcile(ctx context.Context, st *store.Store, ix *index.Index) (Summary, error) {
	pending, err := st.PendingIndex(ctx)
	if err != nil || len(pending) == 0 {
		return Summary{}, err
	}
	var s Summary
	var arts []article.Article
	var deleted []string
	flush := func() error {
		counts, failed, err := indexArticles(ctx, st, ix, arts, deleted)
		if err != nil {
			return fmt.Errorf("ingest: reconcile: %w", err)
		}
		for _, a := range arts {
			if err := failed[a.ID]; err != nil {
				s.count(0, 0, err, a.URL)
				continue
			}
			s.Repaired++
			s.Passages += counts[a.ID]
		}
		s.Repaired += len(deleted)
		arts, deleted = arts[:0], deleted[:0]
		return nil
	}
	current := map[string]string{} // indexed already, the kill came after
	for id := range pending {
		a, err := st.Article(ctx, id)
		switch {
		case errors.Is(err, store.ErrNotFound):
			deleted = append(deleted, id)
		case err != nil:
			return s, fmt.Errorf("ingest: reconcile: %w", err)
		case indexedAsIs(ctx, ix, a):
			current[a.ID] = a.Hash
		default:
			arts = append(arts, a)
		}
		if len(arts)+len(deleted) >= reconcileBatch {
			if err := flush(); err != nil {
				return s, err
			}
		}
	}
	if err := flush(); err != nil {
		return s, err
	}
	if err := st.ClearPending(ctx, current); err != nil {
		return s, fmt.Errorf("ingest: reconcile: %w", err)
	}
	return s, nil
}

// indexedAsIs reports whether the index holds exactly a's passages as they
// are cut now: the store mark outlived an index write that did happen, and
// writing the passages again would only churn the index.
func indexedAsIs(ctx context.Context, ix *index.Index, a article.Article) bool {
	want, err := cut(a)
	if err != nil {
		return false
	}
	got, err := ix.Passages(ctx, a.ID)
	return err == nil && passageDiff(got, want) == ""
}

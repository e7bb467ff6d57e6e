package ingest

import (
	"context"
	"errors"
	"fmt"

	"storybot/article"
	"storybot/index"
	"storybot/store"
)

// ErrMismatch is wrapped by Check when the index and the store disagree.
var ErrMismatch = errors.New("ingest: the index does not match the store")

// Check compares the index with the store: every stored article's indexed
// passages must be exactly those Passages cuts from it now, and the index
// must hold nothing else. It reads everything, so it is for tests and
// diagnosis, not for each run.
func Check(ctx context.Context, st *store.Store, ix *index.Index) error {
	var diffs []string
	want := 0
	err := st.EachArticle(ctx, func(a article.Article) error {
		ps := Passages(a)
		want += len(ps)
		got, err := ix.Passages(ctx, a.ID)
		if err != nil {
			return err
		}
		if d := passageDiff(got, ps); d != "" && len(diffs) < 5 {
			diffs = append(diffs, fmt.Sprintf("article %s (%s): %s", a.ID, a.URL, d))
		}
		return nil
	})
	if err != nil {
		return err
	}
	n, err := ix.Count()
	if err != nil {
		return err
	}
	if n != uint64(want) {
		diffs = append(diffs, fmt.Sprintf("the index holds %d passages, the stored articles make %d", n, want))
	}
	if len(diffs) > 0 {
		return fmt.Errorf("%w: %v", ErrMismatch, diffs)
	}
	return nil
}

// passageDiff says how the indexed passages got differ from want, or "".
func passageDiff(got, want []article.Passage) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d passages indexed, %d due", len(got), len(want))
	}
	for i := range got {
		if got[i].ID != want[i].ID || got[i].Text != want[i].Text || got[i].Title != want[i].Title {
			return fmt.Sprintf("passage %s indexed as %.60q, due as %s %.60q", got[i].ID, got[i].Text, want[i].ID, want[i].Text)
		}
	}
	return ""
}

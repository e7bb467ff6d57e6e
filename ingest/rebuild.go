package ingest

import (
	"context"
	"log/slog"
	"runtime"
	"sync"

	"storybot/article"
	"storybot/index"
	"storybot/store"
)

// Rebuild re-creates the index from the store, the source of truth, while
// the old index keeps answering; progress hears articles done of total.
// Passages are cut on all cores; bleve writes them in batches. An article
// whose cutting panics is left out of the new index, with a log line.
func Rebuild(ctx context.Context, st *store.Store, ix *index.Index, progress func(done, total int)) (int, error) {
	total, err := st.CountArticles(ctx)
	if err != nil {
		return 0, err
	}
	return ix.Rebuild(ctx, func(ctx context.Context, add func([]article.Passage) error) error {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		arts := make(chan article.Article, 64)
		out := make(chan []article.Passage, 64)
		var readErr error
		go func() {
			defer close(arts)
			readErr = st.EachArticle(ctx, func(a article.Article) error {
				select {
				case arts <- a:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
		}()
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for a := range arts {
					ps, err := cut(a)
					if err != nil {
						logPanic(slog.Default(), "", err)
					}
					select {
					case out <- ps:
					case <-ctx.Done():
						return
					}
				}
			}()
		}
		go func() { wg.Wait(); close(out) }()
		done := 0
		for ps := range out {
			if err := add(ps); err != nil {
				cancel()
				for range out {
				}
				return err
			}
			done++
			if progress != nil {
				progress(done, total)
			}
		}
		if readErr != nil {
			return readErr
		}
		return ctx.Err()
	})
}

package ingest

import (
	"context"

	"storybot/article"
	"storybot/index"
	"storybot/internal/parallel"
	"storybot/store"
)

// chunk is how many local files are stored and indexed per transaction and
// batch.
const chunk = 200

// ingestPath reads a file or a folder of articles in chunks: each chunk is
// one store transaction and one index batch. The next chunk is read and
// parsed, on all cores, while the current one is written.
func (in *Ingester) ingestPath(ctx context.Context, src Source, p Progress) Summary {
	files, err := listFiles(src.Target)
	if err != nil {
		return failed(err)
	}
	p.Grow(len(files))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks := make(chan parsedChunk, 1)
	go func() {
		defer close(chunks)
		for start := 0; start < len(files) && ctx.Err() == nil; start += chunk {
			select {
			case chunks <- in.readChunk(files[start:min(start+chunk, len(files))], src.Name):
			case <-ctx.Done():
			}
		}
	}()
	var s Summary
	for c := range chunks {
		if ctx.Err() != nil {
			break
		}
		s.add(c.failed)
		if src.Outlet != "" {
			for i := range c.articles {
				c.articles[i].Outlet = src.Outlet
			}
		}
		s.add(in.saveMany(ctx, c.articles))
		p.Done(c.files)
	}
	if err := ctx.Err(); err != nil {
		s.Errors = append(s.Errors, err)
	}
	return s
}

// parsedChunk is a chunk of files read: the articles, and the failures.
type parsedChunk struct {
	articles []article.Article
	failed   Summary
	files    int
}

// readChunk parses files on all cores, keeping their order.
func (in *Ingester) readChunk(files []string, source string) parsedChunk {
	arts := make([]article.Article, len(files))
	errs := make([]error, len(files))
	parallel.For(len(files), func(i int) { arts[i], errs[i] = in.readFile(files[i], source) })
	c := parsedChunk{files: len(files)}
	for i, err := range errs {
		if err != nil {
			c.failed.count(0, 0, err, files[i])
			continue
		}
		c.articles = append(c.articles, arts[i])
	}
	return c
}

// saveMany stores articles in one transaction, then indexes in one batch
// those new or changed. The store marks them pending in the same
// transaction; the marks are cleared once indexed, so a crash in between
// is repaired by the next run's Reconcile.
func (in *Ingester) saveMany(ctx context.Context, arts []article.Article) Summary {
	var s Summary
	if len(arts) == 0 {
		return s
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	results, err := in.store.PutArticles(ctx, arts)
	if err != nil {
		return Summary{Failed: len(arts), Errors: []error{err}}
	}
	var changed []article.Article
	for _, r := range results {
		if r.Status == store.New || r.Status == store.Updated {
			changed = append(changed, r.Article)
		}
	}
	counts, failed, err := indexArticles(ctx, in.store, in.index, changed, nil)
	if err != nil {
		return Summary{Failed: len(arts), Errors: []error{err}}
	}
	for _, r := range results {
		if err := failed[r.Article.ID]; err != nil && r.Status != store.Duplicate {
			s.count(0, 0, err, r.Article.URL)
			continue
		}
		n := 0
		if r.Status != store.Duplicate {
			n = counts[r.Article.ID] // a duplicate's ID is its original's
		}
		s.count(r.Status, n, nil, "")
	}
	return s
}

// indexArticles cuts arts into passages on all cores, writes them and the
// removal of the deleted articles' passages in one index batch, and clears
// their pending marks. An article whose cutting panics is left out, with
// its mark kept, and reported in failed.
func indexArticles(ctx context.Context, st *store.Store, ix *index.Index, arts []article.Article, deleted []string) (counts map[string]int, failed map[string]error, err error) {
	ps := make([][]article.Passage, len(arts))
	errs := make([]error, len(arts))
	parallel.For(len(arts), func(i int) { ps[i], errs[i] = cut(arts[i]) })
	toIndex := make(map[string][]article.Passage, len(arts)+len(deleted))
	indexed := make(map[string]string, len(arts)+len(deleted))
	counts, failed = map[string]int{}, map[string]error{}
	for i, a := range arts {
		if errs[i] != nil {
			failed[a.ID] = errs[i]
			continue
		}
		toIndex[a.ID], indexed[a.ID], counts[a.ID] = ps[i], a.Hash, len(ps[i])
	}
	for _, id := range deleted {
		toIndex[id], indexed[id] = nil, ""
	}
	if err := ix.ReplaceMany(ctx, toIndex); err != nil {
		return nil, nil, err
	}
	// The index holds them now, even if ctx ends: the marks must go too.
	if err := st.ClearPending(context.WithoutCancel(ctx), indexed); err != nil {
		return nil, nil, err
	}
	return counts, failed, nil
}

package ingest

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"storybot/article"
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
			case chunks <- readChunk(files[start:min(start+chunk, len(files))], src.Name):
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
func readChunk(files []string, source string) parsedChunk {
	arts := make([]article.Article, len(files))
	errs := make([]error, len(files))
	parallel(len(files), func(i int) { arts[i], errs[i] = readFile(files[i], source) })
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

// parallel calls fn(0) … fn(n-1) on as many goroutines as there are cores.
func parallel(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// saveMany stores articles in one transaction, then indexes in one batch
// those new, changed, or unchanged but missing from the index (a crash
// between the two writes).
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
	var cut []article.Article
	for _, r := range results {
		if r.Status == store.Unchanged {
			has, err := in.index.Has(ctx, r.Article.ID)
			if err != nil {
				s.count(0, 0, err, r.Article.URL)
				continue
			}
			if !has {
				cut = append(cut, r.Article)
			}
		} else if r.Status == store.New || r.Status == store.Updated {
			cut = append(cut, r.Article)
		}
	}
	ps := make([][]article.Passage, len(cut))
	parallel(len(cut), func(i int) { ps[i] = Passages(cut[i]) })
	toIndex := make(map[string][]article.Passage, len(cut))
	for i, a := range cut {
		toIndex[a.ID] = ps[i]
	}
	if err := in.index.ReplaceMany(ctx, toIndex); err != nil {
		return Summary{Failed: len(arts), Errors: []error{err}}
	}
	for _, r := range results {
		n := 0
		if r.Status != store.Duplicate {
			n = len(toIndex[r.Article.ID]) // a duplicate's ID is its original's
		}
		s.count(r.Status, n, nil, "")
	}
	return s
}

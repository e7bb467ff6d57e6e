package ingest

import (
	"context"
	"fmt"

	"storybot/article"
	"storybot/store"
)

// chunk is how many local files are stored and indexed per transaction and
// batch.
const chunk = 200

// ingestPath reads a file or a folder of articles in chunks: each chunk is
// one store transaction and one index batch.
func (in *Ingester) ingestPath(ctx context.Context, src Source, p Progress) Summary {
	files, err := listFiles(src.Target)
	if err != nil {
		return failed(fmt.Errorf("source %s: %w", src.Name, err))
	}
	p.Grow(len(files))
	var s Summary
	for start := 0; start < len(files); start += chunk {
		if ctx.Err() != nil {
			s.Errors = append(s.Errors, ctx.Err())
			break
		}
		end := min(start+chunk, len(files))
		var arts []article.Article
		for _, f := range files[start:end] {
			a, err := readFile(f, src.Name)
			if err != nil {
				s.count(0, 0, err, f)
				continue
			}
			arts = append(arts, a)
		}
		s.add(in.saveMany(ctx, arts))
		p.Done(end - start)
	}
	return s
}

// saveMany is save for a chunk of articles: one store transaction, then one
// index batch for those new, changed or missing from the index.
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
	toIndex := map[string][]article.Passage{}
	for _, r := range results {
		if r.Status == store.Unchanged {
			has, err := in.index.Has(ctx, r.Article.ID)
			if err != nil {
				s.count(0, 0, err, r.Article.URL)
				continue
			}
			if !has {
				toIndex[r.Article.ID] = Passages(r.Article)
			}
		} else if r.Status == store.New || r.Status == store.Updated {
			toIndex[r.Article.ID] = Passages(r.Article)
		}
	}
	if err := in.index.ReplaceMany(ctx, toIndex); err != nil {
		return Summary{Failed: len(arts), Errors: []error{err}}
	}
	for _, r := range results {
		s.count(r.Status, len(toIndex[r.Article.ID]), nil, "")
	}
	return s
}

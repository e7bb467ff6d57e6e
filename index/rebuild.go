package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"

	"storybot/article"
)

// ErrRebuilding means a rebuild is already running.
var ErrRebuilding = errors.New("index: a rebuild is already running")

// Fill feeds a rebuild: it calls add with the passages of every article.
type Fill func(ctx context.Context, add func(ps []article.Passage) error) error

// Rebuild builds a new generation from fill while the serving one keeps
// answering, then swaps it in atomically and deletes the old one. Writes
// made with Replace during the rebuild reach both generations. On error or
// cancellation the serving generation is untouched and the partial one is
// removed. It returns the number of passages written.
func (ix *Index) Rebuild(ctx context.Context, fill Fill) (int, error) {
	next, gen, err := ix.create()
	if err != nil {
		return 0, err
	}
	ix.mu.Lock()
	if ix.next != nil {
		ix.mu.Unlock()
		discard(next, filepath.Join(ix.dir, gen))
		return 0, ErrRebuilding
	}
	ix.next, ix.touched = next, map[string]bool{}
	ix.mu.Unlock()

	w := &rebuildWriter{ix: ix, idx: next}
	err = fill(ctx, w.add)
	if err == nil {
		err = w.flush()
	}
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = writeCurrent(ix.dir, gen)
	}
	if err != nil {
		ix.mu.Lock()
		ix.next, ix.touched = nil, nil
		ix.mu.Unlock()
		discard(next, filepath.Join(ix.dir, gen))
		return 0, fmt.Errorf("index: rebuild: %w", err)
	}
	ix.swap(next, gen)
	return w.n, nil
}

func (ix *Index) swap(next bleve.Index, gen string) {
	ix.mu.Lock()
	old, oldName := ix.cur, ix.name
	ix.alias.Swap([]bleve.Index{next}, []bleve.Index{old})
	ix.cur, ix.name, ix.next, ix.touched = next, gen, nil, nil
	ix.mu.Unlock()
	discard(old, filepath.Join(ix.dir, oldName))
}

func discard(idx bleve.Index, path string) {
	if err := idx.Close(); err != nil {
		slog.Warn("index: close generation", "path", path, "error", err)
	}
	if err := os.RemoveAll(path); err != nil {
		slog.Warn("index: remove generation", "path", path, "error", err)
	}
}

type rebuildWriter struct {
	ix      *Index
	idx     bleve.Index
	pending [][]article.Passage // each one article's passages
	size    int
	n       int
}

// add queues the passages of one or more articles.
func (w *rebuildWriter) add(ps []article.Passage) error {
	for len(ps) > 0 {
		k := 1
		for k < len(ps) && ps[k].ArticleID == ps[0].ArticleID {
			k++
		}
		w.pending = append(w.pending, ps[:k])
		w.size += k
		ps = ps[k:]
	}
	if w.size >= batchSize {
		return w.flush()
	}
	return nil
}

// flush writes the pending passages, skipping articles that Replace wrote
// since they were read: theirs is the newer version. The lock keeps the
// check and the write together.
func (w *rebuildWriter) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	w.ix.mu.Lock()
	defer w.ix.mu.Unlock()
	b := w.idx.NewBatch()
	for _, ps := range w.pending {
		if w.ix.touched[ps[0].ArticleID] {
			continue
		}
		if err := addAll(b, ps); err != nil {
			return err
		}
		w.n += len(ps)
	}
	if err := w.idx.Batch(b); err != nil {
		return err
	}
	w.pending, w.size = w.pending[:0], 0
	return nil
}

package ingest

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"storybot/fetch"
	"storybot/index"
	"storybot/store"
)

// env is a real store and index in a temporary folder with an Ingester
// allowed to fetch from loopback.
type env struct {
	store *store.Store
	index *index.Index
	in    *Ingester
	fetch fetch.Options
	opts  Options
	dir   string // holds store.db and index

	closeOnce sync.Once
}

// newEnv opens a fresh store and index under tb.TempDir.
func newEnv(tb testing.TB, fo fetch.Options, o Options) *env {
	tb.Helper()
	dir := tb.TempDir()
	st, err := store.Open(filepath.Join(dir, "store.db"))
	if err != nil {
		tb.Fatalf("store.Open: %v", err)
	}
	ix, _, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		st.Close()
		tb.Fatalf("index.Open: %v", err)
	}
	fo.AllowPrivate = true
	if fo.Timeout == 0 {
		fo.Timeout = 5 * time.Second
	}
	if o.RetryBackoff == 0 {
		o.RetryBackoff = time.Millisecond
	}
	e := &env{store: st, index: ix, fetch: fo, opts: o, dir: dir}
	e.in = New(st, ix, fetch.New(fo), quietLog(), o)
	tb.Cleanup(e.close)
	return e
}

// close closes the index and the store; later calls do nothing.
func (e *env) close() {
	e.closeOnce.Do(func() {
		e.index.Close()
		e.store.Close()
	})
}

// with returns an Ingester over the same store and index with other options.
func (e *env) with(o Options) *Ingester {
	if o.RetryBackoff == 0 {
		o.RetryBackoff = time.Millisecond
	}
	return New(e.store, e.index, fetch.New(e.fetch), quietLog(), o)
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// run ingests sources with a generous deadline.
func (e *env) run(tb testing.TB, sources ...Source) Summary {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	return e.in.Run(ctx, sources, nil)
}

// count is the number of passages in the index.
func (e *env) count(tb testing.TB) uint64 {
	tb.Helper()
	n, err := e.index.Count()
	if err != nil {
		tb.Fatalf("index count: %v", err)
	}
	return n
}

// articles is the number of articles in the store.
func (e *env) articles(tb testing.TB) int {
	tb.Helper()
	n, err := e.store.CountArticles(context.Background())
	if err != nil {
		tb.Fatalf("store count: %v", err)
	}
	return n
}

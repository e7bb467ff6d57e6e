package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"storybot/config"
	"storybot/fetch"
	"storybot/index"
	"storybot/ingest"
	"storybot/store"
)

// app is storybot's open state: configuration, store and index.
type app struct {
	cfg   *config.Config
	log   *slog.Logger
	store *store.Store
	index *index.Index
}

// openApp loads the configuration and opens the store and the index under
// data_dir. An index that is new, of another schema, or damaged is rebuilt
// from the store, with a log line that says why.
func openApp(ctx context.Context, e *env) (*app, error) {
	cfg, err := config.Load(e.configPath)
	if err != nil {
		return nil, err
	}
	return openAppWith(ctx, cfg, newLogger(cfg.Log, e.stderr))
}

// openAppWith is openApp with the configuration given.
func openAppWith(ctx context.Context, cfg *config.Config, log *slog.Logger) (*app, error) {
	st, err := store.Open(filepath.Join(cfg.DataDir, "storybot.db"))
	if err != nil {
		return nil, err
	}
	ix, opened, err := index.Open(filepath.Join(cfg.DataDir, "index"))
	if err != nil {
		st.Close()
		return nil, err
	}
	a := &app{cfg: cfg, log: log, store: st, index: ix}
	if opened.NeedsRebuild {
		if err := a.rebuildAtStart(ctx, opened.Reason); err != nil {
			a.Close()
			return nil, err
		}
	}
	if err := a.reconcile(ctx); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// reconcile repairs the index where a killed run left it behind the store.
func (a *app) reconcile(ctx context.Context) error {
	s, err := ingest.Reconcile(ctx, a.store, a.index)
	if s.Repaired > 0 {
		a.log.Info("index repaired after an interrupted run", "articles", s.Repaired, "passages", s.Passages)
	}
	for _, e := range s.Errors {
		a.log.Warn("index repair: an article could not be indexed", "error", e)
	}
	return err
}

func (a *app) rebuildAtStart(ctx context.Context, reason string) error {
	n, err := a.store.CountArticles(ctx)
	if err != nil || n == 0 {
		return err
	}
	a.log.Info("rebuilding the index from the store", "reason", reason, "articles", n)
	start := time.Now()
	passages, err := ingest.Rebuild(ctx, a.store, a.index, nil)
	if err != nil {
		return err
	}
	a.log.Info("index rebuilt", "passages", passages, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// Close closes the index and the store.
func (a *app) Close() error {
	err1 := a.index.Close()
	err2 := a.store.Close()
	if err1 != nil {
		return err1
	}
	return err2
}

// fetcher bounds every fetch as configured and refuses private addresses;
// a source marked allow_private uses its Private sibling.
func (a *app) fetcher() *fetch.Client {
	f := a.cfg.Fetch
	return fetch.New(fetch.Options{Timeout: f.Timeout, MaxBytes: f.MaxBytes, UserAgent: f.UserAgent, HostDelay: f.HostDelay})
}

// ingester is an Ingester with o and the configured fetch settings.
func (a *app) ingester(o ingest.Options) *ingest.Ingester {
	f := a.cfg.Fetch
	o.Concurrency, o.Retries, o.PagesPerFeed = f.Concurrency, f.Retries, f.PagesPerFeed
	return ingest.New(a.store, a.index, a.fetcher(), a.log, o)
}

// newLogger writes text to a terminal and JSON elsewhere, unless told.
func newLogger(c config.Log, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(strings.ToUpper(c.Level))) // validated values; default info
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" || (c.Format == "auto" && !isTerminal(w)) {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// writeJSON prints v indented, with <, > and & as they are and every
// control character escaped.
func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeC1(b.Bytes()))
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

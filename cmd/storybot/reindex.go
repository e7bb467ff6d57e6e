package main

import (
	"context"
	"fmt"
	"time"

	"storybot/ingest"
)

func cmdReindex(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return errUsage
	}
	tuneGCForBulk()
	a, err := openApp(ctx, e)
	if err != nil {
		return err
	}
	defer a.Close()
	b := newBar(e.stderr, "reindex")
	start := time.Now()
	n, err := ingest.Rebuild(ctx, a.store, a.index, b.Set)
	b.Finish()
	if err != nil {
		return err
	}
	arts, _ := a.store.CountArticles(ctx)
	took := time.Since(start)
	fmt.Fprintf(e.stdout, "reindex: %s from %s in %s (%.0f passages/s)\n", plural(n, "passage", "passages"),
		plural(arts, "article", "articles"), took.Round(time.Millisecond), float64(n)/took.Seconds())
	return nil
}

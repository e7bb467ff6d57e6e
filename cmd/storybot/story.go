package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"storybot/chart"
	"storybot/metrics"
	"storybot/store"
)

func cmdStory(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("story", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	pngPath := fs.String("png", "", "also write the story's coverage picture to this PNG file")
	limit := fs.Int("limit", 15, "articles listed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	name := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(name) == "" {
		return errUsage
	}
	a, err := openApp(ctx, e)
	if err != nil {
		return err
	}
	defer a.Close()
	s := newService(a, metrics.NewStorybot(), nil)
	query, err := storyQuery(ctx, a.store, name)
	if err != nil {
		return err
	}
	entries, err := s.Timeline(ctx, "", query, *limit) // the operator sees every source
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s (query: %s): newest first\n", name, query)
	for _, t := range entries {
		date := "undated   "
		if !t.Published.IsZero() {
			date = t.Published.UTC().Format("2006-01-02")
		}
		fmt.Fprintf(e.stdout, "  %s  %s — %s\n", date, t.Title, t.Source)
	}
	if *pngPath == "" {
		return nil
	}
	png, err := s.CoveragePNG(ctx, "", "Coverage: "+name, query)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*pngPath, png, 0o644); err != nil {
		return fmt.Errorf("story: %w", err)
	}
	fmt.Fprintf(e.stdout, "wrote %s (%dx%d)\n", *pngPath, chart.Width, chart.Height)
	return nil
}

// storyQuery returns the query of the story tracked under name
// (config.yaml's first, then any server's); a name no story has is itself
// the query.
func storyQuery(ctx context.Context, st *store.Store, name string) (string, error) {
	all, err := st.Stories(ctx, "")
	if err != nil {
		return "", err
	}
	for _, s := range all {
		if strings.EqualFold(s.Name, strings.TrimSpace(name)) {
			return s.Query, nil
		}
	}
	return name, nil
}

// CoveragePNG draws a query's articles per day, stacked by outlet (/story,
// storybot story --png).
func (s *service) CoveragePNG(ctx context.Context, guildID, title, query string) ([]byte, error) {
	hidden, err := s.hiddenSources(ctx, guildID)
	if err != nil {
		return nil, err
	}
	ms, err := s.stories.Hiding(hidden).Match(ctx, query, nil, 0)
	if err != nil {
		return nil, err
	}
	arts := make([]chart.Article, len(ms))
	for i, m := range ms {
		arts[i] = chart.Article{Title: m.Title, Outlet: m.Outlet, Published: m.Published}
	}
	var buf bytes.Buffer
	if err := chart.PNG(&buf, title, chart.Count(arts)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

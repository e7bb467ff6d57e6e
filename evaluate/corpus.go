package evaluate

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"storybot/article"
	"storybot/extract"
	"storybot/fetch"
	"storybot/index"
	"storybot/ingest"
	"storybot/store"
)

// Corpus is a store and an index built for evaluation under one folder.
type Corpus struct {
	Store *store.Store
	Index *index.Index
	dir   string
}

// Close closes the index and the store.
func (c *Corpus) Close() error {
	err1 := c.Index.Close()
	err2 := c.Store.Close()
	if err1 != nil {
		return err1
	}
	return err2
}

// Open opens (or creates) a store and an index under dir. An index of
// another schema version is rebuilt from the store, as `storybot run` does
// at start-up, so a kept corpus follows changes to passages and speakers.
func Open(ctx context.Context, dir string) (*Corpus, error) {
	st, err := store.Open(filepath.Join(dir, "storybot.db"))
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	ix, opened, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	c := &Corpus{Store: st, Index: ix, dir: dir}
	if n, _ := st.CountArticles(ctx); n > 0 && opened.NeedsRebuild {
		if _, err := ingest.Rebuild(ctx, st, ix, nil); err != nil {
			c.Close()
			return nil, fmt.Errorf("evaluate: %w", err)
		}
	}
	return c, nil
}

// empty reports whether no article is stored yet.
func (c *Corpus) empty(ctx context.Context) bool {
	n, err := c.Store.CountArticles(ctx)
	return err != nil || n == 0
}

// Reopen closes and opens the index, as a service starting on a built
// index does: segments written by ingestion are persisted and loaded, so
// timings are not taken during background merging.
func (c *Corpus) Reopen() error {
	if err := c.Index.Close(); err != nil {
		return fmt.Errorf("evaluate: %w", err)
	}
	ix, _, err := index.Open(filepath.Join(c.dir, "index"))
	if err != nil {
		return fmt.Errorf("evaluate: %w", err)
	}
	c.Index = ix
	return nil
}

// AddFolder ingests a folder of local article files as source, through the
// real ingester, as `storybot ingest` would.
func (c *Corpus) AddFolder(ctx context.Context, folder, source string) error {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	in := ingest.New(c.Store, c.Index, fetch.New(fetch.Options{}), log, ingest.Options{Force: true})
	s := in.Run(ctx, []ingest.Source{{Name: source, Kind: ingest.KindPath, Target: folder}}, nil)
	if s.New+s.Duplicate+s.Unchanged+s.Updated == 0 {
		return fmt.Errorf("evaluate: ingest %s: nothing ingested (%s)", folder, s)
	}
	return nil
}

// AddSite ingests every outlet feed of s, and the pages they link to,
// through the real feed reader, fetcher and extractor.
func (c *Corpus) AddSite(ctx context.Context, s *Site) (ingest.Summary, error) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	fc := fetch.New(fetch.Options{AllowPrivate: true})
	// One outlet at a time, in name order: an article two outlets carry is
	// then always stored from the same one, so every build of the corpus
	// answers alike.
	in := ingest.New(c.Store, c.Index, fc, log, ingest.Options{Force: true, PagesPerFeed: len(s.pages), Concurrency: 1})
	feeds := s.Feeds()
	var srcs []ingest.Source
	for _, h := range slices.Sorted(maps.Keys(feeds)) {
		srcs = append(srcs, ingest.Source{Name: outletName(h), Kind: ingest.KindFeed, Target: feeds[h]})
	}
	sum := in.Run(ctx, srcs, nil)
	if sum.New+sum.Duplicate+sum.Unchanged+sum.Updated == 0 {
		return sum, fmt.Errorf("evaluate: ingest the web site: nothing ingested (%s)", sum)
	}
	return sum, nil
}

// AddArticles stores articles and indexes their passages the way ingestion
// does.
func (c *Corpus) AddArticles(ctx context.Context, as []article.Article) error {
	res, err := c.Store.PutArticles(ctx, as)
	if err != nil {
		return fmt.Errorf("evaluate: %w", err)
	}
	ps := map[string][]article.Passage{}
	indexed := map[string]string{}
	for _, r := range res {
		if r.Status == store.New || r.Status == store.Updated {
			ps[r.Article.ID] = ingest.Passages(r.Article)
			indexed[r.Article.ID] = r.Article.Hash
		}
	}
	if err := c.Index.ReplaceMany(ctx, ps); err != nil {
		return fmt.Errorf("evaluate: %w", err)
	}
	if err := c.Store.ClearPending(ctx, indexed); err != nil { // indexed: no repair due
		return fmt.Errorf("evaluate: %w", err)
	}
	return nil
}

// ArticleID returns the ID of the stored article at rawURL (its own URL or
// an alias of a duplicate), or "" when none is stored.
func (c *Corpus) ArticleID(ctx context.Context, rawURL string) string {
	a, err := c.Store.ArticleByURL(ctx, rawURL)
	if err != nil {
		return ""
	}
	return a.ID
}

// fileURL is the URL ingestion gives a local file.
func fileURL(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	return (&url.URL{Scheme: "file", Path: abs}).String()
}

// GoldArticle is an article a quiz question was written from.
type GoldArticle struct {
	URL       string   `json:"url"`
	Published string   `json:"published"`
	Authors   []string `json:"authors"`
	Text      string   `json:"text"`
}

// cnnArticle turns a quiz set's gold article into an article of source
// "CNN". The set has no headline, so the URL's slug stands in for one: a
// real page's headline usually says more.
func cnnArticle(g GoldArticle) article.Article {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(g.Text, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	a := article.Article{URL: g.URL, Source: "CNN", Title: slugTitle(g.URL),
		Author: strings.Join(g.Authors, ", "), Paragraphs: extract.Clean(paras)}
	if t, err := time.Parse("2006/01/02", g.Published); err == nil {
		a.Published = t.UTC()
	}
	return a
}

// slugTitle makes a title of a CNN URL's slug: ".../squid-game-season-2/index.html"
// → "squid game season 2".
func slugTitle(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	p := strings.TrimSuffix(u.Path, "/")
	if path.Base(p) == "index.html" {
		p = path.Dir(p)
	}
	return strings.ReplaceAll(path.Base(p), "-", " ")
}

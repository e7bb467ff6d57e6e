// Package index is storybot's passage index: the only package that imports
// bleve. It keeps one generation of a bleve index (scorch, BM25, English
// analysis) behind an alias, so a rebuild can be swapped in while searches
// continue.
package index

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"storybot/article"
)

// ErrLocked means another process has the index open.
var ErrLocked = errors.New("index: in use by another storybot process")

const (
	currentFile = "CURRENT"
	schemaKey   = "schema"
	batchSize   = 2048
)

// Index is the open passage index. It is safe for concurrent use.
type Index struct {
	dir   string
	alias bleve.IndexAlias

	mu   sync.Mutex  // guards cur, next, name
	cur  bleve.Index // serving generation
	name string      // its folder name under dir
	next bleve.Index // generation being rebuilt, written alongside cur
	// touched holds the articles Replace wrote during a rebuild; the
	// rebuild skips them, as next already has their latest version.
	touched map[string]bool
}

// Opened says how Open found the index on disk.
type Opened struct {
	// NeedsRebuild is set when the index had to be created afresh; Reason
	// says why (new, wrong schema, damaged), for the log.
	NeedsRebuild bool
	Reason       string
}

// Open opens the index under dir, creating it when absent. Generations left
// behind by a crashed rebuild are removed. An index of another schema
// version, or one that fails to open, is replaced by an empty one and
// reported as needing a rebuild from the store.
func Open(dir string) (*Index, Opened, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, Opened{}, fmt.Errorf("index: %w", err)
	}
	ix := &Index{dir: dir}
	name, _ := readCurrent(dir)
	var st Opened
	if name == "" {
		st = Opened{NeedsRebuild: true, Reason: "no index yet"}
	} else if idx, err := openGeneration(filepath.Join(dir, name)); errors.Is(err, ErrLocked) {
		return nil, Opened{}, err
	} else if err != nil {
		st = Opened{NeedsRebuild: true, Reason: err.Error()}
	} else {
		ix.cur, ix.name = idx, name
	}
	if ix.cur == nil {
		idx, gen, err := ix.create()
		if err != nil {
			return nil, Opened{}, err
		}
		if err := writeCurrent(dir, gen); err != nil {
			idx.Close()
			return nil, Opened{}, err
		}
		ix.cur, ix.name = idx, gen
	}
	ix.removeStale()
	ix.alias = bleve.NewIndexAlias(ix.cur)
	return ix, st, nil
}

// Close closes the serving generation (and a rebuild in progress).
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var errs []error
	for _, idx := range []bleve.Index{ix.next, ix.cur} {
		if idx != nil {
			errs = append(errs, idx.Close())
		}
	}
	ix.cur, ix.next = nil, nil
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("index: close: %w", err)
	}
	return nil
}

// Count returns the number of passages in the serving generation.
func (ix *Index) Count() (uint64, error) {
	n, err := ix.alias.DocCount()
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	q := bleve.NewTermQuery(kindArticle)
	q.SetField(fieldKind)
	res, err := ix.alias.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return n - res.Total, nil
}

// Replace makes articleID's passages exactly ps, in one batch: passages of
// an older version of the article that no longer exist are deleted.
func (ix *Index) Replace(ctx context.Context, articleID string, ps []article.Passage) error {
	return ix.ReplaceMany(ctx, map[string][]article.Passage{articleID: ps})
}

// ReplaceMany is Replace for many articles in one batch, the fast path for
// bulk ingestion.
func (ix *Index) ReplaceMany(ctx context.Context, articles map[string][]article.Passage) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.next != nil {
		for id := range articles {
			ix.touched[id] = true
		}
	}
	for _, idx := range []bleve.Index{ix.cur, ix.next} {
		if idx == nil {
			continue
		}
		b := idx.NewBatch()
		old, err := passageIDs(ctx, idx, articles)
		if err != nil {
			return err
		}
		for _, pid := range old {
			b.Delete(pid)
		}
		if err := addAll(b, idx.Mapping(), slices.Collect(maps.Values(articles))); err != nil {
			return err
		}
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("index: write %d articles: %w", len(articles), err)
		}
	}
	return nil
}

// Delete removes every passage of articleID.
func (ix *Index) Delete(ctx context.Context, articleID string) error {
	return ix.Replace(ctx, articleID, nil)
}

// Has reports whether any passage of articleID is indexed.
func (ix *Index) Has(ctx context.Context, articleID string) (bool, error) {
	q := bleve.NewTermQuery(articleID)
	q.SetField(fieldArticle)
	res, err := ix.alias.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return false, fmt.Errorf("index: look up %s: %w", articleID, err)
	}
	return res.Total > 0, nil
}

// passageIDs returns the IDs of every indexed passage of the articles,
// found with one search rather than one per article.
func passageIDs(ctx context.Context, idx bleve.Index, articles map[string][]article.Passage) ([]string, error) {
	if len(articles) == 0 {
		return nil, nil
	}
	terms := make([]query.Query, 0, len(articles))
	for id := range articles {
		t := bleve.NewTermQuery(id)
		t.SetField(fieldArticle)
		terms = append(terms, t)
	}
	q := bleve.NewDisjunctionQuery(terms...)
	for size := 1024; ; {
		res, err := idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, size, 0, false))
		if err != nil {
			return nil, fmt.Errorf("index: passages of %d articles: %w", len(articles), err)
		}
		if res.Total <= uint64(len(res.Hits)) {
			ids := make([]string, len(res.Hits))
			for i, h := range res.Hits {
				ids[i] = h.ID
			}
			return ids, nil
		}
		size = int(res.Total)
	}
}

func (ix *Index) create() (bleve.Index, string, error) {
	gen := "gen-" + time.Now().UTC().Format("20060102T150405.000000000")
	idx, err := bleve.NewUsing(filepath.Join(ix.dir, gen), newMapping(), scorch.Name, scorch.Name, kvConfig())
	if err != nil {
		return nil, "", fmt.Errorf("index: create %s: %w", gen, err)
	}
	if err := idx.SetInternal([]byte(schemaKey), []byte(SchemaVersion)); err != nil {
		idx.Close()
		return nil, "", fmt.Errorf("index: create %s: %w", gen, err)
	}
	return idx, gen, nil
}

func openGeneration(path string) (bleve.Index, error) {
	idx, err := bleve.OpenUsing(path, kvConfig())
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("%w: %s", ErrLocked, path)
		}
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	v, err := idx.GetInternal([]byte(schemaKey))
	if err != nil || string(v) != SchemaVersion {
		idx.Close()
		return nil, fmt.Errorf("index: schema %q, this storybot needs %q", v, SchemaVersion)
	}
	return idx, nil
}

func kvConfig() map[string]any {
	return map[string]any{"bolt_timeout": "1s"}
}

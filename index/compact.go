package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// compactBelow is the size, in documents, of the segments Compact merges
// together. After a bulk write bleve's merge tiers leave up to ten
// segments a tier, and a search pays for each segment in every word and
// article it looks up. Only segments under half this size are merged, into
// segments under it: the top tier's (150,000 to 250,000 documents at a
// million passages) stay whole, as merging them would be most of the work
// and save the least.
const compactBelow = 100_000

// cleanupWait bounds how long Compact waits for the merged-away segment
// files to be removed; what is left is removed when the index next opens.
const cleanupWait = 30 * time.Second

// Compact merges the serving index's smaller segments into few, for after
// a bulk write (a folder ingested, a rebuild).
func (ix *Index) Compact(ctx context.Context) error {
	ix.mu.Lock()
	cur := ix.cur
	ix.mu.Unlock()
	return compact(ctx, cur)
}

func compact(ctx context.Context, idx bleve.Index) error {
	adv, err := idx.Advanced()
	if err != nil {
		return fmt.Errorf("index: compact: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	plan := mergeplan.SingleSegmentMergePlanOptions
	plan.MaxSegmentSize = compactBelow
	if err := s.ForceMerge(ctx, &plan); err != nil {
		return fmt.Errorf("index: compact: %w", err)
	}
	// scorch keeps the files of one snapshot back: write a newer one, so
	// that the merged-away files go now rather than leave a bulk job's
	// data folder twice its size until the next start.
	if err := idx.SetInternal([]byte("compacted"), []byte(time.Now().UTC().Format(time.RFC3339))); err != nil {
		return fmt.Errorf("index: compact: %w", err)
	}
	return waitForCleanup(ctx, s)
}

// waitForCleanup waits until s has no files on disk but its segments'
// and its root's, or cleanupWait has passed.
func waitForCleanup(ctx context.Context, s *scorch.Scorch) error {
	deadline := time.Now().Add(cleanupWait)
	for {
		r, err := s.Reader()
		if err != nil {
			return fmt.Errorf("index: compact: %w", err)
		}
		live := len(r.(*scorch.IndexSnapshot).Segments())
		r.Close()
		files, _ := s.StatsMap()["CurOnDiskFiles"].(uint64)
		if files <= uint64(live)+1 || time.Now().After(deadline) {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

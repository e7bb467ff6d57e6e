package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// compactBelow is the size, in documents, of the segments Compact merges
// together. After a bulk write bleve's merge tiers leave up to ten
// segments a tier, and a search pays for each segment in every word and
// article it looks up: at 100,000 articles 18 segments, 5 after
// compacting, an ask costing a sixth less CPU. Segments past half this
// size, the top tier, stay whole: merging them would be most of the work
// and save the least.
const compactBelow = 300_000

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
	return nil
}

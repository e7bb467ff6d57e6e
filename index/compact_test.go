package index

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// segments counts the segments of the serving generation.
func segments(t *testing.T, ix *Index) int {
	t.Helper()
	adv, err := ix.cur.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return len(r.(*scorch.IndexSnapshot).Segments())
}

// TestCompactMergesSegments: articles written one at a time leave many
// segments; Compact merges them into one, removes their files, and the
// index answers as before.
func TestCompactMergesSegments(t *testing.T) {
	ctx := context.Background()
	ix := open(t, t.TempDir())
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	// written one article a batch until bleve's merging lags behind
	written, n := 0, 0
	for ; written < 50 || n < 3 && written < 2000; written++ {
		id := fmt.Sprintf("a%04d", written)
		ps := passages(id, "Dock news", "wire", day, fmt.Sprintf("The dock strike went on for %d days.", written), "Talks resumed.")
		if err := ix.Replace(ctx, id, ps); err != nil {
			t.Fatal(err)
		}
		n = segments(t, ix)
	}
	q := Query{Clauses: []Clause{{Text: "dock strike talks"}}, Size: 2 * written}
	before, err := ix.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if n < 3 {
		t.Fatalf("%d segments before compacting: the test needs several", n)
	}
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if got := segments(t, ix); got != 1 {
		t.Errorf("%d segments after compacting (%d before), want 1", got, n)
	}
	if zaps, _ := filepath.Glob(filepath.Join(ix.dir, ix.name, "store", "*.zap")); len(zaps) != 1 {
		t.Errorf("%d segment files on disk after compacting, want 1: the merged-away ones are left", len(zaps))
	}
	after, err := ix.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 2*written || !reflect.DeepEqual(before, after) {
		t.Errorf("compacting changed the answer: %d hits before, %d after", len(before), len(after))
	}
}

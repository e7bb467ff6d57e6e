package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// TestTopMatchesFullSort checks top's shortcut against bleve sorting every
// match by score and ID, over passages with many equal scores: groups of
// identical passages, so ties fall at the cut, within the margin and past
// it, written in shuffled order so that bleve's own order of equal hits is
// not the ID order.
func TestTopMatchesFullSort(t *testing.T) {
	ctx := context.Background()
	ix := open(t, t.TempDir())
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	// group g has g+1 identical passages; more words about the strike
	// score higher, so the groups are tiers of equal scores.
	var arts []string
	for g := range 12 {
		text := "The strike " + strings.Repeat("strike talks ", g%5) + fmt.Sprintf("went on (tier %d).", g)
		for k := range g + 1 {
			arts = append(arts, fmt.Sprintf("a%02d-%02d|%s", (g*7+k*5)%97, k, text))
		}
	}
	for i := range arts {
		j := (i * 31) % len(arts)
		arts[i], arts[j] = arts[j], arts[i]
	}
	for _, a := range arts {
		id, text, _ := strings.Cut(a, "|")
		id = id + "-" + fmt.Sprint(len(text))
		if err := ix.Replace(ctx, id, passages(id, "Dock news", "wire", day, text)); err != nil {
			t.Fatal(err)
		}
	}
	q := buildQuery(Query{Clauses: []Clause{{Text: "strike talks"}}}, passageFields)
	for size := 1; size <= len(arts)+2; size++ {
		got, err := ix.top(ctx, q, size, nil)
		if err != nil {
			t.Fatal(err)
		}
		req := bleve.NewSearchRequestOptions(q, size, 0, false)
		req.SortBy(byScoreThenID)
		sctx, err := ix.scoring(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ix.alias.SearchInContext(sctx, req)
		if err != nil {
			t.Fatal(err)
		}
		var g, w []string
		for _, h := range got {
			g = append(g, h.ID)
		}
		for _, h := range want.Hits {
			w = append(w, h.ID)
		}
		if !slices.Equal(g, w) {
			t.Fatalf("size %d: top gives %v\nfull sort gives %v", size, g, w)
		}
	}
}

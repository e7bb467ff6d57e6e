package index

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestCommonShare: a word in more than CommonShare of the documents is left
// out of the search, unless it is among the keepRarest rarest words.
func TestCommonShare(t *testing.T) {
	ix := open(t, t.TempDir())
	ctx := context.Background()
	day := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range 8 {
		text := "The minister said the plan would go ahead."
		switch i {
		case 0:
			text += " Zebras and giraffes were moved."
		case 1:
			text += " Zebras were counted."
		}
		ps := passages(fmt.Sprintf("c%d", i), "Plan", "wire", day, text)
		if err := ix.Replace(ctx, ps[0].ArticleID, ps); err != nil {
			t.Fatal(err)
		}
	}
	three := []Clause{{Text: "said"}, {Text: "zebras"}, {Text: "giraffes"}}
	tests := []struct {
		name  string
		q     Query
		wantN int
	}{
		{"every word", Query{Clauses: three}, 8},
		{"common word left out", Query{Clauses: three, CommonShare: 0.5}, 2},
		{"the rarest two are kept", Query{Clauses: three[:2], CommonShare: 0.5}, 8},
		{"names are kept", Query{Clauses: append(slices.Clone(three), Clause{Text: "minister plan", AllWords: true}), CommonShare: 0.5}, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := ix.SearchArticles(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != tt.wantN {
				t.Errorf("articles: got %d, want %d", len(arts), tt.wantN)
			}
			hits, err := ix.Search(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != tt.wantN {
				t.Errorf("passages: got %d, want %d", len(hits), tt.wantN)
			}
		})
	}
}

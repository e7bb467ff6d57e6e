package index

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"storybot/article"
)

// TestScoresIndependentOfSegments: the same articles written one batch each
// (many segments) and all in one batch (one segment) score the same, so a
// rebuilt index answers as the one it replaces.
func TestScoresIndependentOfSegments(t *testing.T) {
	ctx := context.Background()
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	// Many words shared by every article: bleve's own average length, the
	// dictionary size summed over segments, then differs by layout.
	var common []string
	for w := range 150 {
		common = append(common, fmt.Sprintf("w%03d", w))
	}
	words := []string{"strike", "dockers", "pay", "talks", "union", "port", "ferry", "harbour", "crane", "wage"}
	arts := map[string][]article.Passage{}
	for i := range 30 {
		id := fmt.Sprintf("a%02d", i)
		text := fmt.Sprintf("The %s and the %s went on; %s %s.", words[i%10], words[(i*3)%10], words[(i*7)%10], words[(i+1)%10])
		filler := strings.Join(common[i%3*50:], " ")
		arts[id] = passages(id, "Dock news "+words[i%10], "wire", day, text, "Nothing else "+words[(i*5)%10]+" happened: "+filler+".")
	}
	one := open(t, t.TempDir())
	if err := one.ReplaceMany(ctx, arts); err != nil {
		t.Fatal(err)
	}
	many := open(t, t.TempDir())
	for id, ps := range arts {
		if err := many.Replace(ctx, id, ps); err != nil {
			t.Fatal(err)
		}
	}
	q := Query{Clauses: []Clause{{Text: "strike talks"}, {Text: "union"}, {Text: "harbour crane"}}, Size: 20}
	a, err := one.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	b, err := many.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("one segment: %d hits, many: %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Passage.ID != b[i].Passage.ID || a[i].Score != b[i].Score {
			t.Errorf("hit %d: one segment %s %.6f, many %s %.6f", i, a[i].Passage.ID, a[i].Score, b[i].Passage.ID, b[i].Score)
		}
	}
}

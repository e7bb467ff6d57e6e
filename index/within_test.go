package index

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"storybot/article"
)

// TestSearchWithinMatchesTwoSearches checks that the one walk gives, for
// every size and lead asked, exactly what a search inside all the articles
// and a search inside the leading ones give, fields and all: over articles
// whose passages tie in score, with articles that do not match, a quoted
// speaker, and articles replaced since (deleted documents in the index).
func TestSearchWithinMatchesTwoSearches(t *testing.T) {
	ctx := context.Background()
	ix := open(t, t.TempDir())
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	var all []string
	for a := range 30 {
		id := fmt.Sprintf("art%02d", (a*11)%30)
		var texts []string
		for p := range 1 + a%6 {
			texts = append(texts, "The dock strike "+strings.Repeat("talks ", (a+p)%4)+fmt.Sprintf("went on, day %d.", p%3))
		}
		if a%7 == 0 {
			texts = []string{"Weather: rain over the hills."}
		}
		ps := passages(id, fmt.Sprintf("Port news %d", a%4), "wire", day.AddDate(0, 0, a), texts...)
		ps[0].Speakers = []article.Speaker{{Name: "Ann Lee", Role: "union leader", Quote: "went on"}}
		if err := ix.Replace(ctx, id, ps); err != nil {
			t.Fatal(err)
		}
		all = append(all, id)
	}
	for a := range 5 {
		id := fmt.Sprintf("art%02d", a*6)
		ps := passages(id, "Port news", "wire", day, "The dock strike talks went on.", "Talks, talks.")
		if err := ix.Replace(ctx, id, ps); err != nil {
			t.Fatal(err)
		}
	}
	q := Query{Clauses: []Clause{{Text: "dock strike talks"}}, ArticleIDs: all[3:27]}
	check := func(t *testing.T) {
		for _, size := range []int{1, 7, 40, 500} {
			for _, lead := range []int{0, 1, 4, 30} {
				for _, leadSize := range []int{1, 5, 500} {
					gw, gl, err := ix.SearchWithin(ctx, q, size, lead, leadSize)
					if err != nil {
						t.Fatal(err)
					}
					ww, wl, err := ix.searchEach(ctx, q, size, lead, leadSize)
					if err != nil {
						t.Fatal(err)
					}
					if len(gw) == 0 || !reflect.DeepEqual(gw, ww) {
						t.Fatalf("size %d: within gives %v\nsearch gives %v", size, ids(gw), ids(ww))
					}
					if !reflect.DeepEqual(gl, wl) {
						t.Fatalf("lead %d, size %d: within gives %v\nsearch gives %v", lead, leadSize, ids(gl), ids(wl))
					}
				}
			}
		}
	}
	check(t)
}

// searchEach is SearchWithin as two searches, the oracle the one walk is
// checked against.
func (ix *Index) searchEach(ctx context.Context, q Query, size, lead, leadSize int) ([]Hit, []Hit, error) {
	q.Size = size
	wide, err := ix.Search(ctx, q)
	if err != nil || lead <= 0 {
		return wide, nil, err
	}
	q.Size, q.ArticleIDs = leadSize, q.ArticleIDs[:min(lead, len(q.ArticleIDs))]
	leading, err := ix.Search(ctx, q)
	return wide, leading, err
}

func TestBest(t *testing.T) {
	ms := func(scores ...float64) []match {
		var out []match
		for i, s := range scores {
			out = append(out, match{doc: uint64(i), score: s})
		}
		return out
	}
	for _, tc := range []struct {
		in   []match
		n    int
		want string
	}{
		{ms(1, 3, 2), 2, "[3 2]"},
		{ms(1, 3, 2, 2, 0.5), 2, "[3 2 2]"},
		{ms(2, 2, 2), 1, "[2 2 2]"},
		{ms(1, 3), 5, "[3 1]"},
		{ms(1, 3), 0, "[]"},
		{nil, 3, "[]"},
	} {
		var got []float64
		for _, m := range best(tc.in, tc.n) {
			got = append(got, m.score)
		}
		if fmt.Sprint(got) != tc.want {
			t.Errorf("best(%d) = %v, want %s", tc.n, got, tc.want)
		}
	}
}

// TestSearchWithinPassagesOnly: the article filter matches the articles'
// own documents too, yet with fewer matching passages than asked for only
// the passages holding a word of the question come back.
func TestSearchWithinPassagesOnly(t *testing.T) {
	ctx := context.Background()
	ix := open(t, t.TempDir())
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, id := range []string{"a", "b"} {
		if err := ix.Replace(ctx, id, passages(id, "Port news", "wire", day, "The dock strike went on.", "Rain.")); err != nil {
			t.Fatal(err)
		}
	}
	wide, lead, err := ix.SearchWithin(ctx, Query{Clauses: []Clause{{Text: "strike"}}, ArticleIDs: []string{"a", "b"}}, 50, 1, 50)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ids(wide), ids(lead)) != "[a/0 b/0] [a/0]" {
		t.Errorf("got %v and %v, want [a/0 b/0] and [a/0]", ids(wide), ids(lead))
	}
	for _, h := range append(wide, lead...) {
		if h.Passage.Text == "" {
			t.Errorf("hit %q has no text: not a passage", h.Passage.ID)
		}
	}
}

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
// whose passages tie in score, with articles that do not match and a
// quoted speaker, and once more with the walk's cap below the matches so
// that the fallback is the one answering.
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
	t.Run("one walk", check)
	defer func(c int) { withinCap = c }(withinCap)
	withinCap = 3
	t.Run("fallback", check)
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

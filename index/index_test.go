package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"storybot/article"
)

func passages(articleID, title, source string, published time.Time, texts ...string) []article.Passage {
	ps := make([]article.Passage, len(texts))
	for i, t := range texts {
		ps[i] = article.Passage{ID: fmt.Sprintf("%s/%d", articleID, i), ArticleID: articleID, Position: i,
			Text: t, Title: title, Source: source, URL: "https://example.org/" + articleID, Published: published}
	}
	return ps
}

func open(t *testing.T, dir string) *Index {
	t.Helper()
	ix, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func ids(hits []Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Passage.ID
	}
	return out
}

func seed(t *testing.T, ix *Index) {
	t.Helper()
	ctx := context.Background()
	may := time.Date(2017, 5, 25, 0, 0, 0, 0, time.UTC)
	a := passages("a1", "Leak row", "caller", may,
		"Police in Manchester stopped sharing intelligence after the leaks.",
		"Theresa May said intelligence shared between agencies must remain secure.")
	a[1].Speakers = []article.Speaker{{Name: "Theresa May", Role: "Prime Minister", Quote: "must remain secure"}}
	b := passages("b1", "Rates held", "wire", may.AddDate(0, 1, 0),
		"The central bank held interest rates at 0.5% (again) in June.")
	b[0].Outlet = "Wire Service Daily"
	for _, p := range [][]article.Passage{a, b} {
		if err := ix.Replace(ctx, p[0].ArticleID, p); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSearch(t *testing.T) {
	ix := open(t, t.TempDir())
	seed(t, ix)
	since := time.Date(2017, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"stemmed word", Query{Clauses: []Clause{{Text: "stopping"}}}, []string{"a1/0"}},
		{"title matches", Query{Clauses: []Clause{{Text: "leaking"}}}, []string{"a1/0", "a1/1"}},
		{"all words", Query{Clauses: []Clause{{Text: "rates interest", AllWords: true}}}, []string{"b1/0"}},
		{"all words, one missing", Query{Clauses: []Clause{{Text: "interest intelligence", AllWords: true}}}, []string{}},
		{"speaker name", Query{Clauses: []Clause{{Text: "prime minister"}}}, []string{"a1/1"}},
		{"source filter", Query{Clauses: []Clause{{Text: "intelligence"}, {Text: "rates"}}, Source: "wire"}, []string{"b1/0"}},
		{"outlet filter", Query{Clauses: []Clause{{Text: "intelligence"}, {Text: "rates"}}, Source: "Wire Service Daily"}, []string{"b1/0"}},
		{"speaker", Query{Speaker: "Theresa May"}, []string{"a1/1"}},
		{"speaker's role", Query{Speaker: "prime minister"}, []string{"a1/1"}},
		{"speaker with a clause", Query{Clauses: []Clause{{Text: "intelligence"}}, Speaker: "may"}, []string{"a1/1"}},
		{"speaker prefix", Query{Speaker: "ther", SpeakerPrefix: true}, []string{"a1/1"}},
		{"no such speaker", Query{Speaker: "ther"}, []string{}},
		{"since filter", Query{Clauses: []Clause{{Text: "intelligence"}, {Text: "rates"}}, Since: since}, []string{"b1/0"}},
		{"until filter", Query{Clauses: []Clause{{Text: "intelligence"}, {Text: "rates"}}, Until: since}, []string{"a1/0", "a1/1"}},
		{"until is inclusive", Query{Clauses: []Clause{{Text: "rates"}}, Until: since.AddDate(0, 0, 24)}, []string{"b1/0"}},
		{"title word", Query{Clauses: []Clause{{Text: "row"}}}, []string{"a1/0", "a1/1"}},
		{"text only skips the title", Query{Clauses: []Clause{{Text: "row", TextOnly: true}}}, []string{}},
		{"text only skips speakers", Query{Clauses: []Clause{{Text: "prime minister", TextOnly: true}}}, []string{}},
		{"article filter", Query{Clauses: []Clause{{Text: "intelligence"}}, ArticleIDs: []string{"a1"}}, []string{"a1/0", "a1/1"}},
		{"must", Query{Clauses: []Clause{{Text: "intelligence", Must: true}, {Text: "may", Must: true}}}, []string{"a1/1"}},
		{"syntax is text", Query{Clauses: []Clause{{Text: `+rates -"held" (0.5%) ~ * ? ^2 title:x`}}}, []string{"b1/0"}},
		{"no clause", Query{}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := ix.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(hits)
			if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(tt.want)) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestUntilKeepsUndated: an article of unknown date cannot be shown to be
// later than Until, so it stays.
func TestUntilKeepsUndated(t *testing.T) {
	ix := open(t, t.TempDir())
	ctx := context.Background()
	if err := ix.Replace(ctx, "u1", passages("u1", "Harbour plan", "wire", time.Time{}, "The harbour plan was approved.")); err != nil {
		t.Fatal(err)
	}
	late := passages("d1", "Harbour plan", "wire", time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), "The harbour plan was dropped.")
	if err := ix.Replace(ctx, "d1", late); err != nil {
		t.Fatal(err)
	}
	hits, err := ix.Search(ctx, Query{Clauses: []Clause{{Text: "harbour"}}, Until: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(hits); fmt.Sprint(got) != "[u1/0]" {
		t.Errorf("got %v, want [u1/0]", got)
	}
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestStoredFieldsRoundTrip(t *testing.T) {
	ix := open(t, t.TempDir())
	seed(t, ix)
	hits, err := ix.Search(context.Background(), Query{Clauses: []Clause{{Text: "secure"}}})
	if err != nil || len(hits) != 1 {
		t.Fatalf("got %v hits, err %v", len(hits), err)
	}
	p := hits[0].Passage
	if p.Text != "Theresa May said intelligence shared between agencies must remain secure." ||
		p.Title != "Leak row" || p.Source != "caller" || p.ArticleID != "a1" || p.Position != 1 ||
		p.URL != "https://example.org/a1" || !p.Published.Equal(time.Date(2017, 5, 25, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("got %+v", p)
	}
	if len(p.Speakers) != 1 || p.Speakers[0].Name != "Theresa May" {
		t.Errorf("speakers: got %+v", p.Speakers)
	}
	hits, err = ix.Search(context.Background(), Query{Clauses: []Clause{{Text: "rates"}}})
	if err != nil || len(hits) != 1 || hits[0].Passage.Outlet != "Wire Service Daily" {
		t.Errorf("outlet: got %+v, %v; want Wire Service Daily", hits, err)
	}
}

func TestReplaceRemovesOldPassages(t *testing.T) {
	ix := open(t, t.TempDir())
	seed(t, ix)
	ctx := context.Background()
	short := passages("a1", "Leak row", "caller", time.Time{}, "A single shorter version about leaks.")
	if err := ix.Replace(ctx, "a1", short); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 2 {
		t.Errorf("count: got %d, want 2", n)
	}
	if err := ix.Delete(ctx, "b1"); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 1 {
		t.Errorf("count after delete: got %d, want 1", n)
	}
}

func TestReopenKeepsPassages(t *testing.T) {
	dir := t.TempDir()
	ix, st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !st.NeedsRebuild {
		t.Error("a new index should report NeedsRebuild")
	}
	seed(t, ix)
	ix.Close()
	ix2, st2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if st2.NeedsRebuild {
		t.Errorf("reopen: got NeedsRebuild (%s)", st2.Reason)
	}
	if n, _ := ix2.Count(); n != 3 {
		t.Errorf("count: got %d, want 3", n)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	dir := t.TempDir()
	open(t, dir)
	start := time.Now()
	_, _, err := Open(dir)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("got %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v to report the lock", d)
	}
}

func TestSchemaMismatchAndStaleGenerations(t *testing.T) {
	dir := t.TempDir()
	ix, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	seed(t, ix)
	ix.mu.Lock()
	ix.cur.SetInternal([]byte(schemaKey), []byte("old-schema"))
	ix.mu.Unlock()
	ix.Close()
	partial := filepath.Join(dir, "gen-19990101T000000.000000000")
	if err := os.MkdirAll(partial, 0o755); err != nil {
		t.Fatal(err)
	}
	ix2, st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if !st.NeedsRebuild {
		t.Error("want NeedsRebuild for an old schema")
	}
	if n, _ := ix2.Count(); n != 0 {
		t.Errorf("count: got %d, want a fresh empty index", n)
	}
	entries, _ := os.ReadDir(dir)
	gens := 0
	for _, e := range entries {
		if e.IsDir() {
			gens++
		}
	}
	if gens != 1 {
		t.Errorf("generations on disk: got %d, want 1", gens)
	}
}

func TestRebuildSwapsWhileSearching(t *testing.T) {
	dir := t.TempDir()
	ix := open(t, dir)
	seed(t, ix)
	ctx := context.Background()
	q := Query{Clauses: []Clause{{Text: "intelligence"}}}
	before, _ := ix.Search(ctx, q)

	var wg sync.WaitGroup
	stop := make(chan struct{})
	var failures, empties int
	var mu sync.Mutex
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				hits, err := ix.Search(ctx, q)
				mu.Lock()
				if err != nil {
					failures++
				} else if len(hits) == 0 {
					empties++
				}
				mu.Unlock()
			}
		}()
	}
	n, err := ix.Rebuild(ctx, func(ctx context.Context, add func([]article.Passage) error) error {
		may := time.Date(2017, 5, 25, 0, 0, 0, 0, time.UTC)
		for i := range 2000 {
			ps := passages(fmt.Sprintf("bulk%d", i), "Filler", "bulk", may, "Unrelated filler text about gardening.")
			if err := add(ps); err != nil {
				return err
			}
		}
		a := passages("a1", "Leak row", "caller", may,
			"Police in Manchester stopped sharing intelligence after the leaks.",
			"Theresa May said intelligence shared between agencies must remain secure.")
		return add(a)
	})
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if n != 2002 {
		t.Errorf("rebuilt passages: got %d, want 2002", n)
	}
	if failures+empties > 0 {
		t.Errorf("during rebuild: %d failed and %d empty searches", failures, empties)
	}
	after, _ := ix.Search(ctx, q)
	if fmt.Sprint(sorted(ids(after))) != fmt.Sprint(sorted(ids(before))) {
		t.Errorf("after swap: got %v, want %v", ids(after), ids(before))
	}
	if c, _ := ix.Count(); c != 2002 {
		t.Errorf("count: got %d, want 2002 (b1 is not in the store any more)", c)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 { // CURRENT and one generation
		t.Errorf("entries on disk after swap: got %d, want 2", len(entries))
	}
}

func TestRebuildFailureKeepsServing(t *testing.T) {
	dir := t.TempDir()
	ix := open(t, dir)
	seed(t, ix)
	ctx := context.Background()
	boom := errors.New("store read failed")
	_, err := ix.Rebuild(ctx, func(ctx context.Context, add func([]article.Passage) error) error {
		if err := add(passages("x", "X", "x", time.Time{}, "text")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want %v", err, boom)
	}
	if n, _ := ix.Count(); n != 3 {
		t.Errorf("count: got %d, want the old 3", n)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("entries on disk: got %d, want CURRENT and one generation", len(entries))
	}
}

func TestReplaceDuringRebuildWins(t *testing.T) {
	ix := open(t, t.TempDir())
	ctx := context.Background()
	old := passages("a1", "T", "s", time.Time{}, "old words here")
	newer := passages("a1", "T", "s", time.Time{}, "fresh words here")
	_, err := ix.Rebuild(ctx, func(ctx context.Context, add func([]article.Passage) error) error {
		if err := add(old); err != nil { // read from the store before the update
			return err
		}
		return ix.Replace(ctx, "a1", newer) // ingest stores and indexes the update
	})
	if err != nil {
		t.Fatal(err)
	}
	hits, _ := ix.Search(ctx, Query{Clauses: []Clause{{Text: "old"}}})
	if len(hits) != 0 {
		t.Errorf("stale version indexed: %v", ids(hits))
	}
	hits, _ = ix.Search(ctx, Query{Clauses: []Clause{{Text: "fresh"}}})
	if len(hits) != 1 {
		t.Errorf("fresh version: got %v", ids(hits))
	}
}

// TestSearchArticles: an article is scored on its whole text and title, so
// one whose words are spread over several passages leads one where a
// single passage holds a few of them.
func TestSearchArticles(t *testing.T) {
	ix := open(t, t.TempDir())
	ctx := context.Background()
	may := time.Date(2017, 5, 25, 0, 0, 0, 0, time.UTC)
	spread := passages("s1", "Manchester leak row", "wire", may,
		"Police stopped sharing intelligence with the United States.",
		"The bombing investigation continued in Manchester on Thursday.")
	one := passages("o1", "Sport roundup", "wire", may.AddDate(0, 0, 1),
		"Manchester United beat Ajax in Stockholm.", "The intelligence of the coach was praised.", "Fans went home happy.")
	for _, ps := range [][]article.Passage{spread, one} {
		if err := ix.Replace(ctx, ps[0].ArticleID, ps); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"whole article", Query{Clauses: []Clause{{Text: "manchester intelligence leak bombing"}}}, []string{"s1", "o1"}},
		{"all words across the body", Query{Clauses: []Clause{{Text: "united bombing", AllWords: true}}}, []string{"s1"}},
		{"until filter", Query{Clauses: []Clause{{Text: "manchester"}}, Until: may}, []string{"s1"}},
		{"title only word", Query{Clauses: []Clause{{Text: "roundup"}}}, []string{"o1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := ix.SearchArticles(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.ArticleID)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	// article documents are not passages
	if n, _ := ix.Count(); n != 5 {
		t.Errorf("Count: got %d passages, want 5", n)
	}
	hits, err := ix.Search(ctx, Query{Clauses: []Clause{{Text: "manchester intelligence"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if !strings.Contains(h.Passage.ID, "/") {
			t.Errorf("passage search returned article document %s", h.Passage.ID)
		}
	}
	if err := ix.Delete(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
	if hits, _ := ix.SearchArticles(ctx, Query{Clauses: []Clause{{Text: "bombing"}}}); len(hits) != 0 {
		t.Errorf("after Delete: got %v, want no article", hits)
	}
}

package index

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	bindex "github.com/blevesearch/bleve_index_api"

	"storybot/article"
)

// storedNames returns the names of the fields document id stores.
func storedNames(t *testing.T, ix *Index, id string) []string {
	t.Helper()
	doc, err := ix.alias.Document(id)
	if err != nil || doc == nil {
		t.Fatalf("document %s: %v, %v", id, doc, err)
	}
	var names []string
	doc.VisitFields(func(f bindex.Field) { names = append(names, f.Name()) })
	slices.Sort(names)
	return slices.Compact(names)
}

func TestArticleFieldsStoredOnce(t *testing.T) {
	ix := open(t, t.TempDir())
	seed(t, ix)
	if got, want := storedNames(t, ix, "a1/1"), []string{fieldSpeakerJS, fieldText}; !reflect.DeepEqual(got, want) {
		t.Errorf("a passage stores %v, want only %v", got, want)
	}
	if got, want := storedNames(t, ix, "a1/0"), []string{fieldText}; !reflect.DeepEqual(got, want) {
		t.Errorf("a passage without speakers stores %v, want only %v", got, want)
	}
	want := []string{fieldArticleTitle, fieldArticleOutlet, fieldArticlePublished, fieldArticleSource, fieldArticleURL}
	slices.Sort(want)
	if got := storedNames(t, ix, "b1"); !reflect.DeepEqual(got, want) {
		t.Errorf("an article document stores %v, want %v", got, want)
	}
}

func TestPassagesGiveBackWhatWasIndexed(t *testing.T) {
	ix := open(t, t.TempDir())
	ctx := context.Background()
	ps := passages("c1", "Strike called off", "wire", time.Date(2020, 3, 1, 9, 30, 0, 0, time.UTC),
		"The union called off the strike.", "Talks resume on Monday.", "Both sides welcomed it.")
	for i := range ps {
		ps[i].Outlet = "Wire Daily"
	}
	ps[2].Speakers = []article.Speaker{{Name: "Ann Lee", Role: "union leader", Quote: "welcomed", Kind: article.Reported}}
	if err := ix.Replace(ctx, "c1", ps); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Passages(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ps) {
		t.Fatalf("got %d passages, want %d", len(got), len(ps))
	}
	for i := range ps {
		if !got[i].Published.Equal(ps[i].Published) {
			t.Errorf("passage %d: published %v, want %v", i, got[i].Published, ps[i].Published)
		}
		got[i].Published = ps[i].Published
		if !reflect.DeepEqual(got[i], ps[i]) {
			t.Errorf("passage %d:\ngot  %+v\nwant %+v", i, got[i], ps[i])
		}
	}
}

func TestReplaceRefusesPassagesItCannotGiveBack(t *testing.T) {
	ix := open(t, t.TempDir())
	ctx := context.Background()
	may := time.Date(2017, 5, 25, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		change func(ps []article.Passage)
		want   string
	}{
		{"ID not article/position", func(ps []article.Passage) { ps[1].ID = "x1-1" }, "ID is not"},
		{"position not in the ID", func(ps []article.Passage) { ps[1].Position = 7 }, "ID is not"},
		{"other title", func(ps []article.Passage) { ps[1].Title = "Another" }, "article fields differ"},
		{"other article", func(ps []article.Passage) { ps[1].ArticleID, ps[1].ID = "x2", "x2/1" }, "article fields differ"},
		{"other date", func(ps []article.Passage) { ps[1].Published = may.Add(time.Hour) }, "article fields differ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := passages("x1", "Title", "src", may, "one", "two")
			tt.change(ps)
			err := ix.Replace(ctx, "x1", ps)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
			if has, _ := ix.Has(ctx, "x1"); has {
				t.Error("a refused article was indexed")
			}
		})
	}
}

func TestPassageOfAGoneArticleIsLeftOut(t *testing.T) {
	ix := open(t, t.TempDir())
	seed(t, ix)
	arts := ix.articles()
	p, ok, err := arts.fill(passageFrom("a1/1", map[string]any{fieldText: "x"}))
	if err != nil || !ok || p.Title != "Leak row" || p.Position != 1 || p.ArticleID != "a1" {
		t.Errorf("a1/1: got %+v, %v, %v", p, ok, err)
	}
	if err := ix.Delete(context.Background(), "b1"); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := arts.fill(passageFrom("b1/0", nil)); ok || err != nil {
		t.Errorf("b1/0 after its article was deleted: got %v, %v; want left out", ok, err)
	}
}

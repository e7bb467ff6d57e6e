package story

import (
	"context"
	"fmt"
	"testing"
	"time"

	"storybot/article"
	"storybot/index"
)

func setup(t *testing.T) *Finder {
	t.Helper()
	ix, _, err := index.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	day := time.Date(2017, 5, 20, 0, 0, 0, 0, time.UTC)
	arts := []struct{ id, title, text string }{
		{"a", "Police stop sharing", "Manchester police stopped sharing intelligence after the leak."},
		{"b", "Leak inquiry", "Trump ordered an inquiry into the Manchester leak of crime scene photos."},
		{"c", "Football", "Manchester United won the cup final on Saturday."},
		{"d", "Budget", "The chancellor presented the budget to parliament."},
	}
	for i, a := range arts {
		p := article.Passage{ID: a.id + "/0", ArticleID: a.id, Title: a.title, Text: a.text, Source: "s",
			URL: "https://e.org/" + a.id, Published: day.AddDate(0, 0, i)}
		if err := ix.Replace(context.Background(), a.id, []article.Passage{p}); err != nil {
			t.Fatal(err)
		}
	}
	return New(ix)
}

func ids(ms []Match) string {
	var s []string
	for _, m := range ms {
		s = append(s, m.ArticleID)
	}
	return fmt.Sprint(s)
}

func TestMatch(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name, query string
		only        []string
		want        string
	}{
		{"topic", "manchester leak", nil, "[b a]"},
		{"restricted to new articles", "manchester leak", []string{"a", "c", "d"}, "[a]"},
		{"passing mention excluded", "manchester leak inquiry photos", nil, "[b]"},
		{"nothing", "volcano eruption", nil, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := f.Match(context.Background(), tt.query, tt.only, 0)
			if err != nil {
				t.Fatal(err)
			}
			if ids(got) != tt.want {
				t.Errorf("got %s, want %s", ids(got), tt.want)
			}
		})
	}
	if _, err := f.Match(context.Background(), "the of and", nil, 0); err == nil {
		t.Error("want an error for a query of stop words")
	}
}

func TestTimelineNewestFirst(t *testing.T) {
	f := setup(t)
	got, err := f.Timeline(context.Background(), "manchester", 10)
	if err != nil {
		t.Fatal(err)
	}
	if ids(got) != "[c b a]" {
		t.Errorf("got %s, want [c b a]", ids(got))
	}
	got, _ = f.Timeline(context.Background(), "manchester", 2)
	if ids(got) != "[c b]" {
		t.Errorf("limit: got %s, want [c b]", ids(got))
	}
}

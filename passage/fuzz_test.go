package passage

import (
	"os"
	"slices"
	"strings"
	"testing"

	"storybot/article"
	"storybot/attrib"
	"storybot/internal/sharedtest"
)

// FuzzSplit cuts any text, split into paragraphs at blank lines: no panic,
// passages numbered in order, and no word of the article lost or invented.
func FuzzSplit(f *testing.F) {
	f.Add("Short one.\n\nShort two.\n\n" + strings.Repeat("A long sentence of several words. ", 60))
	f.Add(strings.Repeat("word ", 200))
	f.Add("Mr. Smith said \"No.\" Then left.\n\n\n\n   \n\nEnd")
	for _, p := range append(sharedtest.Glob("seed/*.txt"), sharedtest.Glob("corpus/bbc/politics/00[1-5].txt")...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := article.Article{ID: "a1", Title: "T", Paragraphs: strings.Split(text, "\n\n")}
		ps := Split(a, attrib.Attribute(a.OutletName(), a.Paragraphs))
		var got []string
		for i, p := range ps {
			if p.Position != i || p.ArticleID != "a1" || strings.TrimSpace(p.Text) == "" {
				t.Fatalf("passage %d: position %d, article %q, text %q", i, p.Position, p.ArticleID, p.Text)
			}
			got = append(got, strings.Fields(p.Text)...)
		}
		want := strings.Fields(strings.Join(a.Paragraphs, " "))
		if !slices.Equal(got, want) {
			t.Fatalf("passage words differ from the article's:\ngot  %q\nwant %q", got, want)
		}
	})
}

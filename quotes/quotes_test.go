package quotes

import (
	"context"
	"fmt"
	"testing"
	"time"

	"storybot/article"
	"storybot/index"
)

// passage is one indexed passage quoting speakers.
func passage(articleID string, pos int, title string, published time.Time, text string, sp ...article.Speaker) article.Passage {
	return article.Passage{ID: fmt.Sprintf("%s/%d", articleID, pos), ArticleID: articleID, Position: pos, Text: text,
		Title: title, Source: "test", Outlet: "Test Wire", URL: "https://news.example/" + articleID, Published: published, Speakers: sp}
}

func day(d int) time.Time { return time.Date(2017, 5, d, 12, 0, 0, 0, time.UTC) }

// newIndex is a real index holding a small archive: Amber Rudd quoted in
// two articles (once only as "Ms Rudd"), Theresa May, Kevin Rudd, and
// Donald Trump and his son.
func newIndex(t *testing.T) *index.Index {
	t.Helper()
	ix, _, err := index.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	rudd := article.Speaker{Name: "Amber Rudd", Role: "Home Secretary"}
	arts := map[string][]article.Passage{
		"a": {
			passage("a", 0, "Ministers angry at leak", day(24), "Home Secretary Amber Rudd said the leak was irritating.",
				article.Speaker{Name: rudd.Name, Role: rudd.Role, Quote: "the leak was irritating"}),
			passage("a", 1, "Ministers angry at leak", day(24), "Theresa May said intelligence must remain secure.",
				article.Speaker{Name: "Theresa May", Role: "Prime Minister", Quote: "intelligence must remain secure"}),
		},
		"b": {
			passage("b", 0, "Sharing resumes", day(26), "Ms Rudd said she had been assured it would not happen again.",
				article.Speaker{Name: "Ms Rudd", Quote: "she had been assured it would not happen again"}),
			passage("b", 1, "Sharing resumes", day(26), "Mr Rudd, a former Australian prime minister, said nothing of it.",
				article.Speaker{Name: "Kevin Rudd", Quote: "nothing of it"}),
		},
		"c": {
			passage("c", 0, "Budget row", day(20), "Amber Rudd said the budget was fair.",
				article.Speaker{Name: "Amber Rudd", Quote: "the budget was fair"}),
		},
		"d": {
			passage("d", 0, "Trumps speak", day(25), "Donald Trump said the leaks were troubling. Donald Trump Jr said it was fake.",
				article.Speaker{Name: "Donald Trump", Role: "President", Quote: "the leaks were troubling"},
				article.Speaker{Name: "Donald Trump Jr", Quote: "it was fake"}),
		},
	}
	if err := ix.ReplaceMany(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestFind(t *testing.T) {
	f := New(newIndex(t))
	ctx := context.Background()
	for _, name := range []string{"Rudd", "Amber Rudd", "Home Secretary Amber Rudd", "amber rudd"} {
		t.Run(name, func(t *testing.T) {
			r, err := f.Find(ctx, Request{Speaker: name})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, st := range r.Stories {
				for _, q := range st.Quotes {
					got = append(got, st.ArticleID+": "+q.Text)
				}
			}
			want := []string{"b: she had been assured it would not happen again", "a: the leak was irritating", "c: the budget was fair"}
			if fmt.Sprint(got) != fmt.Sprint(want) || r.Quotes != 3 {
				t.Errorf("quotes %q (%d), want Amber Rudd's newest first, no one else's: %q", got, r.Quotes, want)
			}
			if r.Speaker != "Amber Rudd" || r.Role != "Home Secretary" {
				t.Errorf("speaker %q role %q, want Amber Rudd, Home Secretary", r.Speaker, r.Role)
			}
			if name == "Rudd" && fmt.Sprint(r.Others) != "[Kevin Rudd]" {
				t.Errorf("others %q, want Kevin Rudd named as another Rudd", r.Others)
			}
			if st := r.Stories[1]; st.Title != "Ministers angry at leak" || st.Outlet != "Test Wire" || st.URL != "https://news.example/a" || !st.Published.Equal(day(24)) {
				t.Errorf("story %+v, want its title, outlet, link and date", st)
			}
		})
	}
	t.Run("filters", func(t *testing.T) {
		r, err := f.Find(ctx, Request{Speaker: "Amber Rudd", About: "leak", Since: day(22)})
		if err != nil || r.Quotes != 1 || r.Stories[0].ArticleID != "a" {
			t.Errorf("about leak since 22 May: %+v, %v; want only the leak quote of 24 May", r, err)
		}
	})
	t.Run("a full name is not a longer one", func(t *testing.T) {
		r, err := f.Find(ctx, Request{Speaker: "Donald Trump"})
		if err != nil || r.Quotes != 1 || r.Stories[0].Quotes[0].Text != "the leaks were troubling" {
			t.Errorf("Donald Trump: %+v, %v; want the President's quote only", r, err)
		}
	})
	t.Run("nobody", func(t *testing.T) {
		if _, err := f.Find(ctx, Request{Speaker: " Mr "}); err == nil {
			t.Errorf("want an error for a name of honorifics only")
		}
		r, err := f.Find(ctx, Request{Speaker: "Nobody Known"})
		if err != nil || r.Quotes != 0 || r.Stories == nil {
			t.Errorf("unknown speaker: %+v, %v; want no quotes and an empty list", r, err)
		}
	})
}

func TestKnown(t *testing.T) {
	f := New(newIndex(t))
	for _, tc := range []struct {
		typed string
		want  string
	}{
		{"ru", "[{Amber Rudd Home Secretary 2} {Kevin Rudd  1} {Ms Rudd  1}]"},
		{"amber r", "[{Amber Rudd Home Secretary 2}]"},
		{"home sec", "[{Amber Rudd Home Secretary 1}]"},
		{"", "[]"},
		{"zz", "[]"},
	} {
		got, err := f.Known(context.Background(), tc.typed, 10)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != tc.want && !(tc.want == "[]" && len(got) == 0) {
			t.Errorf("Known(%q) = %v, want %s", tc.typed, got, tc.want)
		}
	}
}

package answer

import (
	"slices"
	"strings"
	"testing"
	"time"

	"storybot/article"
	"storybot/index"
	"storybot/question"
)

func TestHasQuotation(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{`"This is a great day for every worker in the valley," said Nadia Osei.`, true},
		{`He called the show “cruel and careless from start to finish”.`, true},
		{`The so-called "Quick Share" button was dropped.`, false},
		{`No quotation here at all.`, false},
		{`An opening " that never closes with many words after it`, false},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			if got := hasQuotation(c.text); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestSpeech(t *testing.T) {
	kobayashi := article.Speaker{Name: "Hana Kobayashi", Role: "Japanese FA spokeswoman", Quote: "it shows he is a leader"}
	quoted := `"It shows he is a leader and a team player," Kobayashi said.`
	cases := []struct {
		name     string
		question string
		p        article.Passage
		want     [3]float64
	}{
		{"no speech", "how did the japanese fa respond to the captain's apology", article.Passage{Text: "The captain apologised again."}, [3]float64{}},
		{"subject by role, quoted", "how did the japanese fa respond to the captain's apology",
			article.Passage{Text: quoted, Speakers: []article.Speaker{kobayashi}}, [3]float64{1, 1, 1}},
		{"someone else, reported", "who reacted to the apology",
			article.Passage{Text: "Kobayashi said it was fine.", Speakers: []article.Speaker{kobayashi}}, [3]float64{1, 0, 0}},
		{"factual question", "which country banned disposable barbecues",
			article.Passage{Text: quoted, Speakers: []article.Speaker{kobayashi}}, [3]float64{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			said, quote, subject := speech(question.Parse(c.question), c.p)
			if got := [3]float64{said, quote, subject}; got != c.want {
				t.Errorf("got speech, quote, subject %v, want %v", got, c.want)
			}
		})
	}
}

func TestSource(t *testing.T) {
	metOffice := article.Speaker{Name: "Met Office", Quote: "snow could arrive as early as Thursday"}
	motorists := article.Speaker{Name: "Tom Reid", Role: "AA spokesman", Quote: "drivers should plan ahead"}
	asked := "According to the Met Office, how soon will the snow arrive?"
	cases := []struct {
		name, question string
		speakers       []article.Speaker
		want           float64
	}{
		{"the source speaks", asked, []article.Speaker{motorists, metOffice}, 1},
		{"someone else speaks", asked, []article.Speaker{motorists}, 0},
		{"nobody speaks", asked, nil, 0},
		{"no source asked", "how soon will the snow arrive?", []article.Speaker{metOffice}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := article.Passage{Text: "The Met Office has said snow could arrive on Thursday.", Speakers: c.speakers}
			if got := source(question.Parse(c.question), p); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestLede(t *testing.T) {
	factual, speech := question.Parse("which country banned disposable barbecues"), question.Parse("who reacted to the leak")
	plainWho, said := question.Parse("who was named chief executive of the airline"), question.Parse("what did the chief executive say about the strike")
	cases := []struct {
		name     string
		q        question.Question
		position int
		want     float64
	}{
		{"lede of a factual question", factual, 0, 1},
		{"second passage", factual, 1, 0.5},
		{"deep passage", factual, 5, 0},
		{"reaction question", speech, 0, 0},
		{"who, with no reaction word", plainWho, 0, 1},
		{"what was said", said, 0, 0},
	}
	if !plainWho.Speech {
		t.Fatal("a who question counts as one about speech; the case below tests that")
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := lede(c.q, c.position); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// rk is a ranked passage for tests of composition.
func rk(p article.Passage, score float64) ranked {
	return ranked{candidate: &candidate{hit: index.Hit{Passage: p}}, score: score}
}

func TestNameMatches(t *testing.T) {
	cases := []struct {
		name, asked string
		want        bool
	}{
		{"Ryanair", "ryanair", true},
		{"Greta Lindqvist", "lindqvist", true},
		{"Hana Kobayashi Japan football spokeswoman", "the japanese fa", true},
		{"Sofia Marin Petrescu's lawyer", "petrescu's lawyer", true},
		{"Olaf Brandt", "eu finance ministers", false},
		{"Mr Wood", "woodland", false},
		{"Ford", "fordham", false},
		{"ITV", "how did itv hit back", true},
		{"Olaf Brandt", "how did the eu react", false},
		{"US Embassy", "who in the us said", true},
		{"Mr Ed", "ed", false},
	}
	for _, c := range cases {
		t.Run(c.name+" / "+c.asked, func(t *testing.T) {
			if got := nameMatches(c.name, c.asked); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestPick(t *testing.T) {
	texts := map[string]string{
		"a1":  "The home secretary said the disclosure was irritating and must not happen again.",
		"a2":  "The prime minister will raise the matter with the president at the summit on Thursday.",
		"a3":  "Police chiefs said trust had been damaged by the publication of sensitive material.",
		"b2":  "The president called the leaks deeply troubling and asked the justice department to investigate.",
		"b3":  "A statement from the White House promised to get to the bottom of the affair quickly.",
		"c1":  "Investigators continued to search several addresses in the south of the city overnight.",
		"d1":  "The former chairman said the bid undervalued the company and its workers badly.",
		"dup": "The home secretary said the disclosure was irritating and must not happen again, aides said.",
	}
	// article a leads; b is nearly as relevant, the others less.
	rel := map[string]float64{"a": 1, "b": 0.95, "c": 0.5, "d": 0.3, "e": 0.9}
	r := func(id, articleID string, score float64, speakers ...string) ranked {
		p := article.Passage{ID: id, ArticleID: articleID, Text: texts[id]}
		for _, s := range speakers {
			p.Speakers = append(p.Speakers, article.Speaker{Name: s, Quote: "q"})
		}
		x := rk(p, score)
		x.rel = rel[articleID]
		return x
	}
	rs := []ranked{
		r("a1", "a", 6.0, "Amber Rudd"),
		r("a3", "a", 5.8, "National Police Chiefs' Council"),
		r("b3", "b", 5.6, "Donald Trump"),
		r("b2", "b", 5.5, "President Trump"),
		r("a2", "a", 5.0, "Theresa May"),
		r("c1", "c", 3.6),
		r("d1", "d", 2.5, "Roger Carr"),
	}
	ids := func(ps []ranked) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.hit.Passage.ID)
		}
		return out
	}
	cases := []struct {
		name      string
		diversity float64
		speech    bool
		want      string
	}{
		{"by score, three per story", 0, false, "a1 a3 b3 b2 a2"},
		{"a story's second passage pays for the first", 1, false, "a1 b3 a3 b2 c1"},
		{"each new speaker of the leading story near the best first", 0, true, "a1 a3 a2 b3 b2"},
	}
	rs = append(rs[:1], append([]ranked{r("dup", "e", 5.9)}, rs[1:]...)...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := Weights{Diversity: c.diversity, SpeakerFloor: 0.8}
			got := strings.Join(ids(pick(rs, 5, &w, c.speech)), " ") // dup repeats a1: never cited
			if got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func TestRecency(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2022, 7, d, 0, 0, 0, 0, time.UTC) }
	values := func(q string, asOf time.Time) []float64 {
		cs := []candidate{{}, {}, {}} // undated, older, newest
		cs[1].hit.Passage.Published, cs[2].hit.Passage.Published = day(1), day(28)
		recency(question.Parse(q), cs, asOf)
		return []float64{cs[0].f[Recent], cs[1].f[Recent], cs[2].f[Recent]}
	}
	t.Run("recent question", func(t *testing.T) {
		got := values("which city was flooded after the storm this week", time.Time{})
		if !(got[0] == 0 && got[1] < got[2] && got[2] == 1) {
			t.Errorf("got %v for undated, older, newest; want 0, rising, 1", got)
		}
	})
	t.Run("asked a month later", func(t *testing.T) {
		got := values("which city was flooded after the storm this week", day(28).AddDate(0, 0, freshDays))
		if got[2] != 0.5 {
			t.Errorf("got %v for the newest, want 0.5 at freshDays old", got[2])
		}
	})
	t.Run("question not about recent events", func(t *testing.T) {
		if got := values("which country has the most volcanoes", time.Time{}); got[0] != 0 || got[1] != 0 || got[2] != 0 {
			t.Errorf("got %v, want all 0", got)
		}
	})
}

// TestSpellingOfSeveralWords checks that "chief executive", a spelling of
// "CEO", counts only where its words stand together: "chief" alone is no CEO.
func TestSpellingOfSeveralWords(t *testing.T) {
	q := question.Parse("Which bank lost its CEO?")
	hit := func(id, text string) index.Hit {
		return index.Hit{Passage: article.Passage{ID: id, ArticleID: id, Text: text}, Score: 1}
	}
	w := DefaultWeights()
	rs := rankWith(&w, q.Speech, measure(q, []index.Hit{
		hit("a", "The bank lost its chief economist and an executive assistant."),
		hit("b", "The bank lost its chief executive."),
	}, nil, time.Time{}))
	if rs[0].hit.Passage.ID != "b" {
		t.Errorf("ranked %q first, want the passage that says chief executive", rs[0].hit.Passage.Text)
	}
	for _, r := range rs {
		if r.hit.Passage.ID == "a" && slices.Contains(r.matched, "chief execut") {
			t.Errorf("%q matched CEO: %q", r.hit.Passage.Text, r.matched)
		}
	}
}

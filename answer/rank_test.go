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
		{`"This is a momentous day in the fight for victims," said Bernie Banton.`, true},
		{`He called the film “pornographic and sensational for sure”.`, true},
		{`The so-called "Smart Tags" feature was dropped.`, false},
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

func TestSpeechScore(t *testing.T) {
	hit := func(text string, sp ...article.Speaker) index.Hit {
		return index.Hit{Passage: article.Passage{Text: text, Speakers: sp}}
	}
	shalaby := article.Speaker{Name: "Methat Shalaby", Role: "Egyptian FA spokesman", Quote: "it makes him a bigger star"}
	quoted := `"It makes him a bigger star and a role model," Shalaby said.`
	cases := []struct {
		name     string
		question string
		h        index.Hit
		want     float64
	}{
		{"no speech", "how did the egyptian fa react to mido saying sorry", hit("Mido apologised again."), 0},
		{"subject by role, quoted", "how did the egyptian fa react to mido saying sorry", hit(quoted, shalaby),
			weights.speech + weights.quote + weights.subject},
		{"someone else, reported", "who reacted to the apology", hit("Shalaby said it was fine.", shalaby), weights.speech},
		{"factual question", "which country elected a leftist leader", hit(quoted, shalaby), 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := speechScore(question.Parse(c.question), c.h); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestSourceScore(t *testing.T) {
	whiteHouse := article.Speaker{Name: "White House", Quote: "shots could begin as early as next week"}
	advisers := article.Speaker{Name: "Peter Marks", Role: "FDA official", Quote: "the benefits outweigh the risks"}
	asked := "According to the White House, how soon could vaccines be available?"
	cases := []struct {
		name, question string
		speakers       []article.Speaker
		want           float64
	}{
		{"the source speaks", asked, []article.Speaker{advisers, whiteHouse}, weights.source},
		{"someone else speaks", asked, []article.Speaker{advisers}, 0},
		{"nobody speaks", asked, nil, 0},
		{"no source asked", "how soon could vaccines be available?", []article.Speaker{whiteHouse}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := index.Hit{Passage: article.Passage{Text: "The White House has said shots could begin next week.", Speakers: c.speakers}}
			if got := sourceScore(question.Parse(c.question), h); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestLedeScore(t *testing.T) {
	factual, speech := question.Parse("which country elected a leftist leader"), question.Parse("who reacted to the leak")
	cases := []struct {
		name     string
		q        question.Question
		position int
		want     float64
	}{
		{"lede of a factual question", factual, 0, weights.lede},
		{"second passage", factual, 1, weights.lede / 2},
		{"deep passage", factual, 5, 0},
		{"reaction question", speech, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ledeScore(c.q, c.position); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestArticleCap(t *testing.T) {
	r := func(articleID string, score float64) ranked {
		return ranked{hit: index.Hit{Passage: article.Passage{ArticleID: articleID}}, score: score}
	}
	who, which := question.Parse("who reacted to the leak"), question.Parse("which automaker recalled cars")
	cases := []struct {
		name string
		q    question.Question
		rs   []ranked
		want int
	}{
		{"speech, clear lead", who, []ranked{r("a", 6), r("a", 5), r("b", 4)}, perArticleLead},
		{"speech, close second story", who, []ranked{r("a", 6), r("b", 5.5), r("a", 5)}, perArticle},
		{"speech, one story only", who, []ranked{r("a", 6), r("a", 5)}, perArticleLead},
		{"factual, clear lead", which, []ranked{r("a", 9), r("b", 1)}, perArticleLead},
		{"factual, close second story", which, []ranked{r("a", 6), r("b", 5), r("a", 4)}, perArticle},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := articleCap(c.q, c.rs); got != c.want {
				t.Errorf("got %d, want %d", got, c.want)
			}
		})
	}
}

func TestNameMatches(t *testing.T) {
	cases := []struct {
		name, asked string
		want        bool
	}{
		{"Vodafone", "vodafone", true},
		{"Chris Weitz", "weitz", true},
		{"Methat Shalaby Egypt FA spokesman", "the egyptian fa", true},
		{"Gregory Ioannidis Kenteris's lawyer", "kenteris's lawyer", true},
		{"Tony Blair", "uk party leaders", false},
		{"Mr Bush", "bushfire", false},
		{"Ford", "fordham", false},
		{"MTV", "how did mtv hit back", true},
		{"Tony Blair", "how did the uk react", false},
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

func TestPickPrefersNewSpeakers(t *testing.T) {
	r := func(id, articleID string, score float64, speakers ...string) ranked {
		p := article.Passage{ID: id, ArticleID: articleID, Text: "passage " + id + " says something different from the others"}
		for _, s := range speakers {
			p.Speakers = append(p.Speakers, article.Speaker{Name: s, Quote: "q"})
		}
		return ranked{hit: index.Hit{Passage: p}, score: score}
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
		name    string
		diverse bool
		want    string
	}{
		{"by score, two per story", false, "a1 a3 b3 b2 c1"},
		{"each speaker once, near the best; a story's third after the next story", true, "a1 a3 b3 b2 a2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(ids(pick(rs, 5, 2, c.diverse)), " ")
			if got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func TestAddRecency(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2022, 7, d, 0, 0, 0, 0, time.UTC) }
	scores := func(q string) []float64 {
		rs := []ranked{{}, {}, {}} // undated, older, newest
		rs[1].hit.Passage.Published, rs[2].hit.Passage.Published = day(1), day(28)
		addRecency(question.Parse(q), rs)
		return []float64{rs[0].score, rs[1].score, rs[2].score}
	}
	t.Run("recent question", func(t *testing.T) {
		if got := scores("which country was shaken by an earthquake this week"); !(got[0] < got[1] && got[1] < got[2]) {
			t.Errorf("got scores %v for undated, older, newest; want them rising", got)
		}
	})
	t.Run("question not about recent events", func(t *testing.T) {
		if got := scores("which country has the most volcanoes"); got[0] != 0 || got[1] != 0 || got[2] != 0 {
			t.Errorf("got scores %v, want all 0", got)
		}
	})
}

func TestHasPlace(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"A powerful earthquake struck the northern Philippines on Wednesday.", true},
		{"Officials in Saudi Arabia seized the toys.", true},
		{"The leak could be one of the biggest ever recorded, experts say.", false},
		{"The quake hit Afghanistan, the country asked about.", false},
		{"In New Jersey, it's illegal to pump your own gas.", true},
	}
	qwords := map[string]bool{"afghanistan": true}
	for _, c := range cases {
		t.Run(c.s, func(t *testing.T) {
			if got := hasPlace(c.s, qwords); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestGroupByArticle(t *testing.T) {
	r := func(id string, score float64) ranked {
		return ranked{hit: index.Hit{Passage: article.Passage{ID: id, ArticleID: id[:1]}}, score: score}
	}
	ids := func(ps []ranked) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.hit.Passage.ID)
		}
		return strings.Join(out, " ")
	}
	cases := []struct {
		name string
		rs   []ranked
		want string
	}{
		{"close stories: grouped", []ranked{r("a1", 7), r("b1", 6.8), r("a2", 6.5), r("b2", 6)}, "a1 a2 b1 b2"},
		{"weak second passage: after the better story", []ranked{r("a1", 7.5), r("b1", 6.8), r("b2", 6.1), r("a2", 4.8)}, "a1 b1 b2 a2"},
		{"beyond the cap: after the other stories", []ranked{r("a1", 7), r("a2", 6.9), r("a3", 6.8), r("b1", 6.7)}, "a1 a2 b1 a3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ids(groupByArticle(c.rs, 2)); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

// TestSpellingOfSeveralWords checks that "air conditioning", a spelling of
// "AC", counts only where its words stand together: "air" alone is no AC.
func TestSpellingOfSeveralWords(t *testing.T) {
	q := question.Parse("Which company turned off the AC in its stores?")
	hit := func(id, text string) index.Hit {
		return index.Hit{Passage: article.Passage{ID: id, ArticleID: id, Text: text}, Score: 1}
	}
	rs := rank(q, []index.Hit{
		hit("a", "The company let fresh air into its stores and cut the conditioning budget."),
		hit("b", "The company cut air conditioning in its stores."),
	})
	if rs[0].hit.Passage.ID != "b" {
		t.Errorf("ranked %q first, want the passage that says air conditioning", rs[0].hit.Passage.Text)
	}
	for _, r := range rs {
		if r.hit.Passage.ID == "a" && slices.Contains(r.matched, "air condit") {
			t.Errorf("%q matched AC: %q", r.hit.Passage.Text, r.matched)
		}
	}
}

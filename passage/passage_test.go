package passage

import (
	"fmt"
	"strings"
	"testing"

	"storybot/article"
)

func words(n int, w string) string {
	return strings.TrimSpace(strings.Repeat(w+" ", n))
}

func sentences(n, perSentence int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("Word " + words(perSentence-1, "word") + ".")
	}
	return b.String()
}

func TestSplitShapes(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []int // words per passage
	}{
		{"one normal paragraph", []string{words(40, "a")}, []int{40}},
		{"short ones joined", []string{words(5, "a"), words(6, "b"), words(30, "c")}, []int{41}},
		{"short tail kept", []string{words(40, "a"), words(4, "b")}, []int{40, 4}},
		{"long paragraph windowed", []string{sentences(20, 10)}, []int{70, 70, 60}},
		{"blank paragraphs skipped", []string{"", "  ", words(20, "a")}, []int{20}},
		{"join stops at max", []string{words(10, "a"), words(115, "b")}, []int{10, 115}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Split(article.Article{ID: "x", Paragraphs: tt.paras}, nil)
			var got []int
			for _, p := range ps {
				got = append(got, len(strings.Fields(p.Text)))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestSplitKeepsTextAndFields(t *testing.T) {
	a := article.Article{ID: "id1", Title: "T", Source: "S", URL: "https://e.org/a",
		Paragraphs: []string{sentences(30, 8)}}
	ps := Split(a, nil)
	var joined []string
	for i, p := range ps {
		if p.ID != fmt.Sprintf("id1/%d", i) || p.Position != i || p.Title != "T" || p.Source != "S" || p.URL != a.URL {
			t.Errorf("passage %d: got %+v", i, p)
		}
		if !strings.Contains(a.Paragraphs[0], p.Text) {
			t.Errorf("passage %d is not original text: %q", i, p.Text)
		}
		joined = append(joined, p.Text)
	}
	if got := strings.Join(joined, " "); got != a.Paragraphs[0] {
		t.Errorf("windows lose or repeat text:\ngot  %q\nwant %q", got, a.Paragraphs[0])
	}
}

func TestSpeakersFollowTheirQuotes(t *testing.T) {
	long := sentences(10, 10) + ` Then she said "the end is near" to reporters.`
	a := article.Article{ID: "a", Paragraphs: []string{words(25, "x"), long}}
	sp := [][]article.Speaker{
		{{Name: "Ann Other", Quote: words(3, "x")}},
		{{Name: "Jo Bloggs", Quote: "the end is near"}},
	}
	ps := Split(a, sp)
	found := map[string]int{}
	for _, p := range ps {
		for _, s := range p.Speakers {
			found[s.Name] = p.Position
			if !strings.Contains(p.Text, s.Quote) {
				t.Errorf("%s's quote %q not in passage %q", s.Name, s.Quote, p.Text)
			}
		}
	}
	if found["Ann Other"] != 0 {
		t.Errorf("Ann Other: got passage %d, want 0", found["Ann Other"])
	}
	if pos, ok := found["Jo Bloggs"]; !ok || pos != len(ps)-1 {
		t.Errorf("Jo Bloggs: got passage %d (%v), want %d", pos, ok, len(ps)-1)
	}
}

// TestSplitJapanese: text without spaces is measured by its characters, so
// a Japanese article's paragraphs make passages of their own instead of
// being joined as if each were one word.
func TestSplitJapanese(t *testing.T) {
	a := article.Article{ID: "ja", Paragraphs: []string{
		"東京都は十五日、首都直下地震に備えた新たな防災計画を発表した。計画では、避難所の数を今後五年間で二割増やす。",
		"小池知事は記者会見で「都民の命を守ることが最優先だ」と述べた。都は来年度予算に約三百億円を計上する方針だ。",
		"専門家からは、地域の住民組織との連携が欠かせないとの声が上がっている。",
	}}
	ps := Split(a, nil)
	if len(ps) != 3 {
		t.Fatalf("got %d passages, want one per paragraph: %+v", len(ps), ps)
	}
	for i, p := range ps {
		if p.Text != a.Paragraphs[i] {
			t.Errorf("passage %d: got %q, want paragraph %d", i, p.Text, i)
		}
	}
}

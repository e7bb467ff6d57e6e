package evaluate

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"storybot/article"
	"storybot/internal/sharedtest"
)

// attribFloors are the attrib-dev figures the attributor reaches today, as
// statements (170 right of 175 found; 169 of 200 gold found right): a change that loses a
// gold statement, or gives one to a wrong speaker, fails. Both are above
// issue 9's targets (precision 0.95, recall 0.75), and each half stays
// within maxSplitGap of the other. Three gold statements give a
// newspaper's words in a press review to the newspaper ("…, said The
// Telegraph"); issue 9 wants no outlet quoted as a source as a speaker,
// so since attrib.Version 21 those are no one's and missed.
var attribFloors = struct{ precision, recall float64 }{170.0 / 175, 169.0 / 200}

const maxSplitGap = 0.04

func TestAttribution(t *testing.T) {
	shared := sharedtest.Dir(t)
	r, err := Attribution(shared)
	if err != nil {
		t.Fatal(err)
	}
	var table, misses strings.Builder
	r.Write(&table)
	r.WriteMisses(&misses)
	t.Logf("\n%s", table.String())
	t.Logf("misses:\n%s", misses.String())
	if r.All.Gold != 200 {
		t.Errorf("got %d gold statements, want attrib-dev's 200", r.All.Gold)
	}
	if p := r.All.Precision(); p < attribFloors.precision-1e-9 {
		t.Errorf("precision: got %.3f, below the floor %.3f", p, attribFloors.precision)
	}
	if rc := r.All.Recall(); rc < attribFloors.recall-1e-9 {
		t.Errorf("recall: got %.3f, below the floor %.3f", rc, attribFloors.recall)
	}
	tp, vp := r.Tuning.Precision(), r.Validation.Precision()
	tr, vr := r.Tuning.Recall(), r.Validation.Recall()
	if math.Abs(tp-vp) > maxSplitGap || math.Abs(tr-vr) > maxSplitGap {
		t.Errorf("halves apart: precision %.3f (tuning) vs %.3f (validation), recall %.3f vs %.3f; want within %.2f",
			tp, vp, tr, vr, maxSplitGap)
	}
}

func TestQuotesOverlap(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"I am not mad at all", "I’m not mad", false},
		{"You get out when you get out", "you get out", true},
		{"We’re not going to mess with Social Security", "we're not going to mess with it", true},
		{"the plan will fail badly", "the plan will not fail", false},
		{"Space is hard. We knew that this had a risk", "We knew that this had a risk of failure.", true},
		{"", "anything", false},
	}
	for _, tc := range tests {
		if got := quotesOverlap(tc.a, tc.b); got != tc.want {
			t.Errorf("quotesOverlap(%q, %q): got %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestJudgeStatement(t *testing.T) {
	g := AttribCase{Paragraph: "“In short, he delivered for Iowa,” she said.", Quote: "In short, he delivered for Iowa",
		Speaker: "Kim Reynolds", Kind: article.Direct}
	paras := []string{"Iowa Gov. Kim Reynolds spoke first.", "“In short, he delivered for Iowa,” she said. More text."}
	tests := []struct {
		name                     string
		found                    []article.Speaker
		wantFound, wantRight, ok int
	}{
		{"right speaker", []article.Speaker{{Name: "Reynolds", Quote: "In short, he delivered for Iowa", Kind: article.Direct}}, 1, 1, 1},
		{"right and wrong for one quote", []article.Speaker{
			{Name: "Kim Reynolds", Quote: "In short, he delivered for Iowa", Kind: article.Reported},
			{Name: "State of Iowa", Quote: "In short, he delivered for Iowa"}}, 2, 1, 0},
		{"another quote of the paragraph", []article.Speaker{{Name: "Someone Else", Quote: "More text"}}, 0, 0, 0},
		{"no speaker named", []article.Speaker{{Quote: "In short, he delivered for Iowa"}}, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := judgeStatement(g, paras, [][]article.Speaker{nil, tc.found})
			if v.found != tc.wantFound || v.right != tc.wantRight || v.kindOK != tc.ok {
				t.Errorf("got found %d right %d kind %d, want %d %d %d", v.found, v.right, v.kindOK, tc.wantFound, tc.wantRight, tc.ok)
			}
		})
	}
	if v := judgeStatement(g, []string{"Something else entirely."}, [][]article.Speaker{nil}); v.note == "" {
		t.Errorf("a lost paragraph: got no note")
	}
}

func TestTuningSplitIsAboutHalf(t *testing.T) {
	shared := sharedtest.Dir(t)
	gold, err := ReadJSONL[AttribCase](filepath.Join(shared, setsFolder, "attrib-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range gold {
		if splitOf(g.ArticleURL) == Tuning {
			n++
		}
	}
	if n < len(gold)*2/5 || n > len(gold)*3/5 {
		t.Errorf("tuning split: got %d of %d statements, want about half", n, len(gold))
	}
}

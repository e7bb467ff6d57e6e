package answer

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestDefaultWeights reads weights.json: every feature has a weight, and
// the table survives a round trip through its JSON form.
func TestDefaultWeights(t *testing.T) {
	w := DefaultWeights()
	b, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseWeights(b)
	if err != nil {
		t.Fatal(err)
	}
	if back.Features != w.Features || back.Speech != w.Speech || back.OffTopic != w.OffTopic || back.Boosts != w.Boosts {
		t.Errorf("round trip: got %+v, want %+v", back, w)
	}
}

func TestParseWeightsRefusesGaps(t *testing.T) {
	w := DefaultWeights()
	b, _ := json.Marshal(w)
	for _, c := range []struct{ name, from, to, want string }{
		{"unknown feature", `"lede":`, `"lead":`, "features: no weight for lede"},
		{"no speech column", `"speech_features":`, `"speech_weights":`, "speech_features: no weight"},
		{"not JSON", `{`, `[`, "answer: weights"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseWeights([]byte(strings.Replace(string(b), c.from, c.to, 1)))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error saying %q", err, c.want)
			}
		})
	}
}

// TestScore: topic features count in full, evidence in proportion to the
// article's relevance, and an off-topic article's passage, whatever its
// evidence, scores below an on-topic one with none.
func TestScore(t *testing.T) {
	var w Weights
	w.Speech[Coverage], w.Speech[Speech] = 2, 3
	w.OffTopic = 0.5
	col := w.column(true)
	var f Features
	f[Coverage], f[Speech] = 0.5, 1
	if got, want := w.score(col, &f, 1), 2*0.5+3*1.0; got != want {
		t.Errorf("on topic: got %v, want %v", got, want)
	}
	if got, want := w.score(col, &f, 0.6), 2*0.5+3*0.6; math.Abs(got-want) > 1e-12 {
		t.Errorf("partly on topic: got %v, want %v", got, want)
	}
	if got := w.score(w.column(false), &f, 1); got != 0 {
		t.Errorf("factual column (all 0) scored %v, want 0: the columns are apart", got)
	}
	var plain Features
	if off, on := w.score(col, &f, 0.4), w.score(col, &plain, 0.5); off >= on {
		t.Errorf("off topic with speech scored %v, on topic with nothing %v: want it below", off, on)
	}
}

// TestExplainAddsUp: the contributions of an explanation sum to the score.
func TestExplainAddsUp(t *testing.T) {
	w := DefaultWeights()
	c := candidate{}
	for i := range c.f {
		c.f[i] = float64(i%4) / 4
	}
	c.hit.Passage.ID = "p"
	rs := []ranked{{candidate: &c, rel: 0.7}}
	rs[0].score = w.score(&w.Features, &c.f, 0.7)
	cs := []Citation{{PassageID: "p"}}
	explain(&w, false, cs, rs)
	sum := 0.0
	for _, x := range cs[0].Explain.Features {
		sum += x.Adds
	}
	if math.Abs(sum-rs[0].score) > 1e-9 {
		t.Errorf("contributions sum to %v, score is %v", sum, rs[0].score)
	}
	if cs[0].Explain.Column != "factual" {
		t.Errorf("column %q, want factual", cs[0].Explain.Column)
	}
	if len(cs[0].Explain.Features) != int(numFeatures) {
		t.Errorf("got %d features explained, want %d", len(cs[0].Explain.Features), numFeatures)
	}
}

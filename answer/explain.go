package answer

// Explanation says why a citation ranked where it did: each feature's
// value, its weight and what it added to the score.
type Explanation struct {
	Score float64 `json:"score"`
	// Column names the weights used: "speech" for a question about who
	// said what, "factual" otherwise.
	Column string `json:"column"`
	// Relevance is its article's relevance as a share of the best
	// article's; evidence features count in proportion to it.
	Relevance float64        `json:"article_relevance"`
	OffTopic  bool           `json:"off_topic,omitempty"`
	Features  []Contribution `json:"features"`
}

// Contribution is one feature's part in a score.
type Contribution struct {
	Feature string  `json:"feature"`
	Value   float64 `json:"value"`
	Weight  float64 `json:"weight"`
	Adds    float64 `json:"adds"`
}

// explain attaches to each citation the features of its ranked passage.
func explain(w *Weights, speech bool, cs []Citation, rs []ranked) {
	col, name := w.column(speech), "factual"
	if speech {
		name = "speech"
	}
	byID := make(map[string]*ranked, len(rs))
	for i := range rs {
		byID[rs[i].hit.Passage.ID] = &rs[i]
	}
	for i := range cs {
		r := byID[cs[i].PassageID]
		if r == nil {
			continue
		}
		e := &Explanation{Score: r.score, Relevance: r.rel, Column: name, OffTopic: r.rel < w.OffTopic}
		for f := range numFeatures {
			c := Contribution{Feature: f.String(), Value: r.f[f], Weight: col[f]}
			c.Adds = c.Value * c.Weight
			if f.evidence() {
				c.Adds *= r.rel
			}
			e.Features = append(e.Features, c)
		}
		cs[i].Explain = e
	}
}

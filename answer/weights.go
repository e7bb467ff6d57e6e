package answer

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// Weights is the ranking's one table: a weight per feature (one column for
// factual questions, one for questions about who said what), the line below
// which an article is off topic, and the boosts retrieval gives parts of the
// question. The table in use is weights.json, fitted on the dev sets'
// tuning halves by `storybot eval --tune` and kept only when the
// validation halves improved too.
type Weights struct {
	// Features weigh a factual question's candidates; Speech those of a
	// question about who said what (question.Question.Speech), whose
	// answers are voices found anywhere in a story rather than facts
	// stated at its top, so the same signals deserve other weights.
	Features [numFeatures]float64
	Speech   [numFeatures]float64
	// OffTopic is the share of the best article's relevance under which an
	// article is off topic: its passages come after every on-topic one,
	// whatever their evidence.
	OffTopic float64
	// Diversity is what a passage's score loses, when citations are
	// chosen, for each citation its article already has.
	Diversity float64
	// SpeakerFloor is the share of the best passage's score a passage with
	// a speaker no better passage has needs to be cited first, for "who
	// reacted" questions. Set by hand, not fitted (see evaluate's knobs).
	SpeakerFloor float64
	Boosts       Boosts
	// Figures are what the table scored when it was fitted, for the record.
	Figures map[string]float64
}

// Boosts weigh the parts of a question in the index query.
type Boosts struct {
	Name     float64 `json:"name"`     // a word of a name
	Phrase   float64 `json:"phrase"`   // a name or phrase, all its words
	Reaction float64 `json:"reaction"` // a reaction word ("criticised"): a weak hint
	Speech   float64 `json:"speech"`   // a passage with attributed speech, for questions about speech
}

//go:embed weights.json
var weightsJSON []byte

// DefaultWeights returns the fitted table in weights.json.
func DefaultWeights() Weights {
	w, err := ParseWeights(weightsJSON)
	if err != nil {
		panic(err) // weights.json is part of the source; TestDefaultWeights reads it
	}
	return w
}

type weightsFile struct {
	Features     map[string]float64 `json:"features"`
	Speech       map[string]float64 `json:"speech_features"`
	OffTopic     float64            `json:"off_topic"`
	Diversity    float64            `json:"diversity"`
	SpeakerFloor float64            `json:"speaker_floor"`
	Boosts       Boosts             `json:"boosts"`
	Figures      map[string]float64 `json:"figures,omitempty"`
}

// ParseWeights reads a table in the form of weights.json. Every feature
// must be named, and no name may be unknown.
func ParseWeights(b []byte) (Weights, error) {
	var f weightsFile
	if err := json.Unmarshal(b, &f); err != nil {
		return Weights{}, fmt.Errorf("answer: weights: %w", err)
	}
	w := Weights{OffTopic: f.OffTopic, Diversity: f.Diversity, SpeakerFloor: f.SpeakerFloor, Boosts: f.Boosts, Figures: f.Figures}
	if err := readColumn(&w.Features, f.Features, "features"); err != nil {
		return Weights{}, err
	}
	if err := readColumn(&w.Speech, f.Speech, "speech_features"); err != nil {
		return Weights{}, err
	}
	return w, nil
}

// readColumn fills col from m, which must name every feature and no other.
func readColumn(col *[numFeatures]float64, m map[string]float64, key string) error {
	for i, name := range featureNames {
		v, ok := m[name]
		if !ok {
			return fmt.Errorf("answer: weights: %s: no weight for %s", key, name)
		}
		col[i] = v
	}
	if len(m) != len(featureNames) {
		return fmt.Errorf("answer: weights: %s: %d features named, want %d", key, len(m), len(featureNames))
	}
	return nil
}

// MarshalJSON writes w in the form of weights.json.
func (w Weights) MarshalJSON() ([]byte, error) {
	f := weightsFile{Features: map[string]float64{}, Speech: map[string]float64{}, OffTopic: w.OffTopic, Diversity: w.Diversity, SpeakerFloor: w.SpeakerFloor, Boosts: w.Boosts, Figures: w.Figures}
	for i, name := range featureNames {
		f.Features[name], f.Speech[name] = w.Features[i], w.Speech[i]
	}
	return json.MarshalIndent(f, "", "  ")
}

// column is the feature weights for a question about speech or not.
func (w *Weights) column(speech bool) *[numFeatures]float64 {
	if speech {
		return &w.Speech
	}
	return &w.Features
}

// relevance is an article's relevance: its article features, weighted.
func relevance(col *[numFeatures]float64, f *Features) float64 {
	s := 0.0
	for _, a := range articleFeatures {
		s += col[a] * f[a]
	}
	return s
}

// score is a candidate's score given its article's relevance as a share of
// the best article's: topic features count in full, evidence features as
// far as the article is on topic, and a passage of an off-topic article
// comes after every on-topic one.
func (w *Weights) score(col *[numFeatures]float64, f *Features, rel float64) float64 {
	s := 0.0
	for i, v := range f {
		c := col[i] * v
		if Feature(i).evidence() {
			c *= rel
		}
		s += c
	}
	if rel < w.OffTopic {
		s -= offTopicPenalty(col)
	}
	return s
}

// offTopicPenalty is more than any candidate can score.
func offTopicPenalty(col *[numFeatures]float64) float64 {
	p := 1.0
	for _, v := range col {
		p += math.Abs(v)
	}
	return p
}

// Package answer turns a question into an Answer: the passages that answer
// it, who said what, and numbered citations.
package answer

import "time"

// Request is one question with its optional filters.
type Request struct {
	Question string
	Source   string    // only passages from this source, when set
	Since    time.Time // only articles published at or after this time, when set
	// AsOf answers as on that day: articles published later are left out
	// (undated ones stay). Zero means now.
	AsOf    time.Time
	Explain bool // give each citation the features that ranked it
	Limit   int  // citations wanted; 0 means the default (5)

	// ExcludeSources are sources never to cite: other Discord servers'
	// own sources, when a server asks.
	ExcludeSources []string
}

// Answer is what storybot says back; its JSON form is the `ask --json`
// contract.
type Answer struct {
	Question  string     `json:"question"`
	Kind      string     `json:"kind,omitempty"` // who, what-said, how-respond, when, where, how-much, which, other
	Answer    string     `json:"answer"`
	Speakers  []Speaker  `json:"speakers"`
	Citations []Citation `json:"citations"`
	Hint      string     `json:"hint,omitempty"` // set when nothing matched: what to try instead
	Terms     []string   `json:"terms,omitempty"`
}

// Speaker is a person or organisation the answer quotes.
type Speaker struct {
	Name     string `json:"name"`
	Role     string `json:"role,omitempty"`
	Quote    string `json:"quote"`
	Kind     string `json:"kind,omitempty"` // direct (their words) or reported (the writer's account)
	Citation int    `json:"citation"`
}

// Citation is one numbered source passage, best first.
type Citation struct {
	N         int     `json:"n"`
	Title     string  `json:"title"`
	Source    string  `json:"source"` // the outlet's name, as shown
	URL       string  `json:"url"`
	Published string  `json:"published"` // YYYY-MM-DD, or empty when unknown
	Passage   string  `json:"passage"`
	ArticleID string  `json:"article_id"`
	PassageID string  `json:"passage_id"`
	Score     float64 `json:"score"`
	// Highlights are the question terms found in Passage, for bolding.
	Highlights []string `json:"highlights,omitempty"`
	// Explain says why it ranked where it did, when the request asked.
	Explain *Explanation `json:"explain,omitempty"`
}

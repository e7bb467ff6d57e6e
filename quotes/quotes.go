// Package quotes gathers what a person or organisation has been quoted
// saying across the archive, from the speakers attribution stored with
// each passage at ingest. Names are folded, so "Rudd", "Amber Rudd" and
// "Home Secretary Amber Rudd" are one speaker.
package quotes

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"storybot/article"
	"storybot/index"
	"storybot/story"
)

// ErrNoName is returned for a speaker given by no word that names anyone
// (nothing, or only honorifics such as "Mr").
var ErrNoName = errors.New("quotes: no name given")

// Searcher finds passages; *index.Index is one.
type Searcher interface {
	Search(ctx context.Context, q index.Query) ([]index.Hit, error)
}

// Finder finds quotes in the index.
type Finder struct {
	idx    Searcher
	hidden []string // sources never read
}

// New returns a Finder over idx.
func New(idx Searcher) *Finder { return &Finder{idx: idx} }

// Hiding returns a Finder like f that never reads the given sources'
// passages: other Discord servers' own sources.
func (f *Finder) Hiding(sources []string) *Finder {
	return &Finder{idx: f.idx, hidden: sources}
}

// Request asks for a speaker's quotes, optionally about a topic and since
// a time.
type Request struct {
	Speaker string
	About   string
	Since   time.Time
}

// Result is everything the speaker was quoted saying, grouped by story
// (article), newest first.
type Result struct {
	Speaker string   `json:"speaker"` // the name, as most often written in full
	Role    string   `json:"role,omitempty"`
	Others  []string `json:"others,omitempty"` // other people the name may mean, most quoted first
	Quotes  int      `json:"quotes"`
	Stories []Story  `json:"stories"`
}

// Story is one article's quotes of the speaker.
type Story struct {
	ArticleID string    `json:"article_id"`
	Title     string    `json:"title"`
	Outlet    string    `json:"outlet"`
	URL       string    `json:"url"`
	Published time.Time `json:"published,omitzero"`
	Quotes    []Quote   `json:"quotes"`
}

// Quote is one thing said, with the passage that reports it.
type Quote struct {
	Text      string `json:"text"`
	Passage   string `json:"passage"`
	PassageID string `json:"passage_id"`
	position  int
}

// maxPassages bounds the passages read for one speaker.
const maxPassages = 5000

// Find returns r.Speaker's quotes. A name that fits several people
// ("Trump") gives the quotes of the most quoted of them, naming the others.
func (f *Finder) Find(ctx context.Context, r Request) (Result, error) {
	q := words(r.Speaker)
	if len(q) == 0 {
		return Result{}, fmt.Errorf("%w: %q", ErrNoName, r.Speaker)
	}
	hits, err := f.idx.Search(ctx, index.Query{Speaker: strings.Join(q, " "), Since: r.Since, Size: maxPassages, ExcludeSources: f.hidden})
	if err != nil {
		return Result{}, fmt.Errorf("quotes: %w", err)
	}
	var ms []mention
	for _, h := range hits {
		p := h.Passage
		if r.About != "" && !story.Covers(r.About, p.Title+"\n"+p.Text) {
			continue
		}
		for _, s := range p.Speakers {
			if s.Quote != "" && matches(q, s.Name, s.Role) && named(p.Text, s.Name) {
				ms = append(ms, mention{speaker: s, passage: p})
			}
		}
	}
	return group(q, ms), nil
}

// mention is one quote of a speaker the request matches.
type mention struct {
	speaker article.Speaker
	passage article.Passage
}

// group keeps the mentions of the person meant and groups them by
// article, newest first.
func group(q []string, ms []mention) Result {
	who, others := person(q, ms)
	res := Result{Others: others, Stories: []Story{}}
	names, roles := map[string]int{}, map[string]int{}
	byArticle := map[string]*Story{}
	seen := map[string]bool{}
	for _, m := range ms {
		if !subset(words(m.speaker.Name), who) {
			continue
		}
		if w := words(m.speaker.Name); key(w) == key(who) {
			names[m.speaker.Name]++
		}
		if m.speaker.Role != "" {
			roles[m.speaker.Role]++
		}
		p := m.passage
		dup := p.ArticleID + "\x00" + strings.ToLower(strings.Join(strings.Fields(m.speaker.Quote), " "))
		if seen[dup] {
			continue
		}
		seen[dup] = true
		st := byArticle[p.ArticleID]
		if st == nil {
			st = &Story{ArticleID: p.ArticleID, Title: p.Title, Outlet: p.OutletName(), URL: p.URL, Published: p.Published}
			byArticle[p.ArticleID] = st
		}
		st.Quotes = append(st.Quotes, Quote{Text: m.speaker.Quote, Passage: p.Text, PassageID: p.ID, position: p.Position})
		res.Quotes++
	}
	res.Speaker, res.Role = commonest(names), commonest(roles)
	for _, st := range byArticle {
		slices.SortStableFunc(st.Quotes, func(a, b Quote) int { return cmp.Compare(a.position, b.position) })
		res.Stories = append(res.Stories, *st)
	}
	slices.SortFunc(res.Stories, func(a, b Story) int {
		if c := b.Published.Compare(a.Published); c != 0 {
			return c // newest first; undated (zero) last
		}
		return cmp.Compare(a.Title+a.ArticleID, b.Title+b.ArticleID)
	})
	return res
}

// person decides whom the words asked for mean among the speakers they
// match: the full name asked for if it was quoted, else the most quoted
// of the longest names (those no other matched name contains). The other
// longest names are returned as people the words may also mean.
func person(q []string, ms []mention) (who []string, others []string) {
	count := map[string]int{}
	forms := map[string][]string{}
	for _, m := range ms {
		w := words(m.speaker.Name)
		count[key(w)]++
		forms[key(w)] = w
	}
	if len(q) >= 2 && count[key(q)] > 0 {
		return q, nil
	}
	all := slices.Collect(maps.Values(forms))
	var longest []string
	for k, w := range forms {
		if !slices.ContainsFunc(all, func(o []string) bool { return len(o) > len(w) && subset(w, o) }) {
			longest = append(longest, k)
		}
	}
	// a longest name's weight counts the shorter names it contains
	weight := map[string]int{}
	for _, k := range longest {
		for o, n := range count {
			if subset(forms[o], forms[k]) {
				weight[k] += n
			}
		}
	}
	slices.SortFunc(longest, func(a, b string) int {
		if c := cmp.Compare(weight[b], weight[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if len(longest) == 0 {
		return q, nil
	}
	for _, k := range longest[1:] {
		others = append(others, displayName(ms, k))
	}
	return forms[longest[0]], others
}

// displayName is the commonest way a folded name was written.
func displayName(ms []mention, k string) string {
	n := map[string]int{}
	for _, m := range ms {
		if key(words(m.speaker.Name)) == k {
			n[m.speaker.Name]++
		}
	}
	return commonest(n)
}

// commonest returns the most frequent key, the first in order on a tie.
func commonest(n map[string]int) string {
	best := ""
	for k, c := range n {
		if best == "" || c > n[best] || c == n[best] && k < best {
			best = k
		}
	}
	return best
}

package digest

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"storybot/neardup"
)

// Item is one article that matched a story's query, with what composing a
// digest needs of it.
type Item struct {
	ArticleID  string
	Title      string
	URL        string
	Source     string    // the outlet's name, as shown
	Published  time.Time // zero if the source gave none
	Passage    string    // the best-matching passage; summarised
	Score      float64   // the match score; the best-scoring article leads an entry
	Paragraphs []string  // the article body, compared for near-duplicates
}

// Compose returns d with its Entries built from items: near-duplicate
// articles (the same event in several outlets) become one entry listing
// every outlet, entries are sorted newest first, and at most maxEntries
// are kept (0 means no limit) with the rest counted in More.
func Compose(d Digest, items []Item, maxEntries int) Digest {
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = strings.Join(it.Paragraphs, "\n")
		if texts[i] == "" {
			texts[i] = it.Passage
		}
	}
	d.Entries = nil
	for _, group := range neardup.Groups(texts) {
		members := make([]Item, len(group))
		for i, idx := range group {
			members[i] = items[idx]
		}
		d.Entries = append(d.Entries, entry(members))
	}
	slices.SortStableFunc(d.Entries, func(a, b Entry) int {
		if c := b.Published.Compare(a.Published); c != 0 {
			return c
		}
		return cmp.Compare(a.Title, b.Title)
	})
	d.More = 0
	if maxEntries > 0 && len(d.Entries) > maxEntries {
		d.More = len(d.Entries) - maxEntries
		d.Entries = d.Entries[:maxEntries]
	}
	return d
}

// entry makes one entry of the articles that reported one event: led by
// the best match, dated by the latest report, listing each outlet once in
// the order they reported it.
func entry(members []Item) Entry {
	best := slices.MaxFunc(members, func(a, b Item) int {
		if c := cmp.Compare(a.Score, b.Score); c != 0 {
			return c
		}
		return b.Published.Compare(a.Published) // earlier report wins a tie
	})
	summary := Summary(best.Passage)
	if summary == "" && len(best.Paragraphs) > 0 {
		summary = Summary(best.Paragraphs[0])
	}
	e := Entry{Title: best.Title, URL: best.URL, Summary: summary}

	slices.SortStableFunc(members, func(a, b Item) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return cmp.Compare(a.Source, b.Source)
	})
	seen := make(map[string]bool)
	for _, m := range members {
		e.ArticleIDs = append(e.ArticleIDs, m.ArticleID)
		if m.Published.After(e.Published) {
			e.Published = m.Published
		}
		if !seen[m.Source] {
			seen[m.Source] = true
			e.Outlets = append(e.Outlets, Outlet{Source: m.Source, URL: m.URL})
		}
	}
	return e
}

package feed

import (
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// convert maps gofeed's universal feed onto ours, cleaning every field and
// dropping repeated items.
func convert(gf *gofeed.Feed, feedURL string) *Feed {
	base, err := url.Parse(feedURL)
	if err != nil || !base.IsAbs() {
		base, _ = url.Parse(strings.TrimSpace(gf.Link)) // the site link is the next best base
	}
	f := &Feed{
		Title: cleanText(gf.Title),
		Link:  resolve(base, gf.Link),
		Items: make([]Item, 0, len(gf.Items)),
	}
	seen := newSeen(len(gf.Items))
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		it := convertItem(gi, base)
		if seen.repeat(it) {
			continue
		}
		f.Items = append(f.Items, it)
	}
	return f
}

func convertItem(gi *gofeed.Item, base *url.URL) Item {
	link := gi.Link
	if link == "" && len(gi.Links) > 0 {
		link = gi.Links[0]
	}
	return Item{
		GUID:      strings.TrimSpace(gi.GUID),
		Link:      resolve(base, link),
		Title:     cleanText(gi.Title),
		Author:    author(gi),
		Published: published(gi),
		Content:   fuller(gi.Content, gi.Description),
	}
}

func author(gi *gofeed.Item) string {
	if gi.Author != nil && strings.TrimSpace(gi.Author.Name) != "" {
		return cleanText(gi.Author.Name)
	}
	for _, a := range gi.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			return cleanText(a.Name)
		}
	}
	return ""
}

// published prefers the publication date, then the update date; gofeed
// leaves either nil when the text does not parse.
func published(gi *gofeed.Item) time.Time {
	for _, t := range []*time.Time{gi.PublishedParsed, gi.UpdatedParsed} {
		if t != nil && !t.IsZero() {
			return t.UTC()
		}
	}
	return time.Time{}
}

// fuller returns the longer of two bodies, trimmed.
func fuller(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if len(b) > len(a) {
		return b
	}
	return a
}

// resolve makes ref absolute against base and keeps it only if it is an
// http or https URL.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

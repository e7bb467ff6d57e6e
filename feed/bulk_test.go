package feed

import (
	"fmt"
	"strings"
	"testing"
)

// bulkFeed builds an RSS feed of n items where GUIDs repeat every
// `distinct` items, every third item has no GUID but a link shared with
// another such item, and every pubDate is garbage unless validDates.
func bulkFeed(n, distinct int, validDates bool) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bulk</title><link>https://bulk.example/</link>`)
	bad := `<pubDate>32 Foo 20x%d</pubDate>`
	if validDates {
		bad = `<pubDate>Mon, 01 Jan 2024 10:00:%02d +0000</pubDate>`
	}
	for i := range n {
		k := i % distinct
		if k%3 == 0 {
			fmt.Fprintf(&b, `<item><title>Item %d</title><link>/story/%d</link><pubDate>the %dth of never</pubDate></item>`, i, k, i)
			continue
		}
		fmt.Fprintf(&b, `<item><title>Item %d</title><guid>g-%d</guid><link>/story/%d-%d</link>`+bad+`<description>body %d</description></item>`, i, k, k, i, i%60, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

func TestBulkDedupe(t *testing.T) {
	const n, distinct = 10000, 2500
	f, err := Parse(bulkFeed(n, distinct, false), "https://bulk.example/rss")
	if err != nil {
		t.Fatalf("got %v, want invalid dates to be no error", err)
	}
	if len(f.Items) != distinct {
		t.Errorf("got %d items, want %d after dedupe", len(f.Items), distinct)
	}
	guids, links := map[string]bool{}, map[string]bool{}
	for _, it := range f.Items {
		if !it.Published.IsZero() {
			t.Errorf("got published %v from a garbage date, want zero", it.Published)
		}
		if (it.GUID != "" && guids[it.GUID]) || links[it.Link] {
			t.Errorf("got repeated item %q / %q", it.GUID, it.Link)
		}
		guids[it.GUID], links[it.Link] = it.GUID != "", true
		if !strings.HasPrefix(it.Link, "https://bulk.example/story/") {
			t.Errorf("got link %q, want it resolved against the feed URL", it.Link)
		}
	}
	if f.Items[0].Title != "Item 0" || f.Items[1].Title != "Item 1" {
		t.Errorf("got first titles %q, %q, want the first occurrences kept", f.Items[0].Title, f.Items[1].Title)
	}
}

// BenchmarkParseBulk parses 10,000 items. With garbage dates most of the
// time goes to gofeed trying every date layout it knows.
func BenchmarkParseBulk(b *testing.B) {
	b.Run("garbage dates", func(b *testing.B) { benchParse(b, bulkFeed(10000, 2500, false)) })
	b.Run("valid dates", func(b *testing.B) { benchParse(b, bulkFeed(10000, 2500, true)) })
}

func benchParse(b *testing.B, body []byte) {
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body, "https://bulk.example/rss"); err != nil {
			b.Fatal(err)
		}
	}
}

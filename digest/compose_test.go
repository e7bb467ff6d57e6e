package digest

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

var day = time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)

func item(id, source string, hour int, score float64, body string) Item {
	return Item{
		ArticleID:  id,
		Title:      "Title " + id,
		URL:        "https://" + source + ".example/" + id,
		Source:     source,
		Published:  day.Add(time.Duration(hour) * time.Hour),
		Passage:    body,
		Score:      score,
		Paragraphs: strings.Split(body, "\n\n"),
	}
}

func TestComposeMergesOutlets(t *testing.T) {
	items := []Item{
		item("a", "wire", 9, 1.0, wire),
		item("b", "herald", 11, 2.0, rewritten), // best match of the event
		item("c", "gazette", 10, 1.5, sameTopic),
		item("d", "wire", 12, 0.5, wire), // the wire's own update: outlet listed once
	}
	head := Digest{GuildID: "g1", Story: "leak", WindowEnd: day.Add(24 * time.Hour)}
	d := Compose(head, items, 0)

	if d.GuildID != "g1" || d.Story != "leak" || !d.WindowEnd.Equal(head.WindowEnd) {
		t.Errorf("got header %+v, want the input's kept", d)
	}
	if len(d.Entries) != 2 {
		t.Fatalf("got %d entries, want 2: %+v", len(d.Entries), d.Entries)
	}
	leak, suit := d.Entries[0], d.Entries[1] // newest first: 12:00 then 10:00
	checks := []struct{ name, got, want string }{
		{"leak title", leak.Title, "Title b"},
		{"leak url", leak.URL, "https://herald.example/b"},
		{"leak summary", leak.Summary, "Manchester City Council has admitted that a spreadsheet containing the home addresses of 4,000 council tenants was emailed to the wrong mailing list on Tuesday."},
		{"leak outlets", fmt.Sprint(leak.Outlets), "[{wire https://wire.example/a} {herald https://herald.example/b}]"},
		{"leak ids", fmt.Sprint(leak.ArticleIDs), "[a b d]"},
		{"leak published", leak.Published.Format(time.Kitchen), "12:00PM"},
		{"suit title", suit.Title, "Title c"},
		{"suit outlets", fmt.Sprint(suit.Outlets), "[{gazette https://gazette.example/c}]"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestComposeLimit(t *testing.T) {
	var items []Item
	for i := range 5 {
		var words []string // unrelated texts: no shingle in common
		for k := range 40 {
			words = append(words, fmt.Sprintf("w%d_%d", i, k))
		}
		body := strings.Join(words, " ")
		items = append(items, item(fmt.Sprint(i), "wire", i, 1, body))
	}
	d := Compose(Digest{}, items, 3)
	var got []string
	for _, e := range d.Entries {
		got = append(got, e.ArticleIDs...)
	}
	if fmt.Sprint(got) != "[4 3 2]" || d.More != 2 {
		t.Errorf("got entries %v and %d more, want [4 3 2] and 2 more", got, d.More)
	}
}

func TestComposeEmpty(t *testing.T) {
	d := Compose(Digest{Story: "leak"}, nil, 10)
	if len(d.Entries) != 0 || d.More != 0 || d.Story != "leak" {
		t.Errorf("got %+v, want no entries and the header kept", d)
	}
}

func TestComposeSummaryFallsBackToBody(t *testing.T) {
	it := item("a", "wire", 1, 1, wire)
	it.Passage = ""
	d := Compose(Digest{}, []Item{it}, 0)
	want := "Manchester City Council has confirmed that a spreadsheet holding the home addresses of 4,000 council tenants was sent to the wrong email list on Tuesday."
	if got := d.Entries[0].Summary; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

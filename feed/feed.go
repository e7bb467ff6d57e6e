package feed

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/mmcdole/gofeed"

	"storybot/fetch"
)

// ErrNotFeed means the body is not a feed; the wrapping error says what it
// looks like instead ("looks like an HTML page, not a feed").
var ErrNotFeed = errors.New("not a feed")

// Feed is a parsed feed.
type Feed struct {
	Title string `json:"title"`
	Link  string `json:"link"`
	Items []Item `json:"items"`
}

// Item is one entry of a feed.
type Item struct {
	GUID      string    `json:"guid"`
	Link      string    `json:"link"`
	Title     string    `json:"title"`
	Author    string    `json:"author"`
	Published time.Time `json:"published"` // zero when absent or unparseable
	Content   string    `json:"content"`   // HTML or text: the fuller of content and description
}

// Parse parses body, fetched from feedURL, as RSS, Atom or JSON Feed.
// Relative links resolve against feedURL. Undeclared non-UTF-8 text is read
// as windows-1252.
func Parse(body []byte, feedURL string) (*Feed, error) {
	text, err := fetch.ToUTF8(bytes.TrimLeft(body, " \t\r\n"), "")
	if err != nil {
		return nil, fmt.Errorf("feed: parse %s: %w", feedURL, err)
	}
	// Trimmed again once decoded: a UTF-16 body's spaces are two bytes, and
	// a byte-order mark alone decodes to nothing.
	if text = bytes.TrimLeft(text, " \t\r\n"); len(text) == 0 {
		return nil, fmt.Errorf("feed: parse %s: empty body, %w", feedURL, ErrNotFeed)
	}
	if looks := sniff(text); looks != "" {
		return nil, fmt.Errorf("feed: parse %s: looks like %s, %w", feedURL, looks, ErrNotFeed)
	}
	// encoding/xml, under gofeed, never expands entities declared in a
	// DOCTYPE, so "billion laughs" and external entities stay inert text;
	// TestEntityExpansion guards that.
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(text))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, fmt.Errorf("feed: parse %s: looks like %s, %w", feedURL, describeUnknown(text), ErrNotFeed)
	}
	if err != nil {
		return nil, fmt.Errorf("feed: parse %s: %w", feedURL, err)
	}
	return convert(gf, feedURL), nil
}

// Package digest composes the periodic summary of new articles on a tracked
// story: one entry per event, however many outlets reported it.
package digest

import "time"

// Digest is one story's new articles for one window.
type Digest struct {
	GuildID     string    `json:"guild_id"`
	ChannelID   string    `json:"channel_id"`
	Story       string    `json:"story"`
	Query       string    `json:"query"`
	WindowStart time.Time `json:"window_start"`
	WindowEnd   time.Time `json:"window_end"`
	Entries     []Entry   `json:"entries"`
	More        int       `json:"more,omitempty"` // entries left out by the size limit
}

// Entry is one event: the best article for it and every outlet that
// reported it.
type Entry struct {
	Title      string    `json:"title"`
	URL        string    `json:"url"`
	Summary    string    `json:"summary"` // one line from the best passage
	Published  time.Time `json:"published,omitzero"`
	Outlets    []Outlet  `json:"outlets"`
	ArticleIDs []string  `json:"article_ids"`
}

// Outlet is one source that carried an entry's event.
type Outlet struct {
	Source string `json:"source"`
	URL    string `json:"url"`
}

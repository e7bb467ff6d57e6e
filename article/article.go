// Package article defines the news article and passage types shared by every
// stage of storybot's pipeline, with the pure rules that identify them:
// canonical URLs, stable IDs and content hashes.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Article is one news article as kept in the store, the source of truth for
// the index.
type Article struct {
	ID         string    `json:"id"`               // stable: derived from the canonical URL
	URL        string    `json:"url"`              // canonical: tracking parameters and fragment removed
	Source     string    `json:"source"`           // configured source name: what --source filters and source health use
	Outlet     string    `json:"outlet,omitempty"` // publisher's name (og:site_name, feed title, front matter); see OutletName
	Title      string    `json:"title"`
	Author     string    `json:"author,omitempty"`
	Published  time.Time `json:"published,omitzero"`
	Fetched    time.Time `json:"fetched"`
	Paragraphs []string  `json:"paragraphs"`
	Hash       string    `json:"hash"` // ContentHash of title and paragraphs
}

// Passage is the unit of retrieval: a paragraph, or a window of sentences, of
// one article, with the article fields a citation needs.
type Passage struct {
	ID        string    `json:"id"` // ArticleID + "/" + Position
	ArticleID string    `json:"article_id"`
	Position  int       `json:"position"`
	Text      string    `json:"text"` // original text, shown to people
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Outlet    string    `json:"outlet,omitempty"`
	URL       string    `json:"url"`
	Published time.Time `json:"published,omitzero"`
	Speakers  []Speaker `json:"speakers,omitempty"`
}

// OutletName is the name citations show for the article's publisher: its
// Outlet, else its URL's host (without "www."), else its source's name.
func (a Article) OutletName() string { return outletName(a.Outlet, a.URL, a.Source) }

// OutletName is the passage's article's OutletName.
func (p Passage) OutletName() string { return outletName(p.Outlet, p.URL, p.Source) }

func outletName(outlet, rawURL, source string) string {
	if o := strings.Join(strings.Fields(outlet), " "); o != "" {
		return o
	}
	if u, err := url.Parse(rawURL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return source
}

// Speaker is someone a passage quotes or reports: who, in what role, what
// they said and whether the words are theirs (Direct) or the writer's
// account of them (Reported).
type Speaker struct {
	Name  string `json:"name"`
	Role  string `json:"role,omitempty"`
	Quote string `json:"quote"`
	Kind  string `json:"kind,omitempty"` // Direct or Reported
}

// The kinds of statement a Speaker makes.
const (
	Direct   = "direct"   // the speaker's own words, in quotation marks
	Reported = "reported" // the writer's account of what was said
)

// ContentHash identifies an article's body independently of its URL, so the
// same story under two URLs is stored once and unchanged re-fetches are seen.
// Whitespace and case differences do not change it.
func ContentHash(title string, paragraphs []string) string {
	h := sha256.New()
	buf := appendNormal(make([]byte, 0, 1024), title)
	h.Write(buf)
	for _, p := range paragraphs {
		buf = appendNormal(append(buf[:0], 0), p)
		h.Write(buf)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// BodyHash is ContentHash without the title: two outlets may headline the
// same wire copy differently.
func BodyHash(paragraphs []string) string { return ContentHash("", paragraphs) }

// IDFor returns the stable article ID for a canonical URL.
func IDFor(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:])[:16]
}

// appendNormal appends s with its words in lower case and single spaces
// between them: strings.ToLower(strings.Join(strings.Fields(s), " ")),
// byte for byte, as stored hashes were made, without the copies.
func appendNormal(b []byte, s string) []byte {
	start := len(b)
	inWord := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:]) // an invalid byte is RuneError, as ToLower writes it
		}
		i += n
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord && len(b) > start {
			b = append(b, ' ')
		}
		inWord = true
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

package digest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"storybot/article"
	"storybot/store"
)

// Stories is the part of the store that keeps tracked stories and their
// digest cursors.
type Stories interface {
	Stories(ctx context.Context, guildID string) ([]store.Story, error)
	BeginDigest(ctx context.Context, guildID, name string, windowEnd time.Time, nonce string) error
	CommitDigest(ctx context.Context, guildID, name string, windowEnd time.Time, messageID string) error
}

// Articles lists articles stored (or updated) since a time, oldest first.
type Articles interface {
	ArticlesAddedSince(ctx context.Context, t time.Time, fn func(article.Article) error) error
}

// Match is one article that matches a story's query, with its best passage.
type Match struct {
	ArticleID string
	Passage   string
	Score     float64
}

// Matcher says which of the given articles match a query.
type Matcher interface {
	Match(ctx context.Context, query string, articleIDs []string) ([]Match, error)
}

// Poster posts a digest to its channel and returns the message ID once
// Discord has confirmed it. It must send nonce with enforce_nonce, so that
// posting the same nonce again returns the message already posted.
type Poster interface {
	PostDigest(ctx context.Context, d Digest, nonce string) (messageID string, err error)
}

// Finder is optionally implemented by a Poster that can find a digest
// already posted with nonce (say, in the footer of the bot's recent
// messages in the channel). Discord only enforces a nonce for a few
// minutes, so after a longer outage a retried post is checked this way
// first.
type Finder interface {
	FindDigest(ctx context.Context, d Digest, nonce string) (messageID string, found bool, err error)
}

// Visibility says which sources a guild may not see: other guilds' own
// sources. A digest leaves their articles out.
type Visibility interface {
	HiddenSources(ctx context.Context, guildID string) (map[string]bool, error)
}

// ErrNoStory is returned by Run and DryRun for a story name that is not
// tracked.
var ErrNoStory = errors.New("digest: no such story")

// Runner composes and posts tracked stories' digests exactly once per
// window. Use one Runner for the scheduled job and the /digest command:
// its runs are serialised, so two cannot post the same window.
type Runner struct {
	Stories  Stories
	Articles Articles
	Matcher  Matcher
	Poster   Poster
	Visible  Visibility       // optional: every source is visible without it
	Clock    func() time.Time // default time.Now
	Log      *slog.Logger     // default slog.Default()

	// MaxEntries caps entries per digest (0: no cap); the rest are
	// counted in Digest.More.
	MaxEntries int
	// PostEmpty posts a digest with no entries instead of only moving
	// the cursor.
	PostEmpty bool
	// FirstLookback is how long before a story was tracked its first
	// digest reaches back, so that it is not empty when the archive
	// already holds the day's articles. Later digests start where the
	// last one ended, so those articles are posted once.
	FirstLookback time.Duration

	mu sync.Mutex
}

// Posted counts what Run posted: digests (messages) and the entries in
// them.
type Posted struct {
	Digests, Entries int
}

// Run posts the digest of each matching story (story "" for all, guildID
// "" for every guild's) and returns what was posted. A story that fails
// does not stop the others; their errors are joined.
func (r *Runner) Run(ctx context.Context, guildID, story string) (posted Posted, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	stories, err := r.stories(ctx, guildID, story)
	if err != nil {
		return Posted{}, err
	}
	var errs []error
	for _, st := range stories {
		entries, ok, err := r.runStorySafely(ctx, st)
		if ok {
			posted.Digests++
			posted.Entries += entries
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("digest: story %q of guild %q: %w", st.Name, st.GuildID, err))
		}
	}
	return posted, errors.Join(errs...)
}

// runStorySafely is runStory with a panic (a bug on odd article text)
// turned into that story's error, so the other stories are still posted.
func (r *Runner) runStorySafely(ctx context.Context, st store.Story) (entries int, posted bool, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v\n%s", v, debug.Stack())
		}
	}()
	return r.runStory(ctx, st)
}

// DryRun returns the digests Run would post now, without posting them or
// moving any cursor. Empty digests are included.
func (r *Runner) DryRun(ctx context.Context, guildID, story string) ([]Digest, error) {
	stories, err := r.stories(ctx, guildID, story)
	if err != nil {
		return nil, err
	}
	var out []Digest
	for _, st := range stories {
		w := r.window(st)
		d, err := r.compose(ctx, st, w)
		if err != nil {
			return out, fmt.Errorf("digest: story %q of guild %q: %w", st.Name, st.GuildID, err)
		}
		out = append(out, d)
	}
	return out, nil
}

// stories returns the stories to run: all of the guild's, or the one named.
func (r *Runner) stories(ctx context.Context, guildID, story string) ([]store.Story, error) {
	all, err := r.Stories.Stories(ctx, guildID)
	if err != nil {
		return nil, fmt.Errorf("digest: list stories: %w", err)
	}
	if story == "" {
		return all, nil
	}
	var out []store.Story
	for _, st := range all {
		if strings.EqualFold(st.Name, story) {
			out = append(out, st)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %q", ErrNoStory, story)
	}
	return out, nil
}

// window is the span one run of a story covers and the nonce its post
// carries.
type window struct {
	start, end time.Time
	nonce      string
	retry      bool // a post begun before a crash, not known to be confirmed
}

// window returns (DigestedUntil, now] with a fresh nonce, or, when a post
// was begun and never committed, that post's window and nonce again, so
// Discord's nonce check turns a repeat into the message already posted.
// After downtime the window simply spans every missed slot: one post.
func (r *Runner) window(st store.Story) window {
	start := st.DigestedUntil
	if start.IsZero() {
		start = st.Created.Add(-r.FirstLookback) // a new story's first digest
	}
	if st.PendingNonce != "" && st.PendingWindowEnd.After(st.DigestedUntil) {
		return window{start: start, end: st.PendingWindowEnd, nonce: st.PendingNonce, retry: true}
	}
	end := r.now()
	return window{start: start, end: end, nonce: Nonce(st.GuildID, st.Name, end)}
}

func (r *Runner) now() time.Time {
	if r.Clock != nil {
		return r.Clock()
	}
	return time.Now()
}

func (r *Runner) log() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.Default()
}
